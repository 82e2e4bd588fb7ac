// Page weight of the built site (run `npm run build` first): for each page type, what a first visit
// downloads (HTML, CSS, JS, each file gzipped on its own as it travels) and how much JavaScript runs
// before the reader interacts (the page's module scripts and what they import statically, and its
// inline scripts; code loaded by import() on demand, such as search and the charts, is not counted).
// One measure for the figures (`npm run bench`, or `node measure/pages.ts` alone) and the budget
// tests (tests/content/budgets.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../src/paths.ts';
import { servedFile, wireBytes } from './weak-link.ts';

export interface Figure {
  name: string;
  value: string;
}

/** One page of each type, by path in dist/. The bibliography is there once a work has one. */
export function pageTypes(dist: string): Record<string, string> {
  const types: Record<string, string> = {
    home: '/',
    work: '/borotoding-2024/',
    'text chapter': '/dw4fs-kupang/bab-1-pendahuluan/',
    'chart chapter': '/borotoding-2024/bab-4-hasil-dan-pembahasan/',
    data: '/data/',
    search: '/cari/',
  };
  const bibliography = ['borotoding-2024', 'kokomakingi-2024', 'iom-ntt-2014-2018', 'dw4fs-kupang']
    .map((w) => `/${w}/daftar-pustaka/`)
    .find((p) => existsSync(join(dist, p, 'index.html')));
  if (bibliography) types.bibliography = bibliography;
  return types;
}

export interface FirstLoad {
  /** gzip bytes, each file compressed on its own. */
  html: number;
  css: number;
  /** Script files loaded before interaction (module scripts and their static imports). */
  js: number;
  /** Inline scripts (JSON-LD, which is data, excluded). */
  inlineJs: number;
  /** HTML + CSS + JS files: what a first visit downloads of the page. */
  total: number;
  /** Script files + inline scripts: JavaScript that runs before the reader does anything. */
  jsBeforeInteraction: number;
  jsRaw: number;
  stylesheets: string[];
  scripts: string[];
}

export const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Site paths of the stylesheets and script files a page loads before interaction. */
export function pageAssets(dist: string, html: string) {
  const tags = (name: string) => [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);
  const stylesheets = tags('link')
    .filter((t) => /\srel="stylesheet"/.test(t))
    .map((t) => attr(t, 'href')!);
  const scripts = new Set<string>();
  const queue = tags('script')
    .map((t) => attr(t, 'src'))
    .filter((s): s is string => !!s);
  while (queue.length) {
    const src = queue.shift()!;
    if (scripts.has(src)) continue;
    scripts.add(src);
    const code = readFileSync(join(dist, src), 'utf8');
    // Static imports only (`import{a}from"./x.js"`, `import"./x.js"`); `import("./x.js")` waits.
    for (const m of code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      queue.push(join(src, '..', m[1] ?? m[2]!));
    }
  }
  const inline = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\ssrc=/.test(m[1] ?? '') && !/type="application\/ld\+json"/.test(m[1] ?? ''))
    .map((m) => m[2]!)
    .filter(Boolean);
  return { stylesheets, scripts: [...scripts], inline };
}

export function firstLoad(dist: string, path: string): FirstLoad {
  const html = readFileSync(join(dist, path, path.endsWith('/') ? 'index.html' : ''), 'utf8');
  const { stylesheets, scripts, inline } = pageAssets(dist, html);
  const read = (f: string) => readFileSync(join(dist, f));
  const css = stylesheets.reduce((n, f) => n + gz(read(f)), 0);
  const js = scripts.reduce((n, f) => n + gz(read(f)), 0);
  const inlineJs = inline.length ? gz(inline.join('\n')) : 0;
  const h = gz(html);
  return {
    html: h,
    css,
    js,
    inlineJs,
    total: h + css + js,
    jsBeforeInteraction: js + inlineJs,
    jsRaw: scripts.reduce((n, f) => n + read(f).length, 0) + Buffer.byteLength(inline.join('\n')),
    stylesheets,
    scripts,
  };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function benchPages(dist: string): Figure[] {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no built site: run `npm run build` first.');
  const types = pageTypes(dist);
  const figures = Object.entries(types).map(([name, path]) => {
    const f = firstLoad(dist, path);
    return {
      name: `${name} (${path})`,
      value: `first load ${kb(f.total)} gzip (HTML ${kb(f.html)}, CSS ${kb(f.css)}, JS ${kb(f.js)}); JS before interaction ${kb(f.jsBeforeInteraction)} gzip, ${kb(f.jsRaw)} raw`,
    };
  });
  if (!types.bibliography) figures.push({ name: 'bibliography', value: 'no /<work>/daftar-pustaka/ page in this build' });
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of benchPages(join(ROOT, 'dist'))) console.log(`${f.name.padEnd(60)} ${f.value}`);
}

/**
 * Borotoding's BAB I in stock Starlight (0.37, default theme, its own search), first load until the
 * network is idle, gzip: 55.0 KB (issue #26). A chapter here may weigh 0.45 of it: 24.7 KB.
 */
export const STARLIGHT_CHAPTER = { path: '/borotoding-2024/bab-1-pendahuluan/', bytes: 55.0 * 1024, limit: 24.7 * 1024 };

export interface ChapterLoad {
  /** What a first visit fetches before the reader does anything: the page, its stylesheets, its
   * scripts and their static imports, the icon; each as a compressing host sends it (measure/weak-link.ts). */
  files: string[];
  bytes: number;
  /**
   * What in those bytes comes from content/: what the page's gzip loses without the chapter's text
   * (the prose), its table of contents, its neighbours' titles, and what the head and the page's
   * attributes say of it and its work (titles, abstract, authors). The rest is the site around it.
   */
  own: number;
}

/** A chapter's first load, counted as `npm run bench` counts it on the weak link (every request until the network is idle). */
export function chapterLoad(dist: string, path: string): ChapterLoad {
  const file = join(dist, path, 'index.html');
  const html = readFileSync(file, 'utf8');
  const { stylesheets, scripts } = pageAssets(dist, html);
  const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
  const files = [path, ...stylesheets, ...scripts, ...(icon ? [icon] : [])];
  const bytes = files.reduce((n, f) => n + wireBytes(servedFile(dist, f)!), 0);
  const without = html
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<meta (name|property)="(citation_|DC\.|eprints\.|description|og:title|og:description)[^>]*>/g, '')
    .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')
    .replace(/ data-(search-[\w-]+|label|work-title|chapter-title)="[^"]*"/g, '')
    .replace(/<nav [^>]*class="breadcrumb[\s\S]*?<\/nav>/, '')
    .replace(/<details class="chapter-toc"[\s\S]*?<\/details>/, '')
    .replace(/<div class="prose"[\s\S]*<\/article>/, '</article>')
    .replace(/<nav class="chapter-nav"[\s\S]*?<\/nav>/, '');
  return { files, bytes, own: gzipSync(html).length - gzipSync(without).length };
}
