// The made-up works of tests/fixtures/karya-uji/ (karya-uji: a footnote, a printed reference list, a
// table printed tab-separated with a lower-case header, a chart; karya-uji-sunting: none of these, no
// abbreviation, an editor's list), put into a temporary copy of the site together with
// the real content by the steps of the librarians' guide (docs/panduan-pustakawan.md): the source
// texts in content/sources/ (step 1), the work files and chapters (2-5), the new entries appended
// to content/bibliography.json (6), the datasets in content/data/ (7), the exclusions entries (8).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSite } from './fixture-build.ts';
import { ROOT } from './site.ts';

export const FIXTURE_WORK = join(ROOT, 'tests/fixtures/karya-uji');
export const FIXTURE_SLUG = 'karya-uji';
/** The second made-up work: no footnote, table, chart, abbreviation or printed reference list. */
export const BARE_SLUG = 'karya-uji-sunting';

export function fixtureWorkSite(): string {
  const dir = fixtureSite({}, { withContent: true });
  const content = join(dir, 'content');
  for (const sub of ['works', 'chapters', 'data']) cpSync(join(FIXTURE_WORK, sub), join(content, sub), { recursive: true });
  for (const f of readdirSync(join(FIXTURE_WORK, 'sources')).filter((f) => f.endsWith('.txt')))
    cpSync(join(FIXTURE_WORK, 'sources', f), join(content, 'sources', f));
  appendFileSync(join(content, 'sources/exclusions.yaml'), readFileSync(join(FIXTURE_WORK, 'sources/exclusions.yaml'), 'utf8'));
  const bib = join(content, 'bibliography.json');
  const entries = [...JSON.parse(readFileSync(bib, 'utf8')), ...JSON.parse(readFileSync(join(FIXTURE_WORK, 'bibliography.json'), 'utf8'))];
  writeFileSync(bib, `${JSON.stringify(entries, null, 2)}\n`);
  return dir;
}

/**
 * Runs test files of this project against a fixture site's content/ and dist/ (the tests read both
 * from the working directory, src/paths.ts): the tests, their support and the measuring code are
 * linked into the copy. Returns vitest's exit status and output.
 */
export function runTestsIn(dir: string, files: string[]): { status: number | null; output: string } {
  for (const f of ['tests', 'measure', 'scripts', 'vitest.config.ts', '.htmlvalidate.json']) {
    if (!existsSync(join(dir, f))) symlinkSync(join(ROOT, f), join(dir, f));
  }
  // The shell's environment, not this vitest's own (its VITEST* variables would confuse the inner run).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^VITEST|^NODE_ENV$|^TEST$/.test(k)));
  const run = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), ['run', '--reporter=verbose', ...files], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
