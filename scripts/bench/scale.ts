// Scale: builds libraries of 4 (the real one), 100, 400 and 1,000 works in temporary folders and
// reports, per size, build time, peak memory, output size, the largest page, the search index and
// what the first search fetches, to show whether the build grows linearly with the library.
// The synthetic works are the real ones copied under new names and slugs (work i is a copy of real
// work i mod 4, all its chapters included), so they weigh what real works weigh. As in a real
// library, they do not all cite the same entries: in each copy half of its original's entries
// (chosen by key and copy, so the same every run) are replaced by entries of its own (the same
// record under a new key, with "(salinan i)" in the title and the copy's number after its first
// author's name), listed, numbered and printed in the copy where the original's are; the other half
// stay shared with the original. The own entries have authors of their own because a real library's
// many entries are by many authors: copies with the original's authors and year would put hundreds
// of entries by one author in one year, and citeproc's disambiguation of such a group (2018a,
// 2018b, …) grows with its size squared, which a real library never asks of it.
// Slow (minutes): `npm run bench -- --quick` skips it; `node scripts/bench/scale.ts 4 100` runs alone.
import { spawn } from 'node:child_process';
import { brotliCompressSync, constants, createDeflateRaw, gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { fixtureSite, writeFiles } from '../../tests/support/fixture-build.ts';
import { CHART_FIGURE } from '../../tests/support/site.ts';
import type { Figure } from '../../measure/pages.ts';
import { ROOT } from '../../src/paths.ts';
import { SERVER_FILES } from '../../src/deploy/server-files.ts';
import { COMPRESSIBLE, extension } from '../../src/deploy/rules.ts';
import { MIN_BYTES } from '../../src/deploy/compress.ts';

const CONTENT = join(ROOT, 'content');

type PerWork = Record<string, unknown>;
interface Entry {
  id: string;
  'citation-key'?: string;
  title?: string;
  author?: { family?: string; literal?: string }[];
  custom?: { listedIn?: string[]; printed?: PerWork; printedOrder?: PerWork; number?: PerWork };
}

/** Whether copy `i` cites an entry of its own in place of `key` (half of the keys, by a hash of both). */
export function ownEntry(key: string, i: number): boolean {
  let h = i * 2654435761;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) & 1) === 1;
}

/** The key of copy `i`'s own entry in place of `key` (letters and digits only, as the real keys). */
export const ownKey = (key: string, i: number) => `${key}x${i}`;

