// A download's build step (the EPUB, src/epub/integration.ts; the PDF, src/pdf/integration.ts): once
// Astro has written the pages, it makes one file per work from them and says what it made. Both need
// the same of Astro's config (the site's address, the project root, the base path) and the same date.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { madeAt } from './pages.ts';
import { ROOT } from '../paths.ts';

export interface DownloadBuild {
  /** The built site (dist/ while Astro builds). */
  dist: string;
  root: string;
  site: URL;
  /** Astro's base path ("/" at the domain's root). */
  base: string;
  /** When the downloads say they were made (SOURCE_DATE_EPOCH, else now). */
  modified: Date;
  /** Astro's cache folder (astro.config.mjs: cacheDir), for a step's own cache between builds. */
  cacheDir: string;
}

/**
 * An integration named `name` that runs `make` after the build; `make` returns the line to log.
 * `needsSite` says why the step needs `site` in astro.config.mjs (the build stops without it).
 * `begin`, if given, is called as soon as Astro has written the pages (astro:build:generated, before
 * the build:done steps run one after another), for work that goes on beside the steps before this
 * one and that `make` then waits for.
 */
export function downloadStep(
  name: string,
  needsSite: string,
  make: (build: DownloadBuild) => Promise<string>,
  begin?: (build: DownloadBuild) => void,
): AstroIntegration {
  let site: URL | undefined;
  let root = ROOT;
  let base = '/';
  let cacheDir = '';
  return {
    name,
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        root = fileURLToPath(config.root);
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:generated': ({ dir }) => {
        if (site && begin) begin({ dist: fileURLToPath(dir), root, site, base, modified: madeAt(), cacheDir });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!site) throw new Error(needsSite);
        logger.info(await make({ dist: fileURLToPath(dir), root, site, base, modified: madeAt(), cacheDir }));
      },
    },
  };
}
