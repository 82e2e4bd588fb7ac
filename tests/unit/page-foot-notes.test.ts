// The content checks (check:content, the build, the dev overlay) find a footnote printed at a page's foot that exclusions.yaml does not mark as
// moved, and names the entry to add (the fidelity test would otherwise fail far from the cause).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageFootNotes } from '../../src/checks/page-foot-notes.ts';
import { checkContent, formatProblem } from '../../src/checks/content.ts';
import { FIXTURE_WORK, FIXTURE_SLUG } from '../support/fixture-work.ts';

const dir = mkdtempSync(join(tmpdir(), 'foot-notes-'));
cpSync(FIXTURE_WORK, join(dir, 'content'), { recursive: true });
const exclusions = join(dir, 'content/sources/exclusions.yaml');
const marked = `sources:\n${readFileSync(exclusions, 'utf8')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('footnotes at the foot of a page', () => {
  it('pass when exclusions.yaml marks them moved', () => {
    writeFileSync(exclusions, marked);
    expect(pageFootNotes(dir, FIXTURE_SLUG)).toEqual([]);
  });

  it('are found with the source line and the entry to add when it does not', () => {
    writeFileSync(exclusions, marked.replace(/ {6}- lines: "15"[\s\S]*?moved: true\n/, ''));
    const found = pageFootNotes(dir, FIXTURE_SLUG).map(formatProblem);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^content\/sources\/999_karya-uji\.txt:15: footnote 1 of content\/chapters\/karya-uji\/bab-1-pendahuluan\.mdx is printed here, at the foot of a page/,
    );
    expect(found[0]).toContain('\n    fix: add under "- source: 999_karya-uji.txt" in content/sources/exclusions.yaml');
    expect(found[0]).toContain('lines: "15"');
    expect(found[0]).toContain('moved: true');
    // One of the content checks the build and `npm run dev` run (src/checks/loader.ts).
    expect(checkContent(dir).map(formatProblem)).toContain(found[0]);
  });
});
