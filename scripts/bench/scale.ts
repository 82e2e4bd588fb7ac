// Scale: builds libraries of 4 (the real one), 100, 400 and 1,000 works in temporary folders and
// reports, per size, build time, peak memory, output size, the largest page, the search index and
// what the first search fetches, to show whether the build grows linearly with the library.
// The synthetic works are the real ones copied under new names and slugs (work i is a copy of real
// work i mod 4, all its chapters included), so they weigh what real works weigh. As in a real
// library, they do not all cite the same entries: in each copy half of its original's entries
// (chosen by key and copy, so the same every run) are replaced by entries of its own (the same
// record under a new key, with "(salinan i)" in the title), listed, numbered and printed in the
// copy where the original's are; the other half stay shared with the original.
// Slow (minutes): `npm run bench -- --quick` skips it; `node scripts/bench/scale.ts 4 100` runs alone.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { fixtureSite } from '../../tests/support/fixture-build.ts';
import type { Figure } from './pages.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = join(ROOT, 'content');

type PerWork = Record<string, unknown>;
interface Entry {
  id: string;
  'citation-key'?: string;
  title?: string;
  custom?: { listedIn?: string[]; printed?: PerWork; printedOrder?: PerWork; number?: PerWork; citedAs?: PerWork };
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
    for (const entry of entries) {
      const c = entry.custom;
      if (!c) continue;
      if (!ownEntry(entry.id, i)) {
        // Shared with the original: the copy lists it where the original does.
        if (c.listedIn?.includes(from)) c.listedIn.push(slug);
        for (const map of [c.printed, c.printedOrder, c.number, c.citedAs]) if (map && from in map) map[slug] = map[from];
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
        custom: {
          ...structuredClone(c),
          listedIn: c.listedIn?.includes(from) ? [slug] : [],
          printed: Object.fromEntries(Object.entries(at(c.printed)).map(([w, p]) => [w, `${String(p)} (salinan ${i})`])),
          printedOrder: at(c.printedOrder),
          number: at(c.number),
          citedAs: at(c.citedAs),
        },
      });
    }
    // The copy's citations of the replaced keys cite its own entries.
    // Keys are letters and digits (content/bibliography.json), so a key ends where those end.
    const cites = own.size ? new RegExp(`@(${[...own.keys()].join('|')})(?![A-Za-z0-9_])`, 'g') : null;
    const dir = join(CONTENT, 'chapters', from);
    for (const chapter of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      let text = readFileSync(join(dir, chapter), 'utf8').replace(/^work: .*$/m, `work: ${slug}`);
      if (cites) text = text.replace(cites, (_, key: string) => `@${own.get(key)}`);
      files[`content/chapters/${slug}/${chapter}`] = text;
    }
  }
  if (existsSync(bibliography)) files['content/bibliography.json'] = JSON.stringify([...entries, ...added], null, 2);
  return files;
}

function sizeOf(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    files++;
    bytes += statSync(join(d.parentPath, d.name)).size;
    if (d.name.endsWith('.html')) html++;
  }
  return { bytes, files, html };
}

export interface ScaleRun {
  works: number;
  ms: number;
  /** Seconds Astro reports for rendering the pages ("generating static routes"). */
  renderS: number;
  /** The sum of the times Astro reports per page (the rest of renderS is spent between pages). */
  pagesS: number;
  /** The three slowest pages. */
  slowest: string[];
  /** Median milliseconds per chapter page, without and with charts. */
  chapterMs: { text: number; chart: number };
  pages: number;
  outBytes: number;
  indexBytes: number;
  files: number;
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
    (readFileSync(join(dist, path), 'utf8').includes('data-chart=') ? chart : text).push(ms);
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
    const from = Math.max(lines.findIndex((l) => /error/i.test(l)), 0);
    super(lines.slice(from, from + 4).join(' ').replace(/\s+/g, ' ').trim());
  }
}

