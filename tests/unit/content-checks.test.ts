// The content checks (src/checks/content.ts) on the bad fixture, without a build: the same code the
// build runs at content sync, so tests/build/bad-content.test.ts needs only one build for all of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, jsonProblem } from '../../src/checks/content.ts';
import { BAD_CONTENT, EXPECTED } from '../support/bad-content.ts';
import { REFERENCES_CHAPTER, VALID_CHAPTER, VALID_SOURCE, VALID_WORK, writeFiles } from '../support/fixture-build.ts';
import { ROOT } from '../support/site.ts';

const dirs: string[] = [];
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rbntt-checks-'));
  writeFiles(dir, { ...VALID_SOURCE, ...files });
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('content checks', () => {
  it('find nothing in the real content', () => {
    expect(checkContent(ROOT, { citationKeys: true }).map(formatProblem)).toEqual([]);
  });

  it('find nothing in a valid work that cites, with its reference list', () => {
    const bib = '[\n  { "id": "uji2020", "type": "book", "title": "Buku uji" }\n]\n';
    const chapter = VALID_CHAPTER.replace('Paragraf uji.', 'Paragraf uji[^1] ([Uji 2020, 3](<@uji2020, 3>)).\n\n[^1]: Catatan.');
    const files = { 'content/works/uji.yaml': VALID_WORK, 'content/chapters/uji/bab-1.mdx': chapter, 'content/bibliography.json': bib, ...REFERENCES_CHAPTER };
    expect(checkContent(site(files), { citationKeys: true }).map(formatProblem)).toEqual([]);
  });

  it('report every mistake of the bad fixture with file, line and fix', () => {
    const report = checkContent(site(BAD_CONTENT), { citationKeys: true }).map(formatProblem).join('\n');
    for (const parts of EXPECTED)
      for (const part of parts) expect(report).toMatch(typeof part === 'string' ? new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : part);
    expect(report.split('\n').filter((l) => !l.startsWith('    fix:'))).toHaveLength(EXPECTED.length);
  });

  it('name the file and the known works when a chapter’s work is missing, and the unknown citation key', () => {
    const files = {
      'content/works/uji.yaml': VALID_WORK,
      'content/chapters/uji/bab-1.mdx': VALID_CHAPTER.replace('Paragraf uji.', 'Teks ([X](@tidakada2020)).'),
      ...REFERENCES_CHAPTER,
      'content/bibliography.json': '[]',
    };
    const report = checkContent(site(files), { citationKeys: true }).map(formatProblem).join('\n');
    expect(report).toContain('content/chapters/uji/bab-1.mdx:9:11: citation of unknown key "@tidakada2020"');
  });

  it('point a missing comma at the line that lacks it, and a trailing one at its line', () => {
    expect(jsonProblem('b.json', '[\n  { "a": 1 }\n  { "b": 2 }\n]')).toMatchObject({ line: 2, fix: expect.stringContaining('add a comma') });
    expect(jsonProblem('b.json', '{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 2 });
    expect(jsonProblem('b.json', '[\n  { "a": 1 },\n]')).toMatchObject({ line: 2 });
  });
});
