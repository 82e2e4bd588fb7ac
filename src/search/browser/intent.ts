// The first sign that the reader is about to search (focus in a search box, a tap on a search
// button, the first key): the search engine's two heavy files start downloading at once, side by
// side with the site's own search code, instead of one after another once that code has arrived.
// On a weak link (400 ms a request) that saves two round trips before the first results.
// Bundled into the every-page script (src/browser/boot.ts), so it stays a few lines.
import { PAGEFIND_BASE } from '../../routes.ts';

/**
 * Pagefind's WebAssembly for the index's language: the index is built with forceLanguage 'id'
 * (src/search/integration.ts), and Pagefind names the file by it.
 */
export const SEARCH_WASM = `${PAGEFIND_BASE}wasm.id.pagefind`;

let started = false;
/** Resolved once the first search has shown its results (or failed): see searchSettled(). */
let settled: Promise<void> | undefined;

/** Dispatched on window by the search code once a search has answered (results, none, or failed). */
export const SEARCH_SETTLED = 'rb-search-settled';

/**
 * Resolves once a search started on this page has answered, at once if none started: the offline
 * core's copy waits for it (src/offline/browser/offline.ts), so that on a weak link the first
 * search has the link to itself. A search that never answers lets it go after 20 s.
 */
export const searchSettled = (): Promise<void> => settled ?? Promise.resolve();

/** Adds preload links for pagefind.js and its WebAssembly (once), which engine.ts then uses. */
export function preloadSearch(): void {
  // Offline, a module preload that fails is remembered by the browser, and the engine's own import
  // of the same address would keep failing once the connection is back: then it is not tried.
  settled ??= new Promise((resolve) => {
    addEventListener(SEARCH_SETTLED, () => resolve(), { once: true });
    setTimeout(resolve, 20_000);
  });
  if (started || !navigator.onLine) return;
  started = true;
  const link = (rel: string, href: string, as?: string) => {
    const l = document.createElement('link');
    l.rel = rel;
    l.href = href;
    if (as) l.as = as;
    // Pagefind fetches the file with fetch() (CORS mode, same-origin credentials): a preload is used
    // only if its mode matches.
    if (as === 'fetch') l.crossOrigin = 'anonymous';
    document.head.append(l);
  };
  link('modulepreload', `${PAGEFIND_BASE}pagefind.js`);
  link('preload', SEARCH_WASM, 'fetch');
}
