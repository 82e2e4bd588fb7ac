// Every public address, anchor and query parameter of the site, once, so a link and its target never
// drift apart. No imports: browser code uses this module as well as the build. The Indonesian words
// are permanent (published links): see the glossary in docs/architecture.md.

/**
 * Every path in this module is a site path, the same whatever the base ("/cari/"). What a page or a
 * file writes out is withBase(path) ("/ruang-baca/cari/" when BASE_PATH is /ruang-baca/), and what
 * it reads from a URL goes through withoutBase first: src/base-path.ts has both and the rule for
 * browser code (not here: this module is in the every-page chunk, with whatever it imports).
 */

/**
 * The English interface: every page again under /en/ (/en/cari/); the Indonesian pages have none.
 * Build code only: the browser scripts write "/en" themselves (resume.ts, annotations' trigger.ts and
 * notes-page.ts, search's text.ts), because whatever of this module a script uses goes into the
 * shared chunk every page loads first, and a chapter's 5 KB budget for that has 5 bytes left.
 */
export const ENGLISH_PREFIX = '/en';
const ENGLISH_PREFIX_PATTERN = /^\/en(?=\/|$)/;
export const isEnglishPath = (pathname: string) => ENGLISH_PREFIX_PATTERN.test(pathname);
/** "/x/" -> "/en/x/". */
export const englishPath = (path: string) => `${ENGLISH_PREFIX}${path}`;
/** "/en/x/" -> "/x/"; an Indonesian path as it is. */
export const withoutLocale = (pathname: string) => pathname.replace(ENGLISH_PREFIX_PATTERN, '') || '/';

/** The search page; its query is `q`, its filters FILTERS (src/search/fields.ts, also the index's names). */
export const SEARCH_URL = '/cari/';
export const QUERY_PARAM = 'q';
/** The URL parameter that carries the searched terms to a result page, to highlight them there. */
export const HIGHLIGHT_PARAM = 'sorot';
/**
 * A text fragment's directive (https://wicg.github.io/scroll-to-text-fragment/): "Salin kutipan" links
 * the words it quotes as `#<paragraph id>:~:text=…` (src/quote/text-fragment.ts). A browser that
 * ignores text fragments leaves it in the address, and the site marks the words itself, as it marks
 * a search's words (HIGHLIGHT_PARAM).
 */
export const TEXT_DIRECTIVE = ':~:text=';
/** Where the build writes the Pagefind index, as the browser asks for it. */
export const PAGEFIND_BASE = '/pagefind/';
/** The service worker (written by src/offline/build.ts) and the page it shows for what is not saved. */
export const SERVICE_WORKER_URL = '/sw.js';
export const OFFLINE_PAGE = '/luring/';
/** The static BibTeX/RIS files of the cite panel: /kutip/<work>.bib, /kutip/<work>/<chapter>.ris. */
export const CITE_FILES = '/kutip/';

/** Each work's reference list lives at /<work>/daftar-pustaka/ (a chapter file of that name). */
export const REFERENCES_SLUG = 'daftar-pustaka';
export const referencesUrl = (work: string) => `/${work}/${REFERENCES_SLUG}/`;
/** The site-wide bibliography of all works. */
export const BIBLIOGRAPHY_URL = '/daftar-pustaka/';

/** An entry's anchor on a reference page: the key itself (/daftar-pustaka/#suwarno2018ntt). */
export const entryAnchor = (key: string) => key;
export const entryUrl = (work: string, key: string) => `${referencesUrl(work)}#${entryAnchor(key)}`;
/**
 * The same entry as a chapter of the work links to it: relative, because one rendered chapter
 * serves both /<work>/<chapter>/ and /en/<work>/<chapter>/, and each must reach its own list.
 */
export const entryUrlFromChapter = (key: string) => `../${REFERENCES_SLUG}/#${entryAnchor(key)}`;
/** The hidden full reference on a chapter page that citations point to (description, popover). */
export const previewId = (key: string) => `rujukan-${key}`;
/** A citation in a chapter: its first key and the how-manieth citation led by that key it is. */
export const citationId = (key: string, n: number) => `sitasi-${key}-${n}`;

/** The downloads (BibTeX, RIS): the whole library as "ruang-baca-ntt", or one work by its slug. */
export const ALL_DOWNLOAD = 'ruang-baca-ntt';
export const downloadUrl = (name: string, format: 'bib' | 'ris') => `${BIBLIOGRAPHY_URL}${name}.${format}`;
/** The keys of the site-wide bibliography's entries, for old /daftar-pustaka/#key links (src/scale/browser/entry-anchor.ts). */
export const ENTRY_KEYS_URL = `${BIBLIOGRAPHY_URL}kunci.json`;
/**
 * One entry's BibTeX and RIS: downloads on the entry's own page (/daftar-pustaka/<key>/#unduh-entri),
 * as data: addresses in the page, not two files per entry (a static host counts files: #30).
 */
export const ENTRY_DOWNLOADS_ANCHOR = 'unduh-entri';
/**
 * Retired: one entry's own files, /daftar-pustaka/entri/<key>.bib or .ris, linked from the works'
 * reference lists until #30. Each still resolves to the entry's page, which offers both: a 301 in
 * the nginx snippet, the 404 page's script on every other host (src/bibliography/browser/retired-file.ts).
 */
export const RETIRED_ENTRY_FILE = /^\/daftar-pustaka\/entri\/([^/]+)\.(?:bib|ris)$/;

/** The data page, with each dataset's CSV and the data package beside it (/data/<id>.csv). */
export const DATA_URL = '/data/';

/** The study tools' pages: the reader's own notes, the abbreviations (library and per work), a work's tables and figures. */
export const NOTES_URL = '/catatan/';
/** The previous-studies table built from the reader's tagged highlights (src/matrix/), and each work's record for it. */
export const PREVIOUS_STUDIES_URL = '/penelitian-terdahulu/';
export const previousStudiesRecord = (work: string) => `${PREVIOUS_STUDIES_URL}${work}.json`;
export const ABBREVIATIONS_SLUG = 'singkatan';
export const ABBREVIATIONS_URL = `/${ABBREVIATIONS_SLUG}/`;
export const workAbbreviationsUrl = (work: string) => `/${work}/${ABBREVIATIONS_SLUG}/`;
export const FLOATS_SLUG = 'daftar-tabel-gambar';
export const workFloatsUrl = (work: string) => `/${work}/${FLOATS_SLUG}/`;

/** A work's record of corrections (src/corrections/), and one entry's anchor there (by the paragraph's old id). */
export const CORRECTIONS_SLUG = 'riwayat-koreksi';
export const workCorrectionsUrl = (work: string) => `/${work}/${CORRECTIONS_SLUG}/`;
export const correctionAnchor = (oldId: string) => `koreksi-${oldId}`;
/** The same entry as a chapter of the work links to it: relative, as entryUrlFromChapter (both interfaces, any base). */
export const correctionUrlFromChapter = (oldId: string) => `../${CORRECTIONS_SLUG}/#${correctionAnchor(oldId)}`;
