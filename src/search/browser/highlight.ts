// Arriving from a search result (?sorot=term), marks the searched terms in the text with Pagefind's
// own highlighter, and brings the first one into view when the link named no section.
import { HIGHLIGHT_PARAM, PAGEFIND_BASE } from '../../routes.ts';

type Highlighter = new (options: Record<string, unknown>) => unknown;
const { default: PagefindHighlight } = (await import(/* @vite-ignore */ `${import.meta.env.BASE_URL}${PAGEFIND_BASE.slice(1)}pagefind-highlight.js`)) as {
  default: Highlighter;
};
new PagefindHighlight({
  highlightParam: HIGHLIGHT_PARAM,
  // <main>: the indexed region on Indonesian pages, and the same text on their English twins, which
  // are not indexed (no data-pagefind-body) but are where a result opens on an English page.
  markContext: 'main',
  addStyles: false,
  markOptions: { className: 'search-term', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
});
if (!location.hash) {
  requestAnimationFrame(() => document.querySelector('mark.search-term')?.scrollIntoView({ block: 'center' }));
}
