// What the # and ¶ marks do once the reader uses one, and what a link to a place in the text needs:
// loaded by ./self-links.ts on a click or focus of a mark, or when the address names a place.
import { copyText } from '../../browser/announce.ts';
import { fragment, PARAGRAPH_ID } from '../../browser/safe.ts';
import { formatDay } from '../../corrections/day.ts';

/**
 * Following a mark also copies its full address. A passage's ¶ mark (paragraph, list item, footnote)
 * also selects the passage's words: the selection toolbar then offers, for the whole passage, what it
 * offers for any selection (highlight, "Salin kutipan", "Laporkan kesalahan": src/annotations/).
 */
export function copy(link: HTMLAnchorElement, prose: HTMLElement): void {
  void copyText(link.href, prose.dataset.linkCopied ?? '');
  const passage = link.classList.contains('para-anchor') ? link.parentElement : null;
  if (!passage || link.closest('[aria-hidden="true"]')) return;
  const words = document.createRange();
  words.setStartAfter(link);
  words.setEnd(passage, passage.childNodes.length);
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(words);
}

/**
 * The text's marks as one Tab stop (the first, in Prose.astro): the mark last reached is the stop; the
 * up and down arrows move to the previous or next mark, and its description says so. The sidenotes'
 * copies (hidden from assistive technology) are not in it.
 */
export function rove(prose: HTMLElement, reached: HTMLAnchorElement): void {
  const marks = [...prose.querySelectorAll<HTMLAnchorElement>('a.self-link')].filter((a) => !a.closest('[aria-hidden="true"]'));
  let current = marks.find((a) => a.tabIndex === 0);
  const move = (to: HTMLAnchorElement) => {
    if (current) {
      current.tabIndex = -1;
      current.removeAttribute('aria-describedby');
    }
    current = to;
    to.tabIndex = 0;
    to.setAttribute('aria-describedby', 'self-link-keys');
  };
  move(reached);
  prose.addEventListener('focusin', (event) => {
    const mark = event.target instanceof HTMLAnchorElement && marks.includes(event.target) ? event.target : undefined;
    if (mark && mark !== current) move(mark);
  });
  prose.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !(event.target instanceof HTMLAnchorElement)) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const next = step && marks.includes(event.target) && marks[marks.indexOf(event.target) + step];
    if (!next) return;
    event.preventDefault();
    move(next);
    next.focus();
  });
}

/** The successor an old link was sent to: its notice stays while the reader is there. */
let movedTo: string | undefined;
/** When that old link's paragraph was corrected (src/corrections/): the day and the record entry. */
let correction: { day: string; record: string; words: string[] } | undefined;

/**
 * The words of the address's text fragment (#p-x:~:text=start,end), which the browser takes out of
 * location.hash: the navigation's own URL still has them. Empty for a page reached otherwise.
 */
function fragmentWords(): string[] {
  const entry = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  const directive = entry?.name.split(':~:')[1];
  if (!directive) return [];
  const words: string[] = [];
  for (const part of directive.split('&')) {
    if (!part.startsWith('text=')) continue;
    for (const term of part.slice(5).split(',')) {
      if (term.endsWith('-') || term.startsWith('-')) continue; // a prefix or a suffix: context, not the words
      try {
        words.push(decodeURIComponent(term));
      } catch {
        // A malformed escape: not words to look for.
      }
    }
  }
  return words;
}

/** The notice of an old link to a corrected paragraph: when, whether the link's marked words went with it, and the entry. */
function sayCorrected(notice: HTMLElement, target: HTMLElement | null): void {
  const text = notice.querySelector<HTMLElement>('.moved-text');
  const part = notice.querySelector<HTMLElement>('.moved-corrected');
  if (!text || !part || !correction) return;
  const locale = document.documentElement.lang === 'en' ? 'en' : 'id';
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  // Whole words, as the browser matches a text fragment: "mengutip" is not in "mengutipx".
  const whole = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${flat(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
  const gone = correction.words.some((w) => !whole(w).test(flat(target?.textContent ?? '')));
  const template = (gone ? part.dataset.words : part.dataset.corrected) ?? '';
  part.querySelector('span')!.textContent = template.replace('{day}', formatDay(correction.day, locale));
  part.querySelector('a')!.setAttribute('href', correction.record);
  text.hidden = true;
  part.hidden = false;
}

export function checkTarget(): void {
  const id = fragment(location.hash);
  const notice = document.querySelector<HTMLElement>('.link-notice');
  const moved = document.getElementById(id)?.closest<HTMLElement>('.moved-anchor');
  const movedNotice = document.querySelector<HTMLElement>('.link-moved');
  if (moved?.dataset.movedTo) {
    // An old link (content/links/moved-ids.yaml): to its successor, saying so; the address becomes the new one.
    const to = moved.dataset.movedTo;
    // The build admits only "id" or "/site/path/#id" here (src/links/moved-ids.ts): a path is this site's.
    if (to.startsWith('/')) {
      location.replace(to);
      return;
    }
    movedTo = to;
    const { corrected: day, record } = moved.dataset;
    correction = day && record ? { day, record, words: fragmentWords() } : undefined;
    location.replace(`#${to}`);
    return;
  }
  if (movedNotice) {
    movedNotice.hidden = id !== movedTo;
    if (!movedNotice.hidden && correction) sayCorrected(movedNotice, document.getElementById(id));
  }
  if (notice) notice.hidden = !(PARAGRAPH_ID.test(id) && !document.getElementById(id));
}
