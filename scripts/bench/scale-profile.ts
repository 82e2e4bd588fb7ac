// Profile of one synthetic library's build: `node scripts/bench/scale-profile.ts 1000 [dir]` writes
// the library (scripts/bench/scale.ts's generator) into a temporary folder (kept, its path printed),
// builds it at low priority under GNU time, and logs every line of the build with the seconds since
// the start and the resident memory of the build's processes at that moment, sampled each 2 s, so
// that each phase (content sync, Vite, page generation, each integration) shows its time and memory.
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixtureSite } from '../../tests/support/fixture-build.ts';
import { syntheticWorks } from './scale.ts';

const works = Number(process.argv[2] ?? 100);
const log = process.argv[3] ?? `/tmp/scale-profile-${works}.log`;
const t0 = performance.now();
const dir = fixtureSite(syntheticWorks(works), { withContent: true });
writeFileSync(log, `# ${works} works in ${dir} (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
console.log(`${works} works in ${dir}; log ${log}`);

/** RSS in MB of a process and its descendants (from ps), and of the largest one. */
function rss(pid: number): { total: number; largest: number } {
  try {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
    const kids = new Map<number, number[]>();
    for (const [p, pp] of rows) kids.set(pp, [...(kids.get(pp) ?? []), p]);
    const of = new Map(rows.map(([p, , r]) => [p, r]));
    let total = 0;
    let largest = 0;
    const stack = [pid];
    while (stack.length) {
      const p = stack.pop()!;
      const r = of.get(p) ?? 0;
      total += r;
      largest = Math.max(largest, r);
      stack.push(...(kids.get(p) ?? []));
    }
    return { total: Math.round(total / 1024), largest: Math.round(largest / 1024) };
  } catch {
    return { total: NaN, largest: NaN };
  }
}

const start = performance.now();
const child = spawn('/usr/bin/time', ['-v', 'nice', '-n', '10', 'npm', 'run', '--silent', 'build'], {
  cwd: dir,
  env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
});
let peak = 0;
const sec = () => ((performance.now() - start) / 1000).toFixed(1);
const sampler = setInterval(() => {
  const r = rss(child.pid!);
  if (r.total > peak) peak = r.total;
  appendFileSync(log, `${sec()}\t# rss ${r.total} MB (largest process ${r.largest} MB)\n`);
}, 2000);
let pending = '';
const onData = (d: Buffer) => {
  pending += d.toString();
  const lines = pending.split('\n');
  pending = lines.pop()!;
  // Astro's per-page lines ("├─ /path (+27ms)") are many: keep them, they are the per-page times.
  appendFileSync(log, lines.map((l) => `${sec()}\t${l}\n`).join(''));
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
child.on('close', (status) => {
  clearInterval(sampler);
  appendFileSync(log, `${sec()}\t${pending}\n${sec()}\t# exit ${status}; peak rss of the tree ${peak} MB; dist ${join(dir, 'dist')}\n`);
  console.log(`exit ${status} after ${sec()} s; peak tree RSS ${peak} MB; dir ${dir}`);
});
