// The build's caches, in one place: every module-level value the build computes once and keeps
// is registered here with its name, its lifetime and its inputs, so that what the build holds, for
// how long and made from what can be read from one list (registeredCaches; docs/architecture.md), and
// so that the page build's caches are let go of together once the pages are written.
//
// Lifetimes:
//   pages  made from the content while the pages render, let go of once they are written (the steps
//          after them, the link ledger, the books, the search index and the service worker, run in
//          the same process with Node's default heap); refilled if asked again. In `npm run dev`
//          each is made again when its inputs change: it is keyed by their modification times, or
//          made with perBuild (again when a file under content/ changed), or not kept in dev at all.
//   build  small and made from the code, not the content (a style's text, a number format, a
//          Markdown processor, the Typst compiler): kept for the whole process.
// The build loads the code that registers caches twice (once for the Markdown plugins, once in the
// pages' bundle) and this module's integration cannot import the pages' copy, so both copies
// register in one list on globalThis; a name may appear twice, once per copy.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR, ROOT } from '../paths.ts';

export type Lifetime = 'pages' | 'build';

export interface CacheInfo {
  /** Its file and what it holds. */
  name: string;
  lifetime: Lifetime;
  /** What it is made from, and how `npm run dev` notices that they changed. */
  inputs: string;
}

interface Registered extends CacheInfo {
  /** This copy of the module (see above). */
  copy: symbol;
  release: () => void;
}

const copy = Symbol('src/build/cache.ts');

const registry: Registered[] = ((globalThis as { [k: symbol]: Registered[] })[Symbol.for('ruangbaca.build-caches')] ??= []);

/** Registers a cache: its name (its file and what it holds), its lifetime, its inputs, and how to empty it. */
export function registerCache(name: string, lifetime: Lifetime, inputs: string, release: () => void): void {
  // In `npm run dev` Vite runs a module again after the content it imports changed: its new cache
  // takes the old one's place, so the registry does not keep the old one's values alive.
  const entry = { name, lifetime, inputs, copy, release };
  const at = registry.findIndex((r) => r.copy === copy && r.name === name);
  if (at >= 0) registry[at] = entry;
  else registry.push(entry);
}

/** The caches registered so far (each once, though the build may load its module twice). */
export function registeredCaches(): CacheInfo[] {
  const seen = new Map<string, CacheInfo>();
  for (const { name, lifetime, inputs } of registry) seen.set(name, { name, lifetime, inputs });
  return [...seen.values()];
}

/** Empties every cache of the page build (lifetime "pages"); returns how many there were. */
export function releaseCaches(): number {
  const pages = registry.filter((c) => c.lifetime === 'pages');
  for (const cache of pages) cache.release();
  return pages.length;
}

/**
 * The caches' build step. `astro build`: lets go of the page build's caches once the pages are
 * written. `astro dev`: when a file under content/ changes, lets go of them too, and has Astro
 * forget the pages' getStaticPaths results (its route cache, which it clears only after a content
 * collection changed, not after an edit of content/bibliography.json, which the bibliography reads
 * itself: an entry's page would keep its old title) and the browser reload.
 */
export function cachesIntegration(): AstroIntegration {
  return {
    name: 'ruang-baca:caches',
    hooks: {
      'astro:build:generated': () => {
        releaseCaches();
      },
      'astro:server:setup': ({ server }) => {
        const content = join(ROOT, CONTENT_DIR) + sep;
        // Astro's own message after a content sync: its dev app clears the route cache on it.
        const forgetRoutes = () => {
          for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
        };
        const changed = (file: string) => {
          if (!file.startsWith(content)) return;
          releaseCaches();
          forgetRoutes();
          server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
        };
        // An editor that saves in place empties the file, then writes it: two events, and the
        // watcher (chokidar) drops a second change of a file within 50 ms. When Astro's loader reads
        // the file between the two (a loaded machine), it keeps an empty or half-written file until
        // the next edit: a fresh-clone run showed a work's old citation style for over 300 s. So a
        // changed file is looked at again once it has settled, and announced again if it changed since.
        const settle = (file: string) => {
          const seen = fileStamp(file);
          setTimeout(() => {
            const now = fileStamp(file);
            if (now !== undefined && now !== seen) server.watcher.emit('change', file);
          }, SETTLE_MS).unref();
        };
        server.watcher.on('change', changed).on('add', changed).on('unlink', changed);
        server.watcher.on('change', (file: string) => file.startsWith(content) && settle(file));
        // A page asked for while the content store is being updated has its getStaticPaths run on
        // the old store, and if that run ends after Astro's own clearing (the store's file is
        // written a moment after the edit), the route cache would keep the old props until the
        // next edit. So in dev every page request runs getStaticPaths again (it reads the store,
        // already in memory); a stale render then lasts one request at most. Assets are left alone.
        server.middlewares.use((request, _response, next) => {
          if (request.method === 'GET' && isPageRequest(request.url ?? '')) forgetRoutes();
          next();
        });
      },
    },
  };
}

/** Longer than the watcher's 50 ms for a file's second change (see settle above). */
const SETTLE_MS = 250;

/** A file's size and modification time, or undefined once it is gone. */
function fileStamp(file: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    return `${size}:${mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** A page's address (ends in "/" or ".html"), not a module, a stylesheet or an image the page loads. */
export function isPageRequest(url: string): boolean {
  const path = url.split(/[?#]/)[0]!;
  return path.endsWith('/') || path.endsWith('.html');
}

/** A stamp of every file under content/ (names and modification times): it changes when one does. */
export function contentStamp(root = ROOT): string {
  const walk = (dir: string): string =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : `${join(dir, e.name)}:${statSync(join(dir, e.name)).mtimeMs}`))
          .join('|')
      : '';
  return walk(join(root, CONTENT_DIR));
}

const isDev = () => (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true && !process.env.VITEST;

/**
 * A value made from the content once per build (lifetime "pages") and returned by the function
 * this gives. In `npm run dev` it is made again when a file under content/ changed, so a page shows
 * the content as it is now (a chapter's edited citation moves its entry's back-links).
 */
export function perBuild<T>(name: string, make: () => T, inputs = 'every file of the content folder (made again in dev when one changed)'): () => T {
  let held: { value: T; stamp: string } | undefined;
  registerCache(name, 'pages', inputs, () => {
    held = undefined;
  });
  return () => {
    const stamp = isDev() ? contentStamp() : '';
    if (!held || held.stamp !== stamp) held = { value: make(), stamp };
    return held.value;
  };
}
