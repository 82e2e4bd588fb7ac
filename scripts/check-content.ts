// npm run check:content: the fast checks of content/, in seconds and without a build: every work
// file and chapter front matter (the build's own checks, src/checks/content.ts: fields, works,
// orders, footnotes, citation keys, reference-list chapters, bibliography syntax), MDX syntax
// (scripts/check-mdx.mjs), the data files (src/data/read.ts, as the build reads them), and the
// fidelity draft of every work (scripts/checks/fidelity-draft.ts). The content checks include the
// footnotes printed at a page's foot (src/checks/page-foot-notes.ts). Exit 1 on any problem.
//   npm run check:content [-- <root>]   (root: a project folder, default this one)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, formatProblem } from '../src/checks/content.ts';
import { readDataDir } from '../src/data/read.ts';
import { checkMdx } from './check-mdx.mjs';
import { draftCoverage } from './checks/fidelity-draft.ts';
import { ROOT } from '../src/paths.ts';

const root = process.argv[2] ?? ROOT;
const start = performance.now();
let failed = 0;
const fail = (line: string) => {
  failed++;
  console.error(`FAIL ${line}`);
};

const problems = checkContent(root, { citationKeys: true });
for (const p of problems) fail(formatProblem(p));
console.log(`content: ${problems.length ? `${problems.length} problem(s)` : 'works, chapters, footnotes, citations and bibliography syntax ok'}`);

// Placeholders left by npm run new-work: reported, not failed (the preview can show a draft).
for (const sub of ['content/works', 'content/chapters']) {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of walk(join(root, sub))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/\bTODO\b/.test(line) && !/^\s*#/.test(line)) console.log(`todo ${relative(root, file)}:${i + 1}: ${line.trim().slice(0, 100)}`);
      });
  }
}

const mdx = await checkMdx([join(root, 'content/chapters')]);
for (const f of mdx) fail(relative(root, f));
console.log(`mdx: ${mdx.length ? `${mdx.length} file(s) do not compile` : 'every chapter compiles'}`);

try {
  const data = readDataDir(root);
  console.log(`data: ${data.datasets.length} datasets ok`);
} catch (e) {
  fail((e as Error).message);
}

const works = readdirSync(join(root, 'content/works'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));
if (!problems.some((p) => p.file.startsWith('content/works/'))) {
  for (const slug of works) {
    try {
      const d = draftCoverage(root, slug);
      const pct = (d.coverage.ratio * 100).toFixed(2);
      console.log(
        `fidelity draft: ${slug} ${pct}% of ${d.coverage.total} words${d.coverage.ratio < 0.99 ? ` (below 99%: npm run fidelity-draft -- ${slug} lists what is missing)` : ''}`,
      );
      if (d.note) fail(d.note);
    } catch (e) {
      fail((e as Error).message);
    }
  }
}
console.log(`${failed ? `${failed} problem(s)` : 'all fast checks passed'} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
