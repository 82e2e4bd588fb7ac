// Links to a section or paragraph (the # and ¶ marks): following one also copies its full address.
// A link to a paragraph id that no longer exists (its text was corrected) says so instead of
// leaving the reader at an unrelated place.
import { copyText } from '../../browser/announce';
import { fragment, PARAGRAPH_ID } from '../../browser/safe';

const prose = document.querySelector<HTMLElement>('.prose');

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.self-link') : null;
  if (!link || !prose) return;
  void copyText(link.href, prose.dataset.linkCopied ?? '');
});

// One Tab stop for all the # and ¶ marks of the text (src/markdown/self-link.ts makes none of them
// one): the mark last reached, first the first; the up and down arrows move to the previous or next
// mark, and its description says so. The sidenotes' copies (hidden from assistive technology) are not in it.
const marks = prose ? [...prose.querySelectorAll<HTMLAnchorElement>('a.self-link')].filter((a) => !a.closest('[aria-hidden="true"]')) : [];
let current: HTMLAnchorElement | undefined;
function rove(to: HTMLAnchorElement): void {
  if (current) {
    current.tabIndex = -1;
    current.removeAttribute('aria-describedby');
  }
  current = to;
  to.tabIndex = 0;
  to.setAttribute('aria-describedby', 'self-link-keys');
}
if (marks[0]) rove(marks[0]);
prose?.addEventListener('focusin', (event) => {
  const mark = event.target instanceof HTMLAnchorElement && marks.includes(event.target) ? event.target : undefined;
  if (mark && mark !== current) rove(mark);
});
prose?.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || !(event.target instanceof HTMLAnchorElement)) return;
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  const next = step && marks[marks.indexOf(event.target) + step];
  if (!next || !marks.includes(event.target)) return;
  event.preventDefault();
  rove(next);
  next.focus();
});

/** The successor an old link was sent to: its notice stays while the reader is there. */
let movedTo: string | undefined;

function checkTarget(): void {
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
    location.replace(`#${to}`);
    return;
  }
  if (movedNotice) movedNotice.hidden = id !== movedTo;
  if (notice) notice.hidden = !(PARAGRAPH_ID.test(id) && !document.getElementById(id));
}
checkTarget();
addEventListener('hashchange', checkTarget);
