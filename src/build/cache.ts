// The build's caches, in one place: each is registered here with its name and lifetime, so that
// what the build holds, and for how long, can be read from one list (registeredCaches), and so that
// the page build's caches are let go of together once the pages are written.
//
// Lifetimes:
//   pages  kept while the pages render, let go of once they are written (the steps after them, the
//          link ledger, the books, the search index and the service worker, run in the same process
//          with Node's default heap); refilled if asked again. In `npm run dev`, a value made by
//          perBuild is made again when a file under content/ changed.
//   build  small, kept for the whole process (a style's name, a number format).
// The build loads the code that registers caches twice (once for the Markdown plugins, once in the
// pages' bundle) and this module's integration cannot import the pages' copy, so both copies
// register in one list on globalThis; a name may appear twice, once per copy.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR, ROOT } from '../paths.ts';

export type Lifetime = 'pages' | 'build';

interface Registered {
  name: string;
  lifetime: Lifetime;
  release: () => void;
}

const registry: Registered[] = ((globalThis as { [k: symbol]: Registered[] })[Symbol.for('ruangbaca.build-caches')] ??= []);

/** Registers a cache: its name (its file and what it holds), its lifetime, and how to empty it. */
export function registerCache(name: string, lifetime: Lifetime, release: () => void): void {
  registry.push({ name, lifetime, release });
}

/** The caches registered so far, by name and lifetime. */
export function registeredCaches(): { name: string; lifetime: Lifetime }[] {
  return registry.map(({ name, lifetime }) => ({ name, lifetime }));
}

/** Empties every cache of the page build (lifetime "pages"); returns how many there were. */
export function releaseCaches(): number {
  const pages = registry.filter((c) => c.lifetime === 'pages');
  for (const cache of pages) cache.release();
  return pages.length;
}

/** The build step that lets go of the page build's caches once the pages are written. */
export function releaseCachesAfterPages(): AstroIntegration {
  return {
    name: 'ruang-baca:release-caches',
    hooks: {
      'astro:build:generated': () => {
        releaseCaches();
      },
    },
  };
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
export function perBuild<T>(name: string, make: () => T): () => T {
  let held: { value: T; stamp: string } | undefined;
  registerCache(name, 'pages', () => {
    held = undefined;
  });
  return () => {
    const stamp = isDev() ? contentStamp() : '';
    if (!held || held.stamp !== stamp) held = { value: make(), stamp };
    return held.value;
  };
}
