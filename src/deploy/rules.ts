// How a web server must serve the built site, once, for every host: the nginx snippet
// (./nginx.ts), Netlify's and Cloudflare Pages' _headers (./static-hosts.ts) and the tests that
// check a real nginx against it (tests/deploy/). No imports but the CSP: plain Node uses it too.
//
// Why these rules:
// - Code in _astro/ is named by its content's hash: a year and `immutable`, so a return visit on a
//   metered connection does not even ask whether it changed. Pagefind's index files (.pf_*) are
//   named by their hash too.
// - Everything else keeps its name from build to build (pages, sw.js, the offline file lists, the
//   manifest, the search's entry files, downloads): `no-cache`, i.e. stored but checked (a 304 when
//   unchanged), so a new build reaches readers at once and the service worker never installs a
//   mix of two builds. Icons change with the design only: a week.
import { CSP_HEADER } from '../security/csp.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const WEEK = 'public, max-age=604800';

/** A kind of file: its path in the build (a pattern over the path without the base), its Cache-Control. */
export interface CacheRule {
  name: string;
  /** For nginx: a regular expression over the path under the base. */
  pattern: RegExp;
  /** For _headers (Netlify, Cloudflare Pages): the same as paths with `*`, separated by spaces. */
  glob: string;
  cache: string;
}

/** First match wins; the last rule takes everything. */
export const CACHE_RULES: CacheRule[] = [
  { name: 'hashed code', pattern: /^_astro\//, glob: '_astro/*', cache: IMMUTABLE },
  // eslint-disable-next-line no-restricted-syntax -- file globs of the built folder, not addresses of pages
  { name: 'search index (hashed)', pattern: /^pagefind\/.*\.pf_(meta|index|fragment)$/, glob: 'pagefind/*/*', cache: IMMUTABLE },
  { name: 'icons', pattern: /^(icons\/|favicon\.svg$)/, glob: 'icons/* favicon.svg', cache: WEEK },
  { name: 'everything else', pattern: /(?:)/, glob: '*', cache: REVALIDATE },
];

export const cacheControl = (path: string) => CACHE_RULES.find((r) => r.pattern.test(path))!.cache;

/**
 * Media types by extension, with the charset for text (a host that does not know .bib or .ris sends
 * them as application/octet-stream, and a browser then offers to save a page of text as a file).
 * Pagefind's files (.pf_*, the .pagefind WebAssembly) are already gzip inside: binary.
 */
export const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  epub: 'application/epub+zip',
  zip: 'application/zip',
  pdf: 'application/pdf',
};

export const extension = (path: string) => /\.([A-Za-z0-9_]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
export const contentType = (path: string) => TYPES[extension(path)] ?? 'application/octet-stream';

/** Text worth compressing (the build writes .br and .gz beside each: ./compress.ts). */
export const COMPRESSIBLE = new Set(['html', 'js', 'mjs', 'css', 'json', 'jsonld', 'map', 'webmanifest', 'xml', 'txt', 'md', 'csv', 'bib', 'ris', 'svg']);

/** Headers every answer carries, the CSP with frame-ancestors (which a <meta> cannot say). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
