// Bad citations and bad bibliography entries stop the build, naming the file, the line and the key,
// and no site is written.
import { describe, expect, it, vi } from 'vitest';
import { buildFixture as build, REFERENCES_CHAPTER, VALID_CHAPTER, VALID_WORK } from '../support/fixture-build.ts';

// Each case is a whole site build; on a loaded 2-core machine one can take minutes.
vi.setConfig({ testTimeout: 300_000 });

const WORK = 'content/works/uji.yaml';
const CHAPTER = 'content/chapters/uji/bab-1-pendahuluan.mdx';
const BIB = 'content/bibliography.json';

const ENTRY = `  {
    "id": "uji2020",
    "type": "book",
    "author": [{ "family": "Penulis", "given": "Uji" }],
    "title": "Buku uji",
    "issued": { "date-parts": [[2020]] }
  }`;
const bibliography = (...entries: string[]) => `[\n${entries.join(',\n')}\n]\n`;
// The chapter's paragraph is on line 9 of the file.
const chapter = (paragraph: string) => VALID_CHAPTER.replace('Paragraf uji.', paragraph);

// A work that cites has a reference-list chapter (the build stops without one).
const buildFixture = (files: Record<string, string>) => build({ ...REFERENCES_CHAPTER, ...files });

function expectStopped(r: ReturnType<typeof buildFixture>, ...parts: (string | RegExp)[]) {
  expect(r.status, r.output).not.toBe(0);
  for (const part of parts) expect(r.output).toMatch(part);
  expect(r.dist).toBe('absent');
}

describe('the build stops on bad citations', () => {
  it('builds a chapter that cites a known entry (so the failures below come from the defects)', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY), [CHAPTER]: chapter('Teks [@uji2020, 26].') });
    expect(r.status, r.output).toBe(0);
  });

  it('names file, line and key of an unknown key', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY), [CHAPTER]: chapter('Teks [@uji2020].\n\nLain [@hilang2021; @uji2020].') });
    expectStopped(r, 'content/chapters/uji/bab-1-pendahuluan.mdx:11:6', 'unknown citation key "hilang2021"');
  });

  it('names file, line and key of a citation inside emphasis', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY), [CHAPTER]: chapter('Teks *miring [@uji2020]* di sini.') });
    expectStopped(r, 'content/chapters/uji/bab-1-pendahuluan.mdx:9:', /citation \[@uji2020\] \(key "uji2020"\) is inside emphasis/);
  });

  it('names file, line and key of a citation in a heading', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY), [CHAPTER]: chapter('### Judul [@uji2020]\n\nTeks.') });
    expectStopped(r, 'content/chapters/uji/bab-1-pendahuluan.mdx:9:', /key "uji2020"\) is inside a heading/);
  });

  it('names the line and key of a malformed entry', () => {
    const bad = ENTRY.replace('"type": "book"', '"type": "buku"').replace('uji2020', 'rusak2020');
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY, bad), [CHAPTER]: chapter('Teks [@uji2020].') });
    expectStopped(r, 'content/bibliography.json:9: entry "rusak2020": type: Invalid option');
  });

  it('names both lines and the key of a duplicate entry', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY, ENTRY), [CHAPTER]: chapter('Teks [@uji2020].') });
    expectStopped(r, 'content/bibliography.json:9: duplicate key "uji2020" (first at line 2)');
  });

  it('names the line of malformed JSON: a missing comma on the line that lacks it, and no chapter', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY.replace('"Buku uji",', '"Buku uji"')), [CHAPTER]: chapter('Teks [@uji2020].') });
    expectStopped(r, /content\/bibliography\.json:6: not valid JSON/, /fix: add a comma at the end of this line/);
    expect(r.output).not.toContain('bab-1-pendahuluan.mdx');
  });
});
