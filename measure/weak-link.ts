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
 * A link to pass to serveStatic's `delay`: each answer waits a round trip, then its bytes share the
 * link's speed equally with the others in flight (as HTTP/2 streams or parallel connections do), and
 * is sent when its last byte would have arrived. `log` records what each request cost; `on`
 * switches the slowness off and on (to fill a service worker's caches first).
 */
export function weakLink(dist: string, profile: LinkProfile = WEAK_LINK) {
  /** Each request: its bytes, when it came, and (once given up by the client) that it was stopped. */
  const log: { path: string; bytes: number; at: number; aborted?: boolean }[] = [];
  const inFlight = new Set<{ left: number; done: () => void }>();
  let ticker: ReturnType<typeof setInterval> | undefined;
  let last = 0;
  const TICK = 5;
  const tick = () => {
    const now = performance.now();
    const share = (((now - last) / 1000) * profile.rate) / Math.max(1, inFlight.size);
    last = now;
    for (const t of inFlight) {
      t.left -= share;
      if (t.left <= 0) {
        inFlight.delete(t);
        t.done();
      }
    }
    if (!inFlight.size) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
  const link = {
    on: true,
    log,
    /** `aborted`: the client gave up; the answer stops taking its share of the link. */
    delay(pathname: string, aborted?: AbortSignal): Promise<void> {
      const file = servedFile(dist, pathname) ?? join(dist, '404.html');
      const bytes = wireBytes(file);
      const entry: (typeof log)[number] = { path: pathname, bytes, at: performance.now() };
      log.push(entry);
      if (!link.on) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const t = { left: bytes, done: resolve };
        const timer = setTimeout(() => {
          if (!ticker) {
            last = performance.now();
            ticker = setInterval(tick, TICK);
          }
          inFlight.add(t);
        }, profile.latency);
        aborted?.addEventListener('abort', () => {
          if (!inFlight.delete(t) && t.left <= 0) return;
          clearTimeout(timer);
          entry.aborted = true;
          resolve();
        });
      });
    },
  };
  return link;
}