/** Files for `count - 4` synthetic works beside the real ones (paths relative to the project root). */
export function syntheticWorks(count: number): Record<string, string> {
  const real = readdirSync(join(CONTENT, 'works'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  const files: Record<string, string> = {};
  const bibliography = join(CONTENT, 'bibliography.json');
  const entries = existsSync(bibliography) ? (JSON.parse(readFileSync(bibliography, 'utf8')) as Entry[]) : [];
  const added: Entry[] = [];
  for (let i = 1; i <= count - real.length; i++) {
    const from = real[i % real.length]!;
    const slug = `${from}-salinan-${i}`;
    const work = parse(readFileSync(join(CONTENT, 'works', `${from}.yaml`), 'utf8')) as { title: Record<string, string>; order: number };
    // Renamed in every language it has a title in, placed after the real works.
    for (const lang of Object.keys(work.title)) work.title[lang] = `(Salinan ${i}) ${work.title[lang]}`;
    work.order = 1000 + i;
    files[`content/works/${slug}.yaml`] = stringify(work);
    const own = new Map<string, string>();
    const dir = join(CONTENT, 'chapters', from);
    const chapters = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
    const texts = chapters.map((chapter) => readFileSync(join(dir, chapter), 'utf8'));
    // The original's entries: those its reference list lists or its text cites. Only these are shared
    // or replaced; an entry of another work is none of the copy's business (copying it anyway put
    // three entries listed and cited nowhere beside every one a copy uses, 60% of the bibliography).
    const cited = new Set(texts.flatMap((text) => [...text.matchAll(/@([A-Za-z0-9]+)/g)].map((m) => m[1]!)));
    for (const entry of entries) {
      const c = entry.custom;
      if (!c || !(c.listedIn?.includes(from) || cited.has(entry.id))) continue;
      if (!ownEntry(entry.id, i)) {
        // Shared with the original: the copy lists it where the original does.
        if (c.listedIn?.includes(from)) c.listedIn.push(slug);
        for (const map of [c.printed, c.printedOrder, c.number]) if (map && from in map) map[slug] = map[from];
        continue;
      }
      const key = ownKey(entry.id, i);
      own.set(entry.id, key);
      const at = <T extends PerWork | undefined>(map: T) => (map && from in map ? { [slug]: map[from] } : {});
      added.push({
        ...structuredClone(entry),
        id: key,
        ...(entry['citation-key'] ? { 'citation-key': key } : {}),
        ...(entry.title ? { title: `${entry.title} (salinan ${i})` } : {}),
        ...(entry.author?.length
          ? {
              author: entry.author.map((a, k) =>
                k > 0 ? a : a.family ? { ...a, family: `${a.family} ${i}` } : a.literal ? { ...a, literal: `${a.literal} ${i}` } : a,
              ),
            }
          : {}),
        custom: {
          ...structuredClone(c),
          listedIn: c.listedIn?.includes(from) ? [slug] : [],
          printed: Object.fromEntries(Object.entries(at(c.printed)).map(([w, p]) => [w, `${String(p)} (salinan ${i})`])),
          printedOrder: at(c.printedOrder),
          number: at(c.number),
        },
      });
    }
    // The copy's citations of the replaced keys cite its own entries.
    // Keys are letters and digits (content/bibliography.json), so a key ends where those end.
    const cites = own.size ? new RegExp(`@(${[...own.keys()].join('|')})(?![A-Za-z0-9_])`, 'g') : null;
    for (const [k, chapter] of chapters.entries()) {
      let text = texts[k]!.replace(/^work: .*$/m, `work: ${slug}`);
      if (cites) text = text.replace(cites, (_, key: string) => `@${own.get(key)}`);
      files[`content/chapters/${slug}/${chapter}`] = text;
    }
  }
  if (existsSync(bibliography)) files['content/bibliography.json'] = JSON.stringify([...entries, ...added], null, 2);
  return files;
}

/**
 * What a static host receives: the build without what only servers use (src/deploy/server-files.ts),
 * which the scale builds do not make (PRECOMPRESS=no). And what nginx's folder would hold with the
 * .br and .gz copies (src/deploy/compress.ts): a copy of each kind beside every text file of
 * MIN_BYTES or more (all of them compress), whose bytes are estimated from one text file in
 * SAMPLE_EVERY compressed as the build compresses (Brotli's best setting takes minutes over a
 * large library's 100 MB of text).
 */
const SAMPLE_EVERY = 40;

/** The kind of a built file, for the count by kind: entry pages by interface, other pages, the search index, code, else the extension. */
function kindOf(path: string): string {
  if (/^daftar-pustaka\/(?!halaman\/)[^/]+\/.*index\.html$/.test(path)) return 'entry pages';
  if (/^en\/daftar-pustaka\/(?!halaman\/)[^/]+\/.*index\.html$/.test(path)) return 'entry pages (en)';
  if (path.endsWith('.html')) return path.startsWith('en/') ? 'other pages (en)' : 'other pages';
  if (path.startsWith('pagefind/')) return 'search index';
  if (path.startsWith('_astro/')) return '_astro';
  return `.${extension(path)}`;
}

async function sizeOf(dir: string): Promise<{
  bytes: number;
  files: number;
  html: number;
  kinds: Map<string, [files: number, bytes: number]>;
  precompressed: { files: number; bytes: number };
}> {
  const kinds = new Map<string, [files: number, bytes: number]>();
  let bytes = 0;
  let files = 0;
  let html = 0;
  const text: string[] = [];
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const rel = relative(dir, join(d.parentPath, d.name));
    if (!d.isFile() || SERVER_FILES.test(rel)) continue;
    files++;
    const size = statSync(join(d.parentPath, d.name)).size;
    bytes += size;
    if (d.name.endsWith('.html')) html++;
    if (COMPRESSIBLE.has(extension(rel)) && size >= MIN_BYTES) text.push(join(d.parentPath, d.name));
  }
  // Files by kind, to see what a host's file limit is spent on.
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const rel = relative(dir, join(d.parentPath, d.name)).split('\\').join('/');
    if (!d.isFile() || SERVER_FILES.test(rel)) continue;
    const [n, b] = kinds.get(kindOf(rel)) ?? [0, 0];
    kinds.set(kindOf(rel), [n + 1, b + statSync(join(d.parentPath, d.name)).size]);
  }
  let sampled = 0;
  let copies = 0;
  for (const f of text.sort().filter((_, i) => i % SAMPLE_EVERY === 0)) {
    const data = readFileSync(f);
    sampled += data.length;
    copies += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }).length;
    copies += gzipSync(data, { level: 9 }).length;
    // Yield now and then: a large library's sample takes a while.
    await new Promise((r) => setImmediate(r));
  }
  const textBytes = text.reduce((n, f) => n + statSync(f).size, 0);
  return { bytes, files, html, kinds, precompressed: { files: files + 2 * text.length, bytes: bytes + (sampled ? (textBytes * copies) / sampled : 0) } };
}

