// Bad citations, bad bibliography entries and lost links stop the build, naming the file, the line
// and the key (or the id), and no site is written.
import { describe, expect, it, vi } from 'vitest';
import { paragraphId } from '../../src/markdown/rehype-paragraph-anchors.ts';
import { BUILD_TIMEOUT, buildFixture as build, REFERENCES_CHAPTER, VALID_CHAPTER, VALID_WORK } from '../support/fixture-build.ts';

// Each case is a whole site build; on a loaded 2-core machine one can take minutes.
vi.setConfig({ testTimeout: BUILD_TIMEOUT });

const WORK = 'content/works/uji.yaml';
const CHAPTER = 'content/chapters/uji/bab-1-pendahuluan.mdx';
const BIB = 'content/bibliography.json';
const LEDGER = 'content/links/published-ids.json';
const MOVED = 'content/links/moved-ids.yaml';

const entry = (key: string, listed = false) => `  {
    "id": "${key}",
    "type": "book",
    "author": [{ "family": "Penulis", "given": "Uji" }],
    "title": "Buku uji",
    "issued": { "date-parts": [[2020]] }${listed ? `,\n    "custom": { "listedIn": ["uji"], "printed": { "uji": "Penulis, U. (2020). *Buku uji*." }, "printedOrder": { "uji": 1 } }` : ''}
  }`;
const ENTRY = entry('uji2020');
const bibliography = (...entries: string[]) => `[\n${entries.join(',\n')}\n]\n`;
// The chapter's paragraph is on line 9 of the file.
const chapter = (paragraph: string) => VALID_CHAPTER.replace('Paragraf uji.', paragraph);
const PAGE = '/uji/bab-1-pendahuluan/';

// A work that cites has a reference-list chapter (the build stops without one).
const buildFixture = (files: Record<string, string>) => build({ ...REFERENCES_CHAPTER, ...files });

function expectStopped(r: ReturnType<typeof buildFixture>, ...parts: (string | RegExp)[]) {
  expect(r.status, r.output).not.toBe(0);
  for (const part of parts) expect(r.output).toMatch(part);
  expect(r.dist).toBe('absent');
}

describe('the build stops on bad citations', () => {
  it('builds a chapter that cites as printed (so the failures below come from the defects)', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY), [CHAPTER]: chapter('Teks ([Penulis, 2020, 26](<@uji2020, 26>)).') });
    expect(r.status, r.output).toBe(0);
  });

  it('names file, line and key of an unknown key', () => {
    const r = buildFixture({
      [WORK]: VALID_WORK,
      [BIB]: bibliography(ENTRY),
      [CHAPTER]: chapter('Teks ([Penulis, 2020](@uji2020)).\n\nLain ([Hilang, 2021](@hilang2021)).'),
    });
    expectStopped(r, 'content/chapters/uji/bab-1-pendahuluan.mdx:11:', /unknown key "@hilang2021"\n\s+fix: add an entry with "id": "hilang2021"/);
    // One block with the fix, no stack trace.
    expect(r.output).not.toMatch(/\n\s+at .*\.(ts|js|mjs):\d+/);
  });

  it('names file, line and key of a citation in the generated form, which would not print as the author did', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY), [CHAPTER]: chapter('Teks [@uji2020] di sini.') });
    expectStopped(r, 'content/chapters/uji/bab-1-pendahuluan.mdx:9:', /citation \[@uji2020\] is not written as printed/);
  });

  it('names the key a printed citation gives that the work’s printed list does not hold', () => {
    const r = buildFixture({
      [WORK]: VALID_WORK,
      [BIB]: bibliography(entry('uji2020', true), entry('lain2020')),
      [CHAPTER]: chapter('Teks ([Penulis, 2020](@uji2020)) dan ([Lain, 2020](@lain2020)).'),
    });
    expectStopped(r, 'content/chapters/uji/bab-1-pendahuluan.mdx:9:', /"lain2020" is cited in uji, but the work's printed reference list does not hold it/);
  });

  it('names the line and key of a malformed entry', () => {
    const bad = ENTRY.replace('"type": "book"', '"type": "buku"').replace('uji2020', 'rusak2020');
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY, bad), [CHAPTER]: chapter('Teks ([Penulis, 2020](@uji2020)).') });
    expectStopped(r, 'content/bibliography.json:9: entry "rusak2020": type: Invalid option');
  });

  it('names both lines and the key of a duplicate entry', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [BIB]: bibliography(ENTRY, ENTRY), [CHAPTER]: chapter('Teks ([Penulis, 2020](@uji2020)).') });
    expectStopped(r, 'content/bibliography.json:9: duplicate key "uji2020" (first at line 2)');
  });

  it('names the line of malformed JSON: a missing comma on the line that lacks it, and no chapter', () => {
    const r = buildFixture({
      [WORK]: VALID_WORK,
      [BIB]: bibliography(ENTRY.replace('"Buku uji",', '"Buku uji"')),
      [CHAPTER]: chapter('Teks ([Penulis, 2020](@uji2020)).'),
    });
    expectStopped(r, /content\/bibliography\.json:6: not valid JSON/, /fix: add a comma at the end of this line/);
    expect(r.output).not.toContain('bab-1-pendahuluan.mdx');
  });
});

describe('the build stops when a published link would break', () => {
  // The chapter once had another paragraph, whose id the site published; now it has "Paragraf uji.".
  const old = 'p-0ld0ld00';
  const now = paragraphId('Paragraf uji.');
  const ledger = JSON.stringify({ [PAGE]: ['1-1-latar-belakang', old] });

  it('names the page, the lost id and the new ids that could succeed it', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: VALID_CHAPTER, [LEDGER]: ledger });
    expectStopped(r, `${PAGE}#${old} (new ids on that page: ${now})`, /content\/links\/moved-ids\.yaml/);
  });

  it('builds once the lost id has its successor, and keeps the old id as an anchor there', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: VALID_CHAPTER, [LEDGER]: ledger, [MOVED]: `${PAGE}:\n  ${old}: ${now}\n` });
    expect(r.status, r.output).toBe(0);
  });
});
