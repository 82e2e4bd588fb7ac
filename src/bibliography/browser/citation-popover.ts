// The citation popover (CitationPopover.astro), loaded on a reader's first hover, focus or tap on a
// citation. Hover (mouse), focus (keyboard) and tap (touch) open it next to the citation; Escape,
// the close button or a tap elsewhere close it, and focus returns to the citation.
// Its links and button are out of the tab order (tabindex -1), so that tabbing through a chapter
// visits each citation once, not three times: the citation already leads to the entry, and a screen
// reader hears the reference through aria-describedby. Arrow Down on a citation moves into its
// popover (the DOI or URL of the reference), Escape back out; a tap focuses the popover itself.
// The references themselves come with this module (the chapter's rujukan.json, src/bibliography/previews.ts):
// once they are there, hidden in the page, each citation is described by its entry's.
import { previewId } from '../../routes.ts';
// Its stylesheet by address, linked when this code runs (as search's results.ts does): imported as a
// style, it would be in every chapter's first load.
import stylesheet from '../popover.css?url';

const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet });
/** The popover is not shown before its styles are there (or failed to come). */
const styled = new Promise((resolve) => (link.onload = link.onerror = resolve));
document.head.append(link);
const pop = document.getElementById('citation-popover') as HTMLElement;
const body = pop.querySelector('.citation-popover-body') as HTMLElement;
const entryLink = pop.querySelector('.citation-popover-entry') as HTMLAnchorElement;
// Note-style citations are footnotes: the footnote popover and sidenotes (Prose.astro) show them.
const triggers = document.querySelectorAll<HTMLAnchorElement>('.prose a.citation-link');
let current: HTMLAnchorElement | undefined;
let pointer = matchMedia('(pointer: coarse)').matches ? 'touch' : '';
let timer = 0;
// True while focus goes back to the citation after closing, which must not open it again.
let returning = false;

const isOpen = () => pop.matches(':popover-open');

/** Puts the chapter's references into the page (hidden) and describes each citation by them; false if they cannot be had. */
async function loadPreviews(): Promise<boolean> {
  try {
    const res = await fetch(pop.dataset.previews ?? '', { credentials: 'same-origin' });
    if (!res.ok) return false;
    const entries: unknown = await res.json();
    if (!entries || typeof entries !== 'object') return false;
    const box = document.createElement('div');
    box.className = 'citation-previews';
    box.hidden = true;
    for (const [key, html] of Object.entries(entries)) {
      if (typeof html !== 'string') continue;
      const entry = document.createElement('div');
      entry.id = previewId(key);
      entry.className = 'csl-entry';
      entry.lang = body.lang;
      // The site's own file, made at build time from the bibliography (citeproc's HTML).
      entry.innerHTML = html;
      box.append(entry);
    }
    pop.before(box);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.prose a.citation-link[data-cites]')) {
      const ids = (a.dataset.cites ?? '').split(' ').filter((key) => document.getElementById(previewId(key)));
      if (ids.length) a.setAttribute('aria-describedby', ids.map(previewId).join(' '));
    }
    await styled;
    return true;
  } catch {
    // Offline with the chapter not saved, or a file of another build: the citations lead to the entries as they are.
    return false;
  }
}
let previews: Promise<boolean> | undefined;
/** The references, fetched once (again after a failure, at the next citation reached). */
const previewsReady = () => {
  const loading = (previews ??= loadPreviews());
  void loading.then((ok) => ok || (previews === loading && (previews = undefined)));
  return loading;
};
void previewsReady();

function content(a: HTMLAnchorElement): Node[] {
  return (a.dataset.cites ?? '').split(' ').flatMap((key) => {
    const preview = document.getElementById(previewId(key))?.cloneNode(true) as HTMLElement | undefined;
    preview?.removeAttribute('id');
    return preview ? [preview] : [];
  });
}

