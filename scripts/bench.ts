// npm run bench: prints build figures (never asserted by tests). Each benchmark is one entry of
// `benches`; add one by pushing a name and a function that returns its figures.
//
//   npm run bench                 all benchmarks
//   npm run bench -- citations    only those whose name contains "citations"
//
// Each benchmark runs in a fresh Node process, so one's caches and memory never help or hurt another.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import rehypeCitation from 'rehype-citation';
import { VFile } from 'vfile';
import { CSL_DIR, STYLE_FILES, styleOfWork } from '../src/citations/engine.ts';
import { BIBLIOGRAPHY_FILE } from '../src/citations/library.ts';
import { rehypeCitations } from '../src/markdown/rehype-citations.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const ROUNDS = 5;
const MB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

type Figure = [label: string, value: string];
interface Bench {
  name: string;
  run(): Promise<Figure[]>;
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Every chapter as an MDX file with its front matter, as Astro hands it to the processor. */
function chapters() {
  const dir = join(ROOT, 'content', 'chapters');
  return readdirSync(dir).flatMap((work) =>
    readdirSync(join(dir, work))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => {
        const text = readFileSync(join(dir, work, f), 'utf8');
        const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
        return { path: join(dir, work, f), work, body };
      }),
  );
}

/**
 * Compiles every chapter with one processor (as Astro does), `rounds` times: the first round pays
 * any one-time loading, later ones show the steady cost. Heap growth shows what stays in memory.
 */
async function compileAll(rehypePlugins: unknown[], frontmatter: (work: string) => Record<string, unknown>, rounds = ROUNDS): Promise<Figure[]> {
  const files = chapters();
  const processor = createProcessor({ remarkPlugins: [remarkGfm], rehypePlugins: rehypePlugins as never, format: 'mdx' });
  const heap = process.memoryUsage().heapUsed;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const f of files) {
      await processor.process(new VFile({ value: f.body, path: f.path, data: { astro: { frontmatter: frontmatter(f.work) } } }));
    }
    times.push(performance.now() - start);
  }
  const figures: Figure[] = [[`first round (${files.length} chapters)`, ms(times[0]!)]];
  if (rounds > 1) {
    const rest = median(times.slice(1));
    figures.push([`median of rounds 2–${rounds}`, `${ms(rest)} (${(rest / files.length).toFixed(1)} ms per chapter)`]);
  }
  figures.push([`heap growth after ${rounds} round(s)`, MB(process.memoryUsage().heapUsed - heap)]);
  return figures;
}

const benches: Bench[] = [
  {
    name: 'mdx: chapters without citations rendered (baseline)',
    run: () => compileAll([], (work) => ({ work })),
  },
  {
    // What rehype-citation does when each file names its style in front matter: read the
    // bibliography, parse it, register the CSL file and the locale, build a new citeproc engine
    // (one to three seconds for APA or Chicago, never freed). One round: more runs out of memory.
    name: 'citations: rehype-citation per file (style from front matter, files re-read)',
    run: () =>
      compileAll(
        [[rehypeCitation, { path: ROOT, bibliography: BIBLIOGRAPHY_FILE, lang: join(CSL_DIR, 'locales-id-ID.xml'), suppressBibliography: true }]],
        (work) => ({ work, csl: join(CSL_DIR, STYLE_FILES[styleOfWork(ROOT, work)]) }),
        1,
      ),
  },
  {
    name: 'citations: loaded once (src/markdown/rehype-citations.ts, as the build runs it)',
    run: () => compileAll([[rehypeCitations, { root: ROOT }]], (work) => ({ work })),
  },
  {
    name: 'astro build: whole site',
    async run() {
      const start = performance.now();
      const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
      const run = spawnSync(process.execPath, [astro, 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
      const pages = /(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? '?';
      return [['wall time', `${ms(performance.now() - start)} (${pages} pages)`]];
    },
  },
];

const [flag, arg] = process.argv.slice(2);
if (flag === '--run') {
  // Child: run one benchmark and hand its figures back as JSON.
  console.log(JSON.stringify(await benches[Number(arg)]!.run()));
} else {
  for (const [i, bench] of benches.entries()) {
    if (flag && !bench.name.includes(flag)) continue;
    console.log(`\n${bench.name}`);
    const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--run', String(i)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const figures = child.status === 0 ? (JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Figure[]) : [['failed', child.stderr.trim().split('\n').slice(-3).join(' / ')] as Figure];
    for (const [label, value] of figures) console.log(`  ${label.padEnd(34)} ${value}`);
  }
}