/**
 * What GitHub Pages weighs against its 1 GB: actions/upload-pages-artifact puts the folder in one
 * tar (GNU tar, hidden files left out) and actions/upload-artifact stores that in a zip at zlib's
 * level 6; actions/deploy-pages warns when the stored artifact is over 1,073,741,824 bytes
 * (src/internal/deployment.js, ONE_GIGABYTE) and refuses one over 10 GB. The tar made here as the
 * action makes it, and its deflate at level 6 (a zip adds about a hundred bytes to it).
 */
export async function pagesArtifact(dist: string): Promise<{ tarBytes: number; uploadBytes: number }> {
  const tar = spawn(
    'tar',
    ['--dereference', '--hard-dereference', '--directory', dist, '-cf', '-', '--exclude=.git', '--exclude=.github', '--exclude=.[^/]*', '.'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const deflate = createDeflateRaw({ level: 6 });
  let tarBytes = 0;
  let uploadBytes = 0;
  tar.stdout.on('data', (d: Buffer) => (tarBytes += d.length));
  deflate.on('data', (d: Buffer) => (uploadBytes += d.length));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
    tar.on('error', reject);
    tar.on('close', (code) => (code === 0 ? undefined : reject(new Error(`tar exited with ${code}`))));
  });
  tar.stdout.pipe(deflate);
  await done;
  return { tarBytes, uploadBytes };
}

export interface ScaleRun {
  works: number;
  ms: number;
  /** Peak resident memory of the build (the largest process: Astro's node), from GNU time. */
  peakRssBytes: number;
  /** The largest HTML page (or sitemap), path and bytes. */
  largest: { path: string; bytes: number };
  /** Bytes and requests the first search fetches (from /cari/?q=…&jenis=bab&karya=…), and ms to the first result. */
  firstQuery?: { bytes: number; requests: number; ms: number };
  /** Seconds Astro reports for rendering the pages ("generating static routes"). */
  renderS: number;
  /** The sum of the times Astro reports per page (the rest of renderS is spent between pages). */
  pagesS: number;
  /** The three slowest pages. */
  slowest: string[];
  /** Median milliseconds per chapter page, without and with charts. */
  chapterMs: { text: number; chart: number };
  /** Seconds of each build step after the pages, from the build's own log lines. */
  steps: Record<string, number>;
  pages: number;
  outBytes: number;
  indexBytes: number;
  /** The service worker, which carries the offline manifest (every file with its revision). */
  swBytes: number;
  files: number;
  /** Files and bytes by kind (kindOf), most files first. */
  kinds: [string, [files: number, bytes: number]][];
  /** Files and bytes (estimated: sizeOf) with nginx's .br and .gz copies beside the text files. */
  precompressed: { files: number; bytes: number };
  /** GitHub Pages' artifact of the folder (pagesArtifact). */
  artifact: { tarBytes: number; uploadBytes: number };
}

