// Once the pages are written, the page build's caches are let go of: the parsed bibliography, its
// formatted lists and the citeproc engines (each holds 70,000 to 200,000 compiled tokens of its
// style) take over a gigabyte at 1,000 works, and the steps after the pages (the link ledger, the
// books, the search index, the service worker) run in the same process with Node's default heap.
// The build loads the bibliography code twice (once for the Markdown plugins, once in the pages'
// bundle), and this integration cannot import the pages' copy, so each copy registers its caches
// in one set on globalThis.
import type { AstroIntegration } from 'astro';

type Release = () => void;
const releases: Set<Release> = ((globalThis as { [k: symbol]: Set<Release> })[Symbol.for('ruangbaca.page-build-caches')] ??= new Set());

/** Registers a cache to empty once the pages are written (a cache is refilled if it is asked again). */
export function releasedAfterPages(release: Release): void {
  releases.add(release);
}

/** Empties every registered cache; returns how many there were. */
export function releaseCaches(): number {
  for (const release of releases) release();
  return releases.size;
}

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
