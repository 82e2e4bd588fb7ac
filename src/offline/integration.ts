// Writes the offline manifest and the service worker once the pages and the search index are
// written (src/offline/build.ts): every file with a revision and its size, in packs (an automatic
// core within a budget, one pack per work and interface language), the worker that saves them, and
// the lists of files it fetches when it needs them.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SW_FILE, writeServiceWorker } from './build.ts';
import { FILE_LISTS } from './revision.ts';

export { SW_FILE, writeServiceWorker };

export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'ruang-baca:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings, leftOut, bytes, manifest, lists } = await writeServiceWorker(fileURLToPath(dir), undefined, base);
        for (const w of warnings) logger.warn(w);
        if (leftOut.length)
          logger.info(`the offline core is full; left out of it by rule (library pages, then search, then works' pages in order): ${leftOut.join('; ')}`);
        const works = Object.keys(manifest.packs).length - 1;
        logger.info(
          `${SW_FILE} (${(bytes / 1024).toFixed(1)} KiB): core ${count} files, ${(size / 1024).toFixed(0)} KiB of a ${(manifest.budget / 1024).toFixed(0)} KiB budget; ${works} packs to save on request; ${lists} file lists in ${FILE_LISTS}/`,
        );
      },
    },
  };
}
