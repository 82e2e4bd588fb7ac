// A weak mobile link, put in the server (Chromium's network throttling does not reach a service
// worker's own fetches): every request waits a round trip, then its bytes share one link of a given
// speed with the others in flight (first come, first served). Bytes are what a host serving
// compressed files would send: Pagefind's files are gzipped already, the site's text files count
// gzipped. One model for `npm run bench` (scripts/bench/weak-link.ts) and the tests that need a slow link.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface LinkProfile {
  /** Bytes a second. */
  rate: number;
  /** Milliseconds before a response starts (a round trip and the server's time). */
  latency: number;
}

/** The profile of issue #26: a phone on a weak link, 50 KB/s, 400 ms a request. */
export const WEAK_LINK: LinkProfile = { rate: 50 * 1024, latency: 400 };

/** The file in `dist` a request path is answered with (a folder's index.html), or undefined. */
export function servedFile(dist: string, pathname: string): string | undefined {
  const path = join(dist, decodeURIComponent(pathname));
  for (const f of [path, join(path, 'index.html')]) {
    try {
      if (statSync(f).isFile()) return f;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const COMPRESSIBLE = /\.(html|css|js|mjs|json|webmanifest|svg|txt|xml)$/;
const sizes = new Map<string, number>();

/** Bytes on the wire for a file of `dist`: gzip for text, as is for the rest. */
export function wireBytes(file: string): number {
  let n = sizes.get(file);
  if (n === undefined) {
    const body = readFileSync(file);
    n = COMPRESSIBLE.test(file) ? gzipSync(body).length : body.length;
    sizes.set(file, n);
  }
  return n;
}

/**
 * A link to pass to serveStatic's `delay`: how long to hold each request, and what it cost. `on`
 * switches the slowness off and on (to let a service worker fill its caches first).
 */
export function weakLink(dist: string, profile: LinkProfile = WEAK_LINK) {
  let freeAt = 0;
  const log: { path: string; bytes: number; at: number }[] = [];
  const link = {
    on: true,
    log,
    delay(pathname: string): number {
      const file = servedFile(dist, pathname) ?? join(dist, '404.html');
      const bytes = wireBytes(file);
      const now = performance.now();
      log.push({ path: pathname, bytes, at: now });
      if (!link.on) return 0;
      const start = Math.max(now + profile.latency, freeAt);
      freeAt = start + (bytes / profile.rate) * 1000;
      return freeAt - now;
    },
  };
  return link;
}
