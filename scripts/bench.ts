// Page weight of the built site (run `npm run build` first): for each page type, what a first visit
// downloads (HTML, CSS, JS; raw and gzip) and how much JavaScript runs before the reader interacts.
// Figures only, no assertions: the budget (text chapter: HTML+CSS+JS gzip <= 30 KB, JS <= 5 KB)
// is for a reader to compare against.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const PAGES: Record<string, string> = {
  library: '/',
  work: '/borotoding-2024/',
  'chapter (long, tables)': '/borotoding-2024/bab-4-hasil-dan-pembahasan/',
  'chapter (footnotes)': '/dw4fs-kupang/bab-1-pendahuluan/',
  'chapter (English interface)': '/en/dw4fs-kupang/bab-1-pendahuluan/',
};

if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is empty: run `npm run build` first');

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** Local assets a page loads on first visit, followed through module imports. */
function assets(html: string) {
  const css = [...html.matchAll(/<link rel="stylesheet" href="(\/[^"]+)"/g)].map((m) => m[1]!);
  const js = new Set<string>();
  const queue = [...html.matchAll(/<script type="module" src="(\/[^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const src = queue.shift()!;
    if (js.has(src)) continue;
    js.add(src);
    const code = readFileSync(join(DIST, src), 'utf8');
    for (const m of code.matchAll(/from\s*["'](\.\/[^"']+)["']|import\s*["'](\.\/[^"']+)["']/g)) queue.push(join(src, '..', m[1] ?? m[2]!));
  }
  const inline = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n');
  return { css, js: [...js], inline };
}

console.log('page'.padEnd(30), 'HTML gz'.padStart(9), 'CSS gz'.padStart(9), 'JS gz*'.padStart(9), 'total gz'.padStart(9), 'JS raw'.padStart(9));
console.log('(* JS gz counts inline scripts, which already travel in the HTML, a second time)');
for (const [name, path] of Object.entries(PAGES)) {
  const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
  const { css, js, inline } = assets(html);
  // Each file is compressed on its own, as it travels; inline scripts travel inside the HTML.
  const files = (list: string[]) => list.map((f) => readFileSync(join(DIST, f)));
  const h = gz(html);
  const c = files(css).reduce((n, b) => n + gz(b), 0);
  const j = files(js).reduce((n, b) => n + gz(b), 0) + gz(inline);
  const raw = files(js).reduce((n, b) => n + b.length, 0) + Buffer.byteLength(inline);
  console.log(name.padEnd(30), kb(h).padStart(9), kb(c).padStart(9), kb(j).padStart(9), kb(h + c + j).padStart(9), kb(raw).padStart(9));
}
