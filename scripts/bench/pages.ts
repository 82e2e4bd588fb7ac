// Page weight of the built site (run `npm run build` first): for each page type, what a first visit
// downloads (HTML, CSS, JS, each file gzipped on its own as it travels) and how much JavaScript runs
// before the reader interacts. Figures only: the budget (a text chapter's HTML+CSS+JS gzip <= 30 KB,
// JS before interaction <= 5 KB) lives in the issue. `node scripts/bench/pages.ts` prints them alone;
// scripts/bench.ts prints them with the other concerns' figures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface Figure {
  name: string;
  value: string;
}

const PAGES: Record<string, string> = {
  library: '/',
  work: '/borotoding-2024/',
  'chapter (long, tables)': '/borotoding-2024/bab-4-hasil-dan-pembahasan/',
  'chapter (footnotes)': '/dw4fs-kupang/bab-1-pendahuluan/',
  'chapter (English interface)': '/en/dw4fs-kupang/bab-1-pendahuluan/',
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** Local assets a page loads on first visit, following module imports. */
function assets(dist: string, html: string) {
  const css = [...html.matchAll(/<link rel="stylesheet" href="(\/[^"]+)"/g)].map((m) => m[1]!);
  const js = new Set<string>();
  const queue = [...html.matchAll(/<script type="module" src="(\/[^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const src = queue.shift()!;
    if (js.has(src)) continue;
    js.add(src);
    const code = readFileSync(join(dist, src), 'utf8');
    for (const m of code.matchAll(/from\s*["'](\.\/[^"']+)["']|import\s*["'](\.\/[^"']+)["']/g)) queue.push(join(src, '..', m[1] ?? m[2]!));
  }
  const inline = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n');
  return { css, js: [...js], inline };
}

export function benchPages(dist: string): Figure[] {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no built site: run `npm run build` first.');
  return Object.entries(PAGES).map(([name, path]) => {
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    const { css, js, inline } = assets(dist, html);
    const files = (list: string[]) => list.map((f) => readFileSync(join(dist, f)));
    const h = gz(html);
    const c = files(css).reduce((n, b) => n + gz(b), 0);
    const jsFiles = files(js).reduce((n, b) => n + gz(b), 0);
    const jsAll = jsFiles + gz(inline);
    const raw = files(js).reduce((n, b) => n + b.length, 0) + Buffer.byteLength(inline);
    return {
      name,
      value: `first load ${kb(h + c + jsFiles)} gzip (HTML ${kb(h)}, CSS ${kb(c)}, JS files ${kb(jsFiles)}); JS before interaction ${kb(jsAll)} gzip, ${kb(raw)} raw (inline scripts included)`,
    };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of benchPages(fileURLToPath(new URL('../../dist/', import.meta.url)))) console.log(`${f.name.padEnd(30)} ${f.value}`);
}
