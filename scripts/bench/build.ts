// Build time of the real site: cold (no dist/, no caches in .astro/) and warm (run again at once,
// with Astro's and Vite's caches from the cold run), and what it produces. Leaves a fresh build in
// dist/ for the other figures.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Figure } from './pages.ts';

function build(root: string): { ms: number; routes: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
  return { ms: performance.now() - start, routes: /(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? '?' };
}

export function benchBuild(root: string): Figure[] {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  const cold = build(root);
  const warm = build(root);
  const html = readdirSync(join(root, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    { name: 'build, cold (no dist/, no .astro/ caches)', value: s(cold.ms) },
    { name: 'build, warm (caches of the run before)', value: s(warm.ms) },
    { name: 'pages', value: `${html} HTML pages (${warm.routes} routes by Astro's count, with the .bib/.ris/.csv/sitemap files)` },
  ];
}
