// Builds the Pagefind search index into dist/pagefind/ once Astro has written the pages, so that
// `astro build` (and so `npm run build`) always ships an index that matches the pages.
// Only pages whose layout marks a region with data-pagefind-body are indexed (see src/search/indexed-page.ts).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind could not ${step}:\n  ${errors.join('\n  ')}`);
}

/**
 * The site uses Pagefind's search API with its own small interface (src/search/browser/), so
 * Pagefind's ready-made interfaces and the WebAssembly of languages no page uses are removed:
 * they would only weigh on the offline cache.
 */
function dropUnused(out: string): void {
  const entry = JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { wasm?: string }>;
  };
  const wasm = new Set(Object.values(entry.languages).map((l) => `wasm.${l.wasm ?? 'unknown'}.pagefind`));
  for (const f of readdirSync(out)) {
    if (/^pagefind-(ui|modular-ui|component-ui)\./.test(f) || (f.startsWith('wasm.') && !wasm.has(f))) rmSync(join(out, f));
  }
}

export async function writeSearchIndex(site: string): Promise<number> {
  const out = join(site, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({
      // The texts are Indonesian whatever the language of the interface around them, so one
      // Indonesian index (and stemmer) serves every page.
      forceLanguage: 'id',
      // Navigation inside <main> (breadcrumbs, contents, previous/next) is not text of the work,
      // nor are the "↩" links back from a footnote. Layouts mark other repeated interface parts
      // with data-pagefind-ignore.
      excludeSelectors: ['nav', '.data-footnote-backref'],
    });
    if (!index) fail('start', errors);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) fail('read the built pages', added.errors);
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) fail('write the index', written.errors);
    dropUnused(out);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'ruang-baca:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await writeSearchIndex(fileURLToPath(dir));
        if (pages === 0) fail('find a page to index', ['no built page has data-pagefind-body (see src/search/indexed-page.ts)']);
        logger.info(`search index written to pagefind/ (${pages} pages read)`);
      },
    },
  };
}
