// Loads Pagefind's search API (built into /pagefind/ by the build) on first use and turns its
// results into what the result list shows. Shared by the header box and the search page.
import { HIGHLIGHT_PARAM, PAGEFIND_BASE } from '../../lib/search-fields';
import { localUrl } from './text';

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

let pagefind: Promise<Pagefind> | undefined;

/** Pagefind, loaded once; the URL is built at run time so the bundler leaves it alone. */
export function engine(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${PAGEFIND_BASE}pagefind.js`)) as Pagefind;
    await pf.options({ highlightParam: HIGHLIGHT_PARAM, excerptLength: 26 });
    await pf.init();
    return pf;
  })();
  // A failed load (offline before the first visit finished caching) may be retried later.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/**
 * Searches, or resolves null when a newer search (typed meanwhile) has replaced this one. While the
 * reader types, a search waits for a pause; `now` skips the wait (a search opened from a link).
 */
export async function search(term: string, filters: Filters = {}, now = false): Promise<PagefindSearch | null> {
  const pf = await engine();
  return now ? pf.search(term, { filters }) : pf.debouncedSearch(term, { filters }, 120);
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
