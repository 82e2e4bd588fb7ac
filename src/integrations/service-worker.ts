// Generates the service worker with Workbox once the pages and the search index are written: every
// file of the build (pages, styles, scripts, data files, icons, the Pagefind index) goes into a
// precache manifest with a content hash per file, so that after the first visit any chapter opens
// and search runs without a network. A new build gives a new manifest: the new worker fetches only
// what changed, waits until the reader accepts the update (src/scripts/offline.ts), then replaces
// the old files in one step and drops those no longer listed, so pages of two builds never mix.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

export const SW_FILE = 'sw.js';

export async function writeServiceWorker(site: string) {
  return generateSW({
    globDirectory: site,
    globPatterns: ['**/*'],
    globIgnores: [SW_FILE, 'workbox-*.js', '**/*.map', '**/*.epub', '**/*.zip'],
    swDest: join(site, SW_FILE),
    // One file: the parts of the Workbox runtime it uses, bundled in.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // The first install takes the open page at once; later versions wait for the reader's "reload".
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    // /cari/?q=…, ?sorot=… and any other query open the same precached page.
    ignoreURLParametersMatching: [/.*/],
    // Astro's file names already carry a content hash.
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  });
}

export function serviceWorker(): AstroIntegration {
  return {
    name: 'ruang-baca:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await writeServiceWorker(fileURLToPath(dir));
        if (warnings.length) throw new Error(`Workbox could not build the service worker:\n  ${warnings.join('\n  ')}`);
        logger.info(`${SW_FILE} precaches ${count} files (${(size / 1024).toFixed(0)} KiB)`);
      },
    },
  };
}
