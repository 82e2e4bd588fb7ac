// What localizing the chapters' labels costs (figures only, never asserted): every chapter rendered
// through the site's Markdown pipeline (src/markdown/pipeline.ts), then put into each interface
// language by localizeHtml (src/i18n/localize-html.ts, on the parsed tree), as Prose.astro does once
// per chapter page. `node scripts/bench/localize.ts` prints them alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { en } from '../../src/i18n/en.ts';
import { id } from '../../src/i18n/id.ts';
import { localizeHtml } from '../../src/i18n/localize-html.ts';
import { withoutFrontMatter } from '../../src/markdown/front-matter.ts';
import { markdownOptions } from '../../src/markdown/pipeline.ts';
import { CHAPTERS_DIR, ROOT } from '../../src/paths.ts';
import type { Figure } from '../../measure/pages.ts';

const ROUNDS = 5;

export async function benchLocalize(root: string): Promise<Figure[]> {
  const processor = await createMarkdownProcessor(markdownOptions(root));
  const dir = join(root, CHAPTERS_DIR);
  const pages: string[] = [];
  for (const work of readdirSync(dir)) {
    for (const f of readdirSync(join(dir, work)).filter((n) => n.endsWith('.mdx'))) {
      const body = withoutFrontMatter(readFileSync(join(dir, work, f), 'utf8'));
      pages.push((await processor.render(body, { frontmatter: { work } })).code);
    }
  }
  const bytes = pages.reduce((n, html) => n + html.length, 0);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (const html of pages) {
      localizeHtml(html, id);
      localizeHtml(html, en, 'en');
    }
    times.push(performance.now() - start);
  }
  const rest = [...times.slice(1)].sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!;
  return [
    { name: `chapters (both interfaces: ${pages.length * 2} pages), ${(bytes / 1024).toFixed(0)} KB of HTML`, value: `first round ${times[0]!.toFixed(0)} ms` },
    { name: `median of rounds 2–${ROUNDS}`, value: `${rest.toFixed(0)} ms (${(rest / (pages.length * 2)).toFixed(1)} ms a page)` },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await benchLocalize(ROOT)) console.log(`${f.name}  ${f.value}`);
}
