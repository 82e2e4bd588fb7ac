// On the 404 page: an entry's retired BibTeX or RIS file (/daftar-pustaka/entri/<key>.bib or .ris,
// linked from the works' reference lists until #30) leads to the entry's own page, which offers
// both as downloads. nginx answers these addresses with a 301 itself (src/deploy/nginx.ts); a static
// host's redirect rules cannot take the key out of a file's name, and serve this page instead.
import { BIBLIOGRAPHY_URL, ENTRY_DOWNLOADS_ANCHOR, RETIRED_ENTRY_FILE } from '../../routes.ts';

// import.meta.env.BASE_URL: the base path, "/" or "/ruang-baca/" (src/base-path.ts says why not that module).
const base = import.meta.env.BASE_URL;
const { pathname } = location;
const match = pathname.startsWith(base) ? RETIRED_ENTRY_FILE.exec(pathname.slice(base.length - 1)) : null;
if (match) location.replace(`${base}${BIBLIOGRAPHY_URL.slice(1)}${match[1]}/#${ENTRY_DOWNLOADS_ANCHOR}`);
