// A build reaches dist/ whole or not at all. Astro empties its output folder when it starts writing
// and a build that stops half-way (bad content found while rendering pages) would leave a partial
// site there: some pages, no search index, no service worker. So `astro build` writes into a
// staging folder (.astro/dist-next/), and only when every step has succeeded (the pages, then the
// search index and the service worker, the integrations before this one) is it moved to dist/.
// A failed build leaves dist/ as the last good build left it.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const STAGING_DIR = '.astro/dist-next/';

export function wholeBuild(): AstroIntegration {
  let target: string | undefined;
  return {
    name: 'ruang-baca:whole-build',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir);
        const staging = new URL(STAGING_DIR, config.root);
        rmSync(staging, { recursive: true, force: true });
        updateConfig({ outDir: staging });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!target) return;
        const staging = fileURLToPath(dir).replace(/\/$/, '');
        const final = target.replace(/\/$/, '');
        const previous = `${staging}-previous`;
        rmSync(previous, { recursive: true, force: true });
        // Two renames: dist/ is missing only between them, never partial.
        if (existsSync(final)) renameSync(final, previous);
        renameSync(staging, final);
        rmSync(previous, { recursive: true, force: true });
        logger.info(`the complete build is in ${final}/`);
      },
    },
  };
}
