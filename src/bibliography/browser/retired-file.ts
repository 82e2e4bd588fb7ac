// On the 404 page: an entry's retired BibTeX or RIS file (/daftar-pustaka/entri/<key>.bib or .ris,
// linked from the works' reference lists until #30) leads to the entry's own page, which offers
// both as downloads. nginx answers these addresses with a 301 itself (src/deploy/nginx.ts); a static
// host's redirect rules cannot take the key out of a file's name, and serve this page instead.
//
// The addresses are src/routes.ts's RETIRED_ENTRY_FILE, BIBLIOGRAPHY_URL and ENTRY_DOWNLOADS_ANCHOR,
// written out here: routes.ts is bundled into every page's shared script, where any constant a
// browser script imports from it is carried, so importing them cost every page 66 bytes (gzip) for
// this one page. tests/unit/retired-file.test.ts holds the two copies equal.
const base = import.meta.env.BASE_URL;
const { pathname } = location;
const RETIRED = /^\/daftar-pustaka\/entri\/([^/]+)\.(?:bib|ris)$/;
const match = pathname.startsWith(base) ? RETIRED.exec(pathname.slice(base.length - 1)) : null;
// eslint-disable-next-line no-restricted-syntax -- BIBLIOGRAPHY_URL and ENTRY_DOWNLOADS_ANCHOR of src/routes.ts (see above)
if (match) location.replace(`${base}daftar-pustaka/${match[1]}/#unduh-entri`);
