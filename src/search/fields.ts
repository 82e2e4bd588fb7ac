// The names the search index, the search page and its script share (no imports: this module is
// bundled into the browser script as well as used at build time).

/**
 * Kinds of page, as the "jenis" filter and URL parameter spell them: a chapter of a work, a
 * bibliography, a data page (charts and their tables), the work's own page (abstracts, metadata),
 * its abbreviations, its record of corrections (src/corrections/).
 */
export const PAGE_KINDS = ['bab', 'pustaka', 'data', 'karya', 'singkatan', 'koreksi'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** The year filter's value for works whose source gives no year, so the filter covers every page. */
export const NO_YEAR = 'tanpa-tahun';

/** Filter names, which are also the URL parameters of the search page (/cari/?q=…&karya=…). */
export const FILTERS = { work: 'karya', kind: 'jenis', year: 'tahun' } as const;

/**
 * A filter that only carries each work's title for the search page's work filter, as
 * "<work id> <language> <title>" (a slug and a language tag have no space): the page reads the works and years from the index
 * (Pagefind's filters()) when search loads, instead of listing every work in its HTML.
 */
export const WORK_LABEL_FILTER = 'judul-karya';
