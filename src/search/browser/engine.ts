// Loads Pagefind's search API (built into /pagefind/ by the build) on first use and turns its
// results into what the result list shows. Shared by the header box and the search page.
import { HIGHLIGHT_PARAM, PAGEFIND_BASE } from '../../routes.ts';
import { localUrl } from './text.ts';

/** The part of Pagefind's browser API this site uses (pagefind.js ships no types). */
interface PagefindResult {
  id: string;
  data(): Promise<{
    url: string;
    excerpt: string;
    meta: Record<string, string | undefined>;
    sub_results: { title: string; url: string; excerpt: string; locations: number[] }[];
  }>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** For each filter and value, how many results that value would give. */
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { filters?: Filters }): Promise<PagefindSearch>;
  debouncedSearch(term: string | null, o?: { filters?: Filters }, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}
export type Filters = Record<string, { any: string[] }>;

export interface Section {
  title: string;
  url: string;
  excerpt: string;
}
export interface Hit extends Section {
  work: string;
  sections: Section[];
}

// The base path (src/base-path.ts) as Vite writes it in: browser code reads import.meta.env.BASE_URL
// itself, as a string, so that it shares no module (and no chunk to preload) for it.
const INDEX = import.meta.env.BASE_URL + PAGEFIND_BASE.slice(1);

let pagefind: Promise<Pagefind> | undefined;

/**
 * Pagefind searches the metadata too, and by default weighs a page's title heavily: the "work"
 * field (the work's title, on every page of it) then made each work's own page and its Daftar
 * Singkatan outrank every chapter passage for a word of the title. The work's title is shown, not
 * searched; a chapter's title counts like its text. Measured in docs/search-and-weight.md, with
 * the weights of the kinds of page (src/search/indexed-page.ts).
 */
const RANKING = { metaWeights: { title: 1, work: 0 } };

/**
 * Failed requests for the index (network down, a chunk refused). Pagefind itself swallows a failed
 * chunk and answers from what it has, which would tell the reader "no results" when the index never
 * answered; so its requests are counted here, and an answer given while one failed is not trusted.
 */
let failures = 0;
let watching = false;
function watchIndexRequests(): void {
  if (watching) return;
  watching = true;
  const original = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const index = new URL(url, location.href).pathname.startsWith(INDEX);
    try {
      const response = await original(input, init);
      if (index && !response.ok) failures++;
      return response;
    } catch (error) {
      if (index) failures++;
      throw error;
    }
  };
}

/** The search code or its index could not be fetched: say so, and try again later. */
export class SearchUnavailable extends Error {}

/** Pagefind, loaded once; the URL is built at run time so the bundler leaves it alone. */
export function engine(): Promise<Pagefind> {
  pagefind ??= (async () => {
    watchIndexRequests();
    const pf = (await import(/* @vite-ignore */ `${INDEX}pagefind.js`)) as Pagefind;
    // On the main thread, so that its index requests go through the fetch watched above (this
    // index is small: a search takes a few milliseconds there).
    // baseUrl '/': results as site paths (Pagefind would put the folder above its own, the base, in
    // front; text.ts's localUrl does, after the interface language's /en).
    await pf.options({ baseUrl: '/', highlightParam: HIGHLIGHT_PARAM, excerptLength: 26, noWorker: true, ranking: RANKING });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

/**
 * Runs `op` on the index and returns its answer only if every index request it made succeeded;
 * otherwise (or if it throws) forgets the loaded engine, so that the next try starts afresh (a
 * Pagefind whose first load failed keeps failing), and throws SearchUnavailable.
 */
export async function answered<T>(op: (pf: Pagefind) => Promise<T>): Promise<T> {
  const before = failures;
  const loading = engine();
  try {
    const pf = await loading;
    const out = await op(pf);
    if (failures !== before) throw new SearchUnavailable('a request for the search index failed');
    return out;
  } catch (error) {
    if (pagefind === loading) {
      pagefind = undefined;
      void loading.then((pf) => pf.destroy()).catch(() => {});
    }
    throw error instanceof SearchUnavailable ? error : new SearchUnavailable(String(error));
  }
}

/**
 * Searches, or resolves null when a newer search (typed meanwhile) has replaced this one. While the
 * reader types, a search waits for a pause; `now` skips the wait (a search opened from a link).
 */
export function search(term: string, filters: Filters = {}, now = false): Promise<PagefindSearch | null> {
  return answered((pf) => (now ? pf.search(term, { filters }) : pf.debouncedSearch(term, { filters }, 120)));
}

/**
 * A result as the list shows it: the page, its work, an excerpt, and up to `sections` sections
 * (those with the most matches, in the order of the text) that link to their heading.
 */
export async function hit(result: PagefindResult, sections = 3): Promise<Hit> {
  const d = await result.data();
  const title = d.meta.title ?? d.url;
  const best = d.sub_results
    .filter((s) => s.url.includes('#'))
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.locations.length - a.s.locations.length)
    .slice(0, sections)
    .sort((a, b) => a.i - b.i);
  return {
    url: localUrl(d.url),
    title,
    // A work's own page needs no second line naming the work.
    work: d.meta.work === title ? '' : (d.meta.work ?? ''),
    excerpt: d.excerpt,
    sections: best.map(({ s }) => ({ title: s.title, url: localUrl(s.url), excerpt: s.excerpt })),
  };
}