/** Astro's "generating static routes … ✓ Completed in 950ms | 12.50s | 2m 5s". */
function renderSeconds(output: string): number {
  const m = /generating static routes[\s\S]*?✓ Completed in (?:(\d+)m (\d+)s|([\d.]+)s|(\d+)ms)/.exec(output);
  if (!m) return NaN;
  return m[1] ? Number(m[1]) * 60 + Number(m[2]) : m[3] ? Number(m[3]) : Number(m[4]) / 1000;
}

/**
 * Milliseconds Astro reports for each chapter page ("├─ /work/chapter/index.html (+27ms)"), split
 * into pages with and without charts: if they grow with the library, each page does work that
 * depends on the library's size.
 */
function chapterRenderMs(output: string, dist: string): { text: number; chart: number } {
  const text: number[] = [];
  const chart: number[] = [];
  for (const { path, ms } of pageTimes(output).filter((p) => /^\/(en\/)?[^/]+\/[^/]+\/index\.html$/.test(p.path))) {
    (CHART_FIGURE.test(readFileSync(join(dist, path), 'utf8')) ? chart : text).push(ms);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  return { text: median(text), chart: median(chart) };
}

/** Every route Astro wrote with its time ("├─ /path (+27ms)", "(+1.20s)"). */
function pageTimes(output: string): { path: string; ms: number }[] {
  return [...output.matchAll(/├─ (\S+) \(\+([\d.]+)(m?s)\)/g)].map((m) => ({ path: m[1]!, ms: Number(m[2]) * (m[3] === 's' ? 1000 : 1) }));
}

/** A library that does not build: its size is a limit worth printing, not a crash of the bench. */
export class BuildFailed extends Error {
  /** The message: the build output's four lines from its first error on. */
  constructor(output: string) {
    const lines = output.split('\n');
    const from = Math.max(
      lines.findIndex((l) => /error/i.test(l)),
      0,
    );
    super(
      lines
        .slice(from, from + 4)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
}

/** The largest page: HTML pages and the sitemap files, which are what grows with a list. */
function largestPage(dist: string): { path: string; bytes: number } {
  let best = { path: '', bytes: 0 };
  for (const d of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!d.isFile() || !/\.(html|xml)$/.test(d.name)) continue;
    const path = join(d.parentPath, d.name);
    const bytes = statSync(path).size;
    if (bytes > best.bytes) best = { path: `/${relative(dist, path)}`, bytes };
  }
  return best;
}

/** Seconds between the build's timestamped log lines that end each step (Astro's "HH:MM:SS" prefix). */
function stepSeconds(output: string): Record<string, number> {
  // The last such line (Astro logs "[build] ✓ Completed in" after each of its own steps too).
  const at = (re: RegExp) => {
    const all = [...output.matchAll(new RegExp(`(\\d\\d):(\\d\\d):(\\d\\d) ${re.source}`, 'g'))];
    const m = all.at(-1);
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : NaN;
  };
  const pages = at(/\[build\] ✓ Completed in/);
  // The steps after the pages, in astro.config.mjs's order; each logs one line when it is done.
  const links = at(/\[ruang-baca:published-links\]/);
  const epub = at(/\[ruang-baca:epub\]/);
  const pdf = at(/\[ruang-baca:pdf\]/);
  const search = at(/\[ruang-baca:pagefind\]/);
  const sw = at(/\[ruang-baca:service-worker\]/);
  // The id ledger logs only when the build adds ids (always, for a synthetic library's new works).
  const beforeEpub = Number.isNaN(links) ? pages : links;
  return { links: links - pages, epub: epub - beforeEpub, pdf: pdf - epub, pagefind: search - pdf, worker: sw - search };
}

/** `npm run build` in `dir` under GNU time, for the peak memory (async, so a second build can be watched). */
function timedBuild(dir: string): Promise<{ status: number | null; output: string; ms: number; peakRssBytes: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kb %M', 'npm', 'run', '--silent', 'build'], {
      cwd: dir,
      // No .br/.gz copies: the figures are what a static host receives (and Brotli would dominate the time).
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PRECOMPRESS: 'no' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (status) => {
      const kb = /peak-rss-kb (\d+)/.exec(output);
      resolve({ status, output, ms: performance.now() - start, peakRssBytes: kb ? Number(kb[1]) * 1024 : NaN });
    });
  });
}

