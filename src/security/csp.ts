// The Content-Security-Policy: the site loads everything from itself. Pagefind needs
// 'wasm-unsafe-eval' (its search runs as WebAssembly) and a worker from the site; the service worker
// is a worker from the site too. Inline scripts are allowed one by one by the hash of their text
// (./inline-scripts.ts); JSON-LD (<script type="application/ld+json">) is data and needs nothing.
// No 'unsafe-inline' for scripts or styles: no style="" attribute or <style> element is written.
//
// Delivered twice: as <meta http-equiv> in every page (src/layouts/Base.astro), for static hosts
// that send no headers; and as a header by `astro preview` (and so the test server), which can also
// say frame-ancestors (a directive browsers ignore, with a console error, in a <meta>).
import { createHash } from 'node:crypto';
import { INLINE_SCRIPTS } from './inline-scripts.ts';

/** 'sha256-…' of a script's exact text, as CSP compares it. */
export const scriptHash = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", ...INLINE_SCRIPTS.map(scriptHash)],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

const serialize = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** For <meta http-equiv="content-security-policy">. */
export const CSP_META = serialize(DIRECTIVES);

/** For the Content-Security-Policy header: the same, and no framing by other sites. */
export const CSP_HEADER = serialize({ ...DIRECTIVES, 'frame-ancestors': ["'none'"] });
