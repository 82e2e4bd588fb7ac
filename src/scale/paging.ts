// Paging: every list that grows with the library (the works on the home page, the site-wide
// bibliography, an entry's back-links, the sitemap) is cut into pages of a fixed size, so that no
// page grows with the library. Page 1 keeps the list's own address (/, /daftar-pustaka/), so the
// addresses published before paging stay valid; page n > 1 lives at <base>halaman/<n>/.
import { BIBLIOGRAPHY_URL } from '../routes.ts';
import { withBase } from '../base-path.ts';
import { DEFAULT_LOCALE } from '../i18n/index.ts';

/** Works per page of the library home (/ and /halaman/<n>/). */
export const WORKS_PER_PAGE = 24;
/** Entry summaries per page of the site-wide bibliography (/daftar-pustaka/, …/halaman/<n>/). */
export const ENTRIES_PER_PAGE = 50;
/** Works whose back-links one page of an entry shows (/daftar-pustaka/<key>/, …/<key>/<n>/). */
export const CITING_WORKS_PER_PAGE = 40;
/**
 * Other works' wording of an entry that a work's compiled reference list shows with it (where the
 * work prints no list); the rest are on the entry's own page, which pages them.
 */
export const OTHER_PRINTINGS_SHOWN = 3;
/** Datasets per page of the data page (/data/, /data/halaman/<n>/); the comparisons are on page 1. */
export const DATASETS_PER_PAGE = 30;
/** Rows (an abbreviation as one work spells it out) on a page of the library's Daftar Singkatan. */
export const ABBREVIATION_ROWS_PER_PAGE = 200;
/** Site paths per child sitemap (each path is listed in both interface languages). */
export const PATHS_PER_SITEMAP = 250;

/** The path segment of page n > 1; also a name no work slug or entry key may take. */
export const PAGE_SEGMENT = 'halaman';

export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1, also for an empty list). */
  count: number;
  items: T[];
}

/** The list cut into pages of `size` (an empty list gives one empty page). */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, not ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, count, items: items.slice(i * size, (i + 1) * size) }));
}

/** The address of page n of a list whose first page is `base` ("/daftar-pustaka/", 3 -> "/daftar-pustaka/halaman/3/"). */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}${PAGE_SEGMENT}/${n}/`;
}

/** The page (1-based) that holds the item at `index` (0-based). */
export const pageOf = (index: number, size: number) => Math.floor(index / size) + 1;

/**
 * The page numbers a pager shows: the first, the last, and those near the current one, with null
 * where numbers are left out (1 … 4 5 6 … 20): bounded, however many pages there are.
 */
export function pagerNumbers(current: number, count: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= around) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** The site-wide bibliography's entry pages: /daftar-pustaka/<key>/ (back-links page n at …/<key>/<n>/). */
export const entryPageUrl = (key: string, n = 1) => `${BIBLIOGRAPHY_URL}${encodeURIComponent(key)}/${n > 1 ? `${n}/` : ''}`;

/**
 * An entry's page has one interface, the Indonesian one (#30: a library of 1,000 works has some
 * 12,000 entries, and an English copy of each page was a tenth of the site's bytes): the English
 * pages link to it as it is published, and its old /en/ address is a page that leads there
 * (src/scale/EntryRedirect.astro).
 */
export const entryPageHref = (key: string, n = 1) => withBase(entryPageUrl(key, n));
/** The hreflang of a link to an entry's page from a page in `locale`: its language where it is another. */
export const entryPageHreflang = (locale: string) => (locale === DEFAULT_LOCALE ? undefined : DEFAULT_LOCALE);
