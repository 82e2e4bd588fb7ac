// Draws search results as a list of links: the page (chapter) title, its work, an excerpt with the
// terms marked, and links to the sections that match. Shared by the header box and the search page.
import { s } from './text.ts';
import type { Hit } from './engine.ts';
import { inAddress } from './address.ts';
// Its stylesheet by address, linked when this code runs: imported as a style, Astro would link it
// from every page that might load this code (each page, for the header box).
import stylesheet from '../results.css?url';

if (!document.querySelector(`link[href="${stylesheet}"]`)) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet }));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpts are text with the matched words in <mark>. Parsed in an inert <template>
 * and anything but <mark> reduced to its text, so an excerpt can never inject markup. A match
 * inside a web address is left unmarked (see inAddress).
 */
function excerpt(html: string, className: string): HTMLParagraphElement {
  const p = el('p', className);
  const template = document.createElement('template');
  template.innerHTML = html;
  const parts = [...template.content.childNodes].map((node) => ({ mark: node.nodeName === 'MARK', text: node.textContent ?? '' }));
  parts.forEach(({ mark, text }, i) => {
    // The whole space-free run the match sits in: the end of the text before it, the start of the text after it.
    const before = /\S*$/.exec(
      parts
        .slice(0, i)
        .map((x) => x.text)
        .join(''),
    )![0];
    const after = /^\S*/.exec(
      parts
        .slice(i + 1)
        .map((x) => x.text)
        .join(''),
    )![0];
    if (mark && !inAddress(before + text + after)) p.append(el('mark', '', text));
    else p.append(text);
  });
  p.normalize();
  return p;
}

function item(h: Hit): HTMLLIElement {
  const li = el('li', 'search-hit');
  const title = el('a', 'search-hit-title', h.title);
  if (h.url) title.href = h.url;
  li.append(title);
  if (h.work) li.append(el('p', 'search-hit-work', h.work));
  // With matching sections, their excerpts say more than the page's (which repeats the first one).
  if (!h.sections.length) li.append(excerpt(h.excerpt, 'search-hit-excerpt'));
  else {
    const ul = el('ul', 'search-hit-sections');
    ul.setAttribute('aria-label', `${s.sections}: ${h.title}`);
    for (const sec of h.sections.filter((x) => x.url)) {
      const sli = el('li');
      const a = el('a', '', sec.title);
      a.href = sec.url;
      sli.append(a, excerpt(sec.excerpt, 'search-hit-excerpt'));
      ul.append(sli);
    }
    li.append(ul);
  }
  return li;
}

/** Appends the hits to a list (or replaces its items when `replace`). */
export function renderHits(list: HTMLOListElement, hits: Hit[], replace = true): void {
  if (replace) list.replaceChildren();
  const items = hits.map(item);
  list.append(...items);
  void markNotSaved(items);
}

/** One hit as a list item, for a list drawn a result at a time. */
export function renderHit(hit: Hit): HTMLLIElement {
  const li = item(hit);
  void markNotSaved([li]);
  return li;
}

/**
 * Offline, the index (saved with the core) finds every work, but a page opens only if it is on this
 * device: a hit whose page is in none of the service worker's caches says so instead of leading to
 * a failure. The worker stores pages by file (`/x/index.html`); online nothing is said.
 */
async function markNotSaved(items: HTMLLIElement[]): Promise<void> {
  if (navigator.onLine || !('caches' in window)) return;
  for (const li of items) {
    const href = li.querySelector<HTMLAnchorElement>('a.search-hit-title[href]')?.href;
    if (!href) continue;
    const path = new URL(href).pathname;
    let saved = true;
    try {
      saved = !!(await caches.match(path.endsWith('/') ? `${path}index.html` : path));
    } catch {
      // Storage unreadable: say nothing rather than something false.
    }
    if (!saved && li.isConnected) {
      li.dataset.notSaved = '';
      li.querySelector('.search-hit-title')!.after(el('p', 'search-hit-offline', s.notSaved));
    }
  }
}

/** Moves focus between the result links with the arrow keys; returns true when it did. */
export function arrowKeys(event: KeyboardEvent, links: HTMLAnchorElement[], input: HTMLInputElement): boolean {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at === -1 && (event.target !== input || event.key === 'ArrowUp' || !links.length)) return false;
  const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
  event.preventDefault();
  if (next < 0) input.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
  return true;
}
