// The fallback for a quotation's link (`#p-…:~:text=…`, ./quote.ts) in a browser that does not apply
// text fragments (no document.fragmentDirective): one that never knew them leaves the directive in
// location.hash, one with the feature switched off drops it (the navigation's entry keeps it); either
// way it neither scrolls to the paragraph nor marks the words. This does both, marking them as a search's
// words are marked (mark.search-term, src/search/search.css, brought into view as
// src/search/browser/highlight.ts does). Loaded by src/browser/boot.ts only when the address holds an
// unprocessed directive.
import { highlightText } from '@apache-annotator/dom';
import { TEXT_DIRECTIVE } from '../../routes.ts';
import { findDirective, parseFragment, type TextDirective } from '../text-fragment.ts';

/** The text of `scope` as a reader sees it (whitespace runs as one space), with each character's place in the DOM. */
function textOf(scope: Element): { text: string; at: [Text, number][] } {
  let text = '';
  const at: [Text, number][] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    // The sidenotes' copies are hidden from assistive technology and repeat the notes' words.
    acceptNode: (n) => (n.parentElement?.closest('[aria-hidden="true"], [data-pagefind-ignore]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.data.length; i++) {
      const c = node.data[i]!;
      if (/\s/.test(c)) {
        if (!text || text.endsWith(' ')) continue;
        text += ' ';
      } else text += c;
      at.push([node, i]);
    }
  }
  return { text, at };
}

function rangeIn(scope: Element, d: TextDirective): Range | undefined {
  const { text, at } = textOf(scope);
  const found = findDirective(text, d);
  if (!found) return undefined;
  const [from, to] = found;
  const range = document.createRange();
  range.setStart(...at[from]!);
  const [node, offset] = at[to - 1]!;
  range.setEnd(node, offset + 1);
  return range;
}

/** The fragment with its directive: the address's, else the one the navigation asked for (see src/browser/boot.ts). */
function requested(): string {
  if (location.hash.includes(TEXT_DIRECTIVE)) return location.hash;
  const asked = performance.getEntriesByType?.('navigation')[0]?.name ?? '';
  const at = asked.indexOf('#');
  return at < 0 ? '' : asked.slice(at);
}

export function markQuotation(): void {
  const f = parseFragment(requested());
  if (!f) return;
  const target = f.id ? document.getElementById(f.id) : null;
  const text = document.querySelector('.prose') ?? document.querySelector('main');
  for (const d of f.directives) {
    const range = (target && rangeIn(target, d)) ?? (text && rangeIn(text, d));
    if (range) highlightText(range, 'mark', { class: 'search-term' });
  }
  const first = document.querySelector<HTMLElement>('mark.search-term') ?? target;
  if (target) {
    // Keyboard and screen-reader users land on the paragraph, as a link to it takes them there.
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }
  requestAnimationFrame(() => first?.scrollIntoView({ block: 'center' }));
}

markQuotation();
