// A small static file server on 127.0.0.1 for tests that need a copy of the built site they can
// change (a second build for the update test) while a browser has it open.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

async function file(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined; // A malformed address (a bad %-escape) names no file.
  }
  const path = join(root, normalize(decoded).replace(/^(\.\.[/\\])+/, ''));
  for (const candidate of [path, join(path, 'index.html')]) {
    if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate;
  }
  return undefined;
}

/** `root` may be a function: the folder is chosen per request (two builds from one port, switched). */
/**
 * `requests` lists every path asked for, in order; `delay` slows answers (ms per path, or a promise
 * the answer waits for: a modelled slow link, measure/weak-link.ts).
 */
export async function serveStatic(
  root: string | (() => string),
  options: { delay?: (path: string, aborted: AbortSignal) => number | Promise<void> } = {},
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(pathname);
    // The client gave up (a service worker stopping a background copy): a modelled link stops sending.
    const gone = new AbortController();
    res.on('close', () => res.writableFinished || gone.abort());
    const wait = options.delay?.(pathname, gone.signal) ?? 0;
    if (typeof wait !== 'number') await wait;
    else if (wait) await new Promise((r) => setTimeout(r, wait));
    const dir = typeof root === 'function' ? root() : root;
    const found = await file(dir, pathname);
    // A file renamed or removed between finding and reading it (a test deploying a build under the
    // running server) is a 404, as a real server answers: an error thrown here left the request
    // unanswered, and a page waiting on it hung (a fresh-clone run's offline test waited 120 s).
    const body = found ? await readFile(found).catch(() => undefined) : undefined;
    const page = body ?? (await readFile(join(dir, '404.html')).catch(() => Buffer.from('')));
    res.writeHead(body ? 200 : 404, {
      'Content-Type': TYPES[extname(body ? found! : '.html')] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return { url: `http://127.0.0.1:${address.port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