function place() {
  if (!current || !isOpen()) return;
  const r = current.getBoundingClientRect();
  const width = Math.min(pop.offsetWidth, innerWidth - 16);
  pop.style.left = `${Math.max(8, Math.min(r.left, innerWidth - width - 8))}px`;
  const below = r.bottom + 6;
  pop.style.top = below + pop.offsetHeight < innerHeight || r.top < pop.offsetHeight + 6 ? `${below}px` : `${r.top - pop.offsetHeight - 6}px`;
}

function open(a: HTMLAnchorElement) {
  clearTimeout(timer);
  if (current === a && isOpen()) return;
  close(false);
  const nodes = content(a);
  if (!nodes.length) return;
  body.replaceChildren(...nodes);
  for (const el of pop.querySelectorAll<HTMLElement>('a[href], button')) el.tabIndex = -1;
  entryLink.href = a.href;
  current = a;
  // Right after the citation in the document, so Tab moves from the citation into the popover.
  a.after(pop);
  pop.showPopover();
  place();
}

function close(restoreFocus: boolean) {
  clearTimeout(timer);
  if (!isOpen()) return;
  const had = pop.contains(document.activeElement);
  pop.hidePopover();
  if ((restoreFocus || had) && current) {
    returning = true;
    current.focus();
    returning = false;
  }
}

const later = () => {
  clearTimeout(timer);
  timer = window.setTimeout(() => close(false), 250);
};

document.addEventListener(
  'pointerdown',
  (e) => {
    pointer = e.pointerType;
    const target = e.target as Node;
    if (isOpen() && !pop.contains(target) && !current?.contains(target)) close(false);
  },
  true,
);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && isOpen()) {
    e.preventDefault();
    close(true);
  }
  // Arrow keys into and within the open popover (its controls are not Tab stops).
  if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && isOpen() && current) {
    const controls = [...pop.querySelectorAll<HTMLElement>('a[href], button')];
    const at = controls.indexOf(document.activeElement as HTMLElement);
    if (document.activeElement === current && e.key === 'ArrowDown') controls[0]?.focus();
    else if (at >= 0) (e.key === 'ArrowDown' ? controls[at + 1] : at === 0 ? current : controls[at - 1])?.focus();
    else return;
    e.preventDefault();
  }
});
for (const a of triggers) {
  a.addEventListener('mouseenter', () => pointer !== 'touch' && void previewsReady().then(() => a.matches(':hover') && open(a)));
  a.addEventListener('mouseleave', later);
  a.addEventListener('focus', () => !returning && void previewsReady().then(() => document.activeElement === a && open(a)));
  a.addEventListener('blur', (e) => {
    if (!pop.contains(e.relatedTarget as Node)) later();
  });
  a.addEventListener('click', (e) => {
    // A tap shows the reference first; the popover's own link leads on to the entry. Without the
    // references (not fetched yet, or not to be had) the tap follows the link.
    if (pointer !== 'touch' || !content(a).length) return;
    e.preventDefault();
    open(a);
    pop.focus();
  });
}
pop.addEventListener('mouseenter', () => clearTimeout(timer));
pop.addEventListener('mouseleave', () => pointer !== 'touch' && later());
pop.addEventListener('focusout', (e) => {
  const next = e.relatedTarget as Node | null;
  if (!next || (!pop.contains(next) && next !== current)) later();
});
pop.querySelector('.citation-popover-close')?.addEventListener('click', () => close(true));
addEventListener('scroll', place, { passive: true });
addEventListener('resize', place);

/**
 * Handles the interaction that loaded this module (its own listeners take the next ones), once the
 * references are there; a tap whose link was held follows it if they cannot be had. Without an
 * interaction (the first Tab of a keyboard reader) it only fetches them.
 */
export async function first(a: HTMLAnchorElement | undefined, event: 'pointerover' | 'focusin' | 'click', touch: boolean) {
  if (touch) pointer = 'touch';
  const ok = await previewsReady();
  if (!a) return;
  if (event === 'click' && touch) {
    if (!ok) return void (location.href = a.href);
    open(a);
    pop.focus();
  } else if (ok && (event === 'focusin' ? document.activeElement === a : a.matches(':hover'))) open(a);
}
