// Build time of the real site: cold (no dist/, no caches in .astro/) and warm (run again at once,
// with Astro's and Vite's caches from the cold run), and what it produces. Leaves a fresh build in
// dist/ for the other figures.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildIn } from '../../tests/support/fixture-build.ts';
import type { Figure } from '../../measure/pages.ts';

function build(root: string): { ms: number; routes: string } {
  // As `npm run build` makes it: with the precompressed copies (their Brotli is most of the difference).
  const run = buildIn(root, { PRECOMPRESS: process.env.PRECOMPRESS ?? 'yes' });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.output}`);
  return { ms: run.ms, routes: /(\d+) page\(s\) built/.exec(run.output)?.[1] ?? '?' };
}

export function benchBuild(root: string): Figure[] {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  const cold = build(root);
  const warm = build(root);
  const files = readdirSync(join(root, 'dist'), { recursive: true }).map(String);
  const html = files.filter((f) => f.endsWith('.html')).length;
  const data = files.filter((f) => /\.(bib|ris|csv|xml|txt|webmanifest)$/.test(f)).length;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    { name: 'build, cold (no dist/, no .astro/ caches)', value: s(cold.ms) },
    { name: 'build, warm (caches of the run before)', value: s(warm.ms) },
    {
      name: 'pages',
      value: `${html} HTML pages (Astro counts ${warm.routes}); ${data} generated data files (.bib, .ris, .csv, sitemap, robots.txt, manifest)`,
    },
  ];
}
