// Builds the Pagefind search index into dist/pagefind/ once Astro has written the pages, so that
// `astro build` (and so `npm run build`) always ships an index that matches the pages.
// Only pages whose layout marks a region with data-pagefind-body are indexed (see src/search/indexed-page.ts).
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
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

/** The signature Pagefind puts before the JSON of each (gzipped) fragment file. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

interface Anchor {
  element: string;
  title?: string;
}

/**
 * Pagefind stores, in each page's fragment, the text of every element with an id. Every paragraph
 * here has one (src/passages/), so a chapter's fragment carried its whole text twice, and a first
 * search on a weak link fetched both. Pagefind's browser code builds sub-results from headings (and
 * titled anchors) only, so the others are dropped: a chapter's fragment becomes about half as heavy.
 * Same file names (the index refers to them), the same format (gzip of signature + JSON).
 */
function slimFragments(out: string): void {
  const dir = join(out, 'fragment');
  for (const f of readdirSync(dir)) {
    const file = join(dir, f);
    const raw = gunzipSync(readFileSync(file)).toString('utf8');
    if (!raw.startsWith(FRAGMENT_SIGNATURE))
      fail('slim its fragments', [`${file} does not start with "${FRAGMENT_SIGNATURE}" (has Pagefind's format changed?)`]);
    const fragment = JSON.parse(raw.slice(FRAGMENT_SIGNATURE.length)) as { anchors?: Anchor[] };
    // The rule Pagefind's own sub-results use (pagefind.js: a titled anchor, or a heading with text).
    fragment.anchors = (fragment.anchors ?? []).filter((a) => a.title?.trim() || /^h\d$/i.test(a.element));
    writeFileSync(file, gzipSync(FRAGMENT_SIGNATURE + JSON.stringify(fragment), { level: 9 }));
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
      // with data-pagefind-ignore. Nor is what a chapter keeps hidden for its scripts: the notices
      // of a moved paragraph, and the full references its citation popovers show (the library's
      // record with its editor's notes, which the reference list pages hold and are found by);
      // indexed, they made a chapter match on its sources' titles and fattened its page text.
      excludeSelectors: ['nav', '.data-footnote-backref', '.link-notice', '.citation-previews', '.citation-popover'],
    });
    if (!index) fail('start', errors);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) fail('read the built pages', added.errors);
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) fail('write the index', written.errors);
    dropUnused(out);
    slimFragments(out);
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