/**
 * The first search of a reader who opens a shared search link with filters (/cari/?q=…&jenis=bab&karya=…)
 * on a fresh browser: bytes fetched from /pagefind/ (code, index chunks, filters, fragments) and the
 * time from navigation to the first result drawn.
 */
export async function firstQuery(dist: string, work: string): Promise<{ bytes: number; requests: number; ms: number }> {
  const { serveStatic } = await import('../../tests/support/static-server.ts');
  const { launch } = await import('../../tests/support/browser.ts');
  const server = await serveStatic(dist);
  const browser = await launch();
  try {
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (req) => {
      if (new URL(req.url()).pathname.startsWith('/pagefind/')) sizes.push(req.sizes().then((x) => x.responseBodySize));
    });
    await page.goto(`/cari/?q=kemiskinan&jenis=bab&karya=${encodeURIComponent(work)}`);
    await page.waitForSelector('[data-search-page-results] .search-hit', { timeout: 120_000 });
    const ms = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    await context.close();
    return { bytes: all.reduce((n, x) => n + x, 0), requests: all.length, ms };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The warm rebuild after a one-chapter edit: builds the library, adds a paragraph at the end of one
 * chapter, and builds again with the caches of the first build (Astro's content layer store in
 * .astro/, Vite's cache): what a librarian waits for after a correction. (A changed paragraph gets a
 * new id, and the build then stops until content/links/moved-ids.yaml names its successor, as it
 * should; an added one loses no id.)
 */
export async function warmRebuild(works: number): Promise<{ coldMs: number; warmMs: number; peakRssBytes: number }> {
  const files = syntheticWorks(works);
  const dir = fixtureSite(files, { withContent: true });
  try {
    const cold = await timedBuild(dir);
    if (cold.status !== 0) throw new BuildFailed(cold.output);
    const chapter = join(dir, 'content', 'chapters', 'borotoding-2024', 'bab-1-pendahuluan.mdx');
    const text = readFileSync(chapter, 'utf8');
    writeFiles(dir, { [relative(dir, chapter)]: `${text.trimEnd()}\n\nParagraf tambahan untuk uji pembangunan ulang.\n` });
    const warm = await timedBuild(dir);
    if (warm.status !== 0) throw new BuildFailed(warm.output);
    return { coldMs: cold.ms, warmMs: warm.ms, peakRssBytes: warm.peakRssBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function buildLibrary(works: number): Promise<ScaleRun> {
  const dir = fixtureSite(syntheticWorks(works), { withContent: true });
  try {
    const r = await timedBuild(dir);
    if (r.status !== 0) throw new BuildFailed(r.output);
    const dist = join(dir, 'dist');
    const out = await sizeOf(dist);
    // A work of the second half of the library (a copy of the first real work when there are copies).
    const work =
      works >= 8
        ? `${readdirSync(join(CONTENT, 'works'))
            .filter((f) => f.endsWith('.yaml'))
            .sort()[0]!
            .replace(/\.yaml$/, '')}-salinan-${works - 4 - ((works - 4) % 4)}`
        : 'borotoding-2024';
    let query: ScaleRun['firstQuery'];
    try {
      query = await firstQuery(dist, work);
    } catch (e) {
      console.error(`  first query at ${works} works failed: ${(e as Error).message.split('\n')[0]}`);
    }
    return {
      works,
      ms: r.ms,
      peakRssBytes: r.peakRssBytes,
      largest: largestPage(dist),
      firstQuery: query,
      steps: stepSeconds(r.output),
      renderS: renderSeconds(r.output),
      chapterMs: chapterRenderMs(r.output, dist),
      pagesS: pageTimes(r.output).reduce((n, p) => n + p.ms, 0) / 1000,
      slowest: pageTimes(r.output)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3)
        .map((p) => `${p.path} ${p.ms} ms`),
      pages: out.html,
      outBytes: out.bytes,
      files: out.files,
      precompressed: out.precompressed,
      artifact: await pagesArtifact(dist),
      kinds: [...out.kinds].sort((a, b) => b[1][0] - a[1][0]),
      indexBytes: (await sizeOf(join(dist, 'pagefind'))).bytes,
      swBytes: existsSync(join(dist, 'sw.js')) ? statSync(join(dist, 'sw.js')).size : NaN,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Linear growth: the cost of one more work is the same in a small and a large library. Compares
 * the marginal cost per work from the first size to the second with that from the second to the
 * largest (fixed costs such as bundling cancel out).
 */
export function growth(runs: ScaleRun[], key: (r: ScaleRun) => number): number {
  const [a, b] = runs;
  const c = runs.length >= 3 ? runs.at(-1) : undefined;
  if (!a || !b || !c) return NaN;
  return (key(c) - key(b)) / (c.works - b.works) / ((key(b) - key(a)) / (b.works - a.works));
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

/** One line per library size: what the issue asks the bench to print. */
/** The static hosts' limits (docs/publishing.md): Cloudflare Pages' files (free, paid), GitHub Pages' size. */
export const HOST_LIMITS = { freeFiles: 20_000, paidFiles: 100_000, bytes: 1_000_000_000, pagesArtifact: 2 ** 30 };

/** Files and bytes a work costs, and which limits the library stays within. */
function hostFit(r: ScaleRun): string {
  const within = (n: number, limit: number) => (n <= limit ? 'within' : 'OVER');
  const p = r.precompressed;
  return `${Math.round(r.files / r.works)} files and ${MB(r.outBytes / r.works)} a work; files ${within(r.files, HOST_LIMITS.freeFiles)} 20,000 and ${within(r.files, HOST_LIMITS.paidFiles)} 100,000, bytes ${within(r.outBytes, HOST_LIMITS.bytes)} 1 GB; GitHub Pages' artifact ${MB(r.artifact.uploadBytes)} (its tar ${MB(r.artifact.tarBytes)}; ${MB(r.artifact.uploadBytes / r.works)} a work), ${within(r.artifact.uploadBytes, HOST_LIMITS.pagesArtifact)} its 1 GB; with .br and .gz (nginx only, no limit) ${p.files} files, about ${MB(p.bytes)} (${Math.round(p.files / r.works)} files and ${MB(p.bytes / r.works)} a work)`;
}

export function scaleLine(r: ScaleRun): string {
  const q = r.firstQuery
    ? `first query ${kib(r.firstQuery.bytes)} in ${r.firstQuery.requests} requests, ${Math.round(r.firstQuery.ms)} ms to results`
    : 'first query n/a';
  return `${r.pages} pages; ${hostFit(r)}; build ${s(r.ms)}, ${(r.ms / r.works / 1000).toFixed(2)} s per work (after the pages: id ledger ${Number.isNaN(r.steps.links) ? '–' : r.steps.links} s, EPUB ${r.steps.epub} s, PDF ${r.steps.pdf} s, Pagefind ${r.steps.pagefind} s, service worker ${r.steps.worker} s); peak RSS ${MB(r.peakRssBytes)}; output ${MB(r.outBytes)} in ${r.files} files; largest page ${r.largest.path} ${kib(r.largest.bytes)}; search index ${MB(r.indexBytes)}; sw.js ${kib(r.swBytes)}; ${q}`;
}

export async function benchScale(sizes = [4, 100, 400], log: (line: string) => void = () => {}): Promise<Figure[]> {
  const runs: ScaleRun[] = [];
  const failed: Figure[] = [];
  for (const works of sizes) {
    try {
      const run = await buildLibrary(works);
      log(`  ${works} works: ${scaleLine(run)}`);
      runs.push(run);
    } catch (e) {
      if (!(e instanceof BuildFailed)) throw e;
      log(`  ${works} works: the build failed`);
      failed.push({ name: `${works} works`, value: `BUILD FAILED: ${e.message}` });
    }
  }
  const figures: Figure[] = runs.map((r) => ({ name: `${r.works} works`, value: scaleLine(r) }));
  figures.push(...runs.map((r) => ({ name: `${r.works} works, files by kind`, value: r.kinds.map(([k, [n, b]]) => `${k} ${n} (${MB(b)})`).join(', ') })));
  figures.push(
    ...runs.map((r) => ({
      name: `${r.works} works, rendering`,
      value: `pages rendered in ${r.renderS.toFixed(1)} s, of which ${r.pagesS.toFixed(1)} s in the pages themselves; median per chapter page ${r.chapterMs.text} ms, with charts ${r.chapterMs.chart} ms`,
    })),
  );
  const verdict = (ratio: number) =>
    Number.isNaN(ratio)
      ? 'n/a'
      : `${ratio.toFixed(2)} (${ratio < 1.3 ? 'linear' : 'WORSE THAN LINEAR'}: cost of one more work in the larger library / in the smaller)`;
  figures.push(...failed);
  if (runs.length) figures.push({ name: `slowest pages, ${runs.at(-1)!.works} works`, value: runs.at(-1)!.slowest.join('; ') });
  if (runs.length >= 3) {
    figures.push({ name: 'growth of build time', value: verdict(growth(runs, (r) => r.ms)) });
    figures.push({ name: 'growth of page rendering', value: verdict(growth(runs, (r) => r.renderS)) });
    const first = runs[0]!;
    const last = runs.at(-1)!;
    figures.push({
      name: 'time per chapter page',
      value: `${first.chapterMs.text} → ${last.chapterMs.text} ms without charts, ${first.chapterMs.chart} → ${last.chapterMs.chart} ms with charts (${first.works} → ${last.works} works; flat is linear)`,
    });
    figures.push({ name: 'growth of output size', value: verdict(growth(runs, (r) => r.outBytes)) });
    figures.push({ name: 'growth of index size', value: verdict(growth(runs, (r) => r.indexBytes)) });
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--warm') {
  // node scripts/bench/scale.ts --warm 100: cold build, one chapter edited, warm rebuild.
  const works = Number(process.argv[3] ?? 4);
  const r = await warmRebuild(works);
  console.log(`${works} works: cold build ${s(r.coldMs)}; after a one-chapter edit, warm rebuild ${s(r.warmMs)} (peak RSS ${MB(r.peakRssBytes)})`);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv
    .slice(2)
    .flatMap((a) => a.split(','))
    .filter(Boolean)
    .map(Number);
  for (const f of await benchScale(sizes.length ? sizes : undefined, console.log)) console.log(`${f.name.padEnd(40)} ${f.value}`);
}
