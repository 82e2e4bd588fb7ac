// The fidelity draft (scripts/fidelity-draft.mjs): runs on the machine's Node (20 here) as the README
// says, measures with the fidelity test's code, and does not crash on a work whose source has no
// exclusions entry yet (it says so instead).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftCoverage, mdxText } from '../../scripts/checks/fidelity-draft.ts';
import { VALID_CHAPTER, VALID_SOURCE, VALID_WORK, writeFiles } from '../support/fixture-build.ts';
import { ROOT, works } from '../support/site.ts';

const dir = mkdtempSync(join(tmpdir(), 'rbntt-draft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fidelity draft', () => {
  it('runs as `node scripts/fidelity-draft.mjs <slug>` on the system Node', () => {
    const node = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
    const slug = works()[0]!.slug;
    const run = spawnSync(node, [join(ROOT, 'scripts/fidelity-draft.mjs'), slug], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^${slug}: \\d+\\.\\d\\d% of \\d+ words`, 'm'));
  });

  it('measures a work whose source has no exclusions entry, and says so', () => {
    const paragraph = 'Paragraf uji ini cukup panjang untuk diukur kata demi kata oleh draf.';
    writeFiles(dir, {
      'content/works/uji.yaml': VALID_WORK,
      'content/chapters/uji/bab-1.mdx': VALID_CHAPTER.replace('Paragraf uji.', paragraph),
      ...VALID_SOURCE,
      'content/sources/000_uji.txt': `${paragraph}\n`,
    });
    const d = draftCoverage(dir, 'uji');
    expect(d.note).toMatch(/exclusions\.yaml has no entry for 000_uji\.txt/);
    expect(d.coverage.total).toBeGreaterThan(0);
    expect(d.coverage.ratio).toBe(1);
  });

  it('names the known works for an unknown slug', () => {
    expect(() => draftCoverage(ROOT, 'tidak-ada')).toThrow(/content\/works\/tidak-ada\.yaml does not exist \(known works: /);
  });

  it('reads footnotes and citations as the page shows them', () => {
    expect(mdxText('kata[^1] lain\n\n[^1]: Catatan.', () => '')).toBe('kata1 lain\n\n1.  Catatan.');
    expect(mdxText('teks [@a2020, 12].', (k, loc) => `${k}|${loc}`)).toBe('teks a2020|12.');
  });
});
