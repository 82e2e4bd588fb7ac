// Build time of the citations (figures only, never asserted): every chapter compiled as Astro
// compiles it, without the citation stage and with it (src/bibliography/rehype-cite-links.ts: the
// printed citations linked to their entries; no style engine runs in the text any more); then the
// formatted reference lists (citeproc, once per work) and the whole `astro build`. Each measurement runs in a fresh Node process, so one's caches and memory never
// help or hurt another. `node scripts/bench/citations.ts` prints them alone; scripts/bench.ts
// prints them with the other concerns' figures.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createProcessor } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { withoutFrontMatter } from '../../src/markdown/front-matter.ts';
import { pipeline, type Stage } from '../../src/markdown/pipeline.ts';
import { styleOfWork } from '../../src/bibliography/engine.ts';
import { formatAll, formatWork } from '../../src/bibliography/entries.ts';
import { workSlugs } from '../../src/bibliography/library.ts';
import { ROOT } from '../../src/paths.ts';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const ROUNDS = 5;
const MB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export interface Figure {
  name: string;
  value: string;
}
interface Bench {
  name: string;
  run(): Figure[] | Promise<Figure[]>;
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
        const body = withoutFrontMatter(text);
        return { path: join(dir, work, f), work, body };
      }),
  );
}

/**
 * Compiles every chapter with one processor (as Astro does), `rounds` times: the first round pays
 * any one-time loading, later ones show the steady cost. Heap growth shows what stays in memory.
 */
async function compileAll(stages: Stage[], frontmatter: (work: string) => Record<string, unknown>, rounds = ROUNDS): Promise<Figure[]> {
  const files = chapters();
  const { remarkPlugins, rehypePlugins, remarkRehype } = pipeline(ROOT, stages);
  const processor = createProcessor({
    remarkPlugins: remarkPlugins as never,
    rehypePlugins: rehypePlugins as never,
    remarkRehypeOptions: remarkRehype,
    format: 'mdx',
  });
  const heap = process.memoryUsage().heapUsed;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const f of files) {
      await processor.process(new VFile({ value: f.body, path: f.path, data: { astro: { frontmatter: frontmatter(f.work) } } }));
    }
    times.push(performance.now() - start);
  }
  const figures: Figure[] = [{ name: `first round (${files.length} chapters)`, value: ms(times[0]!) }];
  if (rounds > 1) {
    const rest = median(times.slice(1));
    figures.push({ name: `median of rounds 2–${rounds}`, value: `${ms(rest)} (${(rest / files.length).toFixed(1)} ms per chapter)` });
  }
  figures.push({ name: `heap growth after ${rounds} round(s)`, value: MB(process.memoryUsage().heapUsed - heap) });
  return figures;
}

const benches: Bench[] = [
  {
    name: 'chapters, no citation plugin (baseline)',
    run: () => compileAll(['gfm'], (work) => ({ work })),
  },
  {
    name: 'citations (rehype-cite-links.ts)',
    run: () => compileAll(['gfm', 'citeLinks'], (work) => ({ work })),
  },
  {
    // Each work's list in its own style and the shared list, formatted by citeproc (engines cached).
    name: 'reference lists formatted',
    run() {
      const heap = process.memoryUsage().heapUsed;
      const start = performance.now();
      for (const work of workSlugs(ROOT)) formatWork(ROOT, work, styleOfWork(ROOT, work));
      formatAll(ROOT);
      return [
        { name: 'all works and the shared list', value: ms(performance.now() - start) },
        { name: 'heap growth', value: MB(process.memoryUsage().heapUsed - heap) },
      ];
    },
  },
  {
    name: 'astro build, whole site',
    run() {
      const start = performance.now();
      const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
      const run = spawnSync(process.execPath, [astro, 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
      const pages = /(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? '?';
      return [{ name: 'wall time', value: `${ms(performance.now() - start)} (${pages} pages)` }];
    },
  },
];

/** Every measurement, each in its own process; names prefix the figures. */
export function benchCitations(filter?: string): Figure[] {
  const out: Figure[] = [];
  for (const [i, bench] of benches.entries()) {
    if (filter && !bench.name.includes(filter)) continue;
    const child = spawnSync(process.execPath, [SELF, '--run', String(i)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const figures: Figure[] =
      child.status === 0
        ? (JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Figure[])
        : [{ name: 'failed', value: child.stderr.trim().split('\n').slice(-3).join(' / ') }];
    out.push(...figures.map((f) => ({ name: `${bench.name}: ${f.name}`, value: f.value })));
  }
  return out;
}

const [flag, arg] = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  if (flag === '--run') {
    // Child: run one measurement and hand its figures back as JSON.
    console.log(JSON.stringify(await benches[Number(arg)]!.run()));
  } else {
    for (const f of benchCitations(flag)) console.log(`${f.name}  ${f.value}`);
  }
}