export function buildLibrary(works: number): ScaleRun {
  const dir = fixtureSite(syntheticWorks(works), { withContent: true });
  try {
    const r = buildIn(dir);
    if (r.status !== 0) throw new BuildFailed(r.output);
    const out = sizeOf(join(dir, 'dist'));
    return {
      works,
      ms: r.ms,
      renderS: renderSeconds(r.output),
      chapterMs: chapterRenderMs(r.output, join(dir, 'dist')),
      pagesS: pageTimes(r.output).reduce((n, p) => n + p.ms, 0) / 1000,
      slowest: pageTimes(r.output)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3)
        .map((p) => `${p.path} ${p.ms} ms`),
      pages: out.html,
      outBytes: out.bytes,
      files: out.files,
      indexBytes: sizeOf(join(dir, 'dist', 'pagefind')).bytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Linear growth: the cost of one more work is the same in a small and a large library. Compares
 * the marginal build time per work from the first size to the second with that from the second to
 * the last (fixed costs such as bundling cancel out).
 */
export function growth(runs: ScaleRun[], key: (r: ScaleRun) => number): number {
  const [a, b, c] = runs;
  if (!a || !b || !c) return NaN;
  return (key(c) - key(b)) / (c.works - b.works) / ((key(b) - key(a)) / (b.works - a.works));
}

export function benchScale(sizes = [4, 100, 400], log: (line: string) => void = () => {}): Figure[] {
  const runs: ScaleRun[] = [];
  const failed: Figure[] = [];
  for (const works of sizes) {
    try {
      const run = buildLibrary(works);
      log(`  built ${works} works in ${s(run.ms)}`);
      runs.push(run);
    } catch (e) {
      if (!(e instanceof BuildFailed)) throw e;
      log(`  ${works} works: the build failed`);
      failed.push({ name: `${works} works`, value: `BUILD FAILED: ${e.message}` });
    }
  }
  const figures: Figure[] = runs.map((r) => ({
    name: `${r.works} works (${r.pages} HTML pages, ${r.files} files)`,
    value: `build ${s(r.ms)} (pages rendered in ${r.renderS.toFixed(1)} s, of which ${r.pagesS.toFixed(1)} s in the pages themselves; median per chapter page ${r.chapterMs.text} ms, with charts ${r.chapterMs.chart} ms), ${(r.ms / r.works / 1000).toFixed(2)} s per work; output ${MB(r.outBytes)}; search index ${MB(r.indexBytes)}`,
  }));
  const verdict = (ratio: number) =>
    Number.isNaN(ratio) ? 'n/a' : `${ratio.toFixed(2)} (${ratio < 1.3 ? 'linear' : 'WORSE THAN LINEAR'}: cost of one more work in the larger library / in the smaller)`;
  figures.push(...failed);
  if (runs.length) figures.push({ name: `slowest pages, ${runs.at(-1)!.works} works`, value: runs.at(-1)!.slowest.join('; ') });
  if (runs.length >= 3) {
    figures.push({ name: 'growth of build time', value: verdict(growth(runs, (r) => r.ms)) });
    figures.push({ name: 'growth of page rendering', value: verdict(growth(runs, (r) => r.renderS)) });
    const [first, , last] = runs;
    figures.push({
      name: 'time per chapter page',
      value: `${first!.chapterMs.text} → ${last!.chapterMs.text} ms without charts, ${first!.chapterMs.chart} → ${last!.chapterMs.chart} ms with charts (${first!.works} → ${last!.works} works; flat is linear)`,
    });
    figures.push({ name: 'growth of output size', value: verdict(growth(runs, (r) => r.outBytes)) });
    figures.push({ name: 'growth of index size', value: verdict(growth(runs, (r) => r.indexBytes)) });
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const f of benchScale(sizes.length ? sizes : undefined, console.log)) console.log(`${f.name.padEnd(40)} ${f.value}`);
}
