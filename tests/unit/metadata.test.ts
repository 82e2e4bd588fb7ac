// The pieces of the reference-manager metadata that need no build: description excerpts, COinS
// KEV for each kind of entry, and the sitemap dates' fallback without git.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { excerpt } from '../../src/metadata/description.ts';
import { coinsTitle, hasCoins } from '../../src/metadata/coins.ts';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { referencesBibtex, referencesRis } from '../../src/bibliography/export.ts';
import type { Reference } from '../../src/bibliography/library.ts';
import { BIBTEX_IMPORT_TYPES, RIS_IMPORT_TYPES, parseContextObject } from '../support/zotero.ts';

describe('excerpt', () => {
  it('keeps a short text whole', () => expect(excerpt('Satu kalimat pendek.', 50)).toBe('Satu kalimat pendek.'));
  it('ends on the last whole sentence that fits', () => {
    expect(excerpt('Kalimat pertama. Kalimat kedua yang panjang sekali.', 30)).toBe('Kalimat pertama.');
  });
  it('cuts after a whole word, with an ellipsis, when the first sentence is too long', () => {
    const out = excerpt('Perdagangan tenaga kerja atau yang dikenal dengan labour trafficking, salah satu bentuk', 40);
    expect(out).toBe('Perdagangan tenaga kerja atau yang…');
    expect(out.length).toBeLessThanOrEqual(41);
  });
  it('never cuts inside a word', () => {
    const text = 'dan menaruh perhatiannya pada permasalahan kejahatan perdagangan manusia melalui tenaga kerja';
    for (let max = 12; max < text.length; max += 7) {
      const out = excerpt(text, max).replace(/…$/, '');
      expect(text.startsWith(out), `${max}`).toBe(true);
      expect([' ', undefined]).toContain(text[out.length]);
    }
  });
});

describe('COinS as Zotero parses them (openurl.js)', () => {
  const base = {
    id: 'x',
    title: 'Judul',
    author: [{ family: 'Van der Berg', given: 'A. B.' }, { literal: 'Badan Pusat Statistik' }],
    issued: { 'date-parts': [[2020, 3]] },
  };
  it.each([
    ['article-journal', 'journalArticle'],
    ['book', 'book'],
    ['chapter', 'bookSection'],
    ['paper-conference', 'conferencePaper'],
    ['report', 'report'],
    ['thesis', 'thesis'],
    ['webpage', 'webpage'],
    ['article-newspaper', 'newspaperArticle'],
    ['legislation', 'statute'],
    ['document', 'document'],
    ['speech', 'presentation'],
  ])('%s is saved as %s, with its title, names in order and date', (type, itemType) => {
    const item = parseContextObject(coinsTitle({ ...base, type }));
    expect(item && item.itemType).toBe(itemType);
    expect(item && item.title).toBe('Judul');
    expect(item && item.creators).toEqual([
      { lastName: 'Van der Berg', firstName: 'A. B.' },
      { lastName: 'Badan Pusat Statistik', single: true },
    ]);
    expect(item && item.date).toBe('2020-03');
  });
  it('gives the journal, volume, issue, pages, DOI and an address with "+" intact', () => {
    const item = parseContextObject(
      coinsTitle({
        id: 'y',
        type: 'article-journal',
        title: 'A & B = C',
        'container-title': 'Jurnal',
        volume: '4',
        issue: '5',
        page: '9439–9450',
        DOI: '10.1/x',
        URL: 'https://e.org/a+b?q=1&r=2',
      }),
    );
    expect(item).toMatchObject({
      title: 'A & B = C',
      publicationTitle: 'Jurnal',
      volume: '4',
      issue: '5',
      pages: '9439-9450',
      DOI: '10.1/x',
      url: 'https://e.org/a%2Bb?q=1&r=2',
    });
  });
  it('an entry without a title gets no span', () => expect(hasCoins({ id: 'z', type: 'document' })).toBe(false));
});

describe('sitemap dates without git', () => {
  it('gives no date rather than a guess outside a repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lastmod-'));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      vi.resetModules();
      const { lastModified, filesUnder } = await import('../../src/metadata/lastmod.ts');
      expect(lastModified(['content/works/borotoding-2024.yaml'])).toBeUndefined();
      expect(filesUnder('content/')).toEqual([]);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('dates a tracked file by its last commit, an uncommitted one by its own date, a missing one not at all', async () => {
    vi.resetModules();
    const { lastModified } = await import('../../src/metadata/lastmod.ts');
    expect(lastModified(['content/works/borotoding-2024.yaml'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(lastModified(['content/works/no-such-work.yaml'])).toBeUndefined();
  });
  it('dates a file git does not track yet by its own date', async () => {
    // A repository with one commit and one new file, as a librarian's draft before its first commit.
    const dir = mkdtempSync(join(tmpdir(), 'lastmod-draft-'));
    const cwd = process.cwd();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'ignore' });
    try {
      mkdirSync(join(dir, 'content/works'), { recursive: true });
      writeFileSync(join(dir, 'content/works/old.yaml'), 'old\n');
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'old');
      writeFileSync(join(dir, 'content/works/draft.yaml'), 'draft\n');
      utimesSync(join(dir, 'content/works/draft.yaml'), new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
      process.chdir(dir);
      vi.resetModules();
      const { lastModified } = await import('../../src/metadata/lastmod.ts');
      expect(lastModified(['content/works/old.yaml'])).toMatch(/^\d{4}-/);
      expect(lastModified(['content/works/draft.yaml'])).toBe('2026-01-02T03:04:05+00:00');
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reference-list exports of kinds the bibliography may hold', () => {
  const ref = (csl: Record<string, unknown>): Reference => ({
    id: String(csl.id),
    csl: { ...csl, id: String(csl.id), type: String(csl.type) },
    listedIn: [],
    number: {},
    printed: {},
    printedOrder: {},
    incomplete: false,
    line: 1,
  });
  const refs = [
    ref({
      id: 'skripsi2020',
      type: 'thesis',
      title: 'Sebuah Skripsi',
      author: [{ family: 'Nama', given: 'Penulis' }],
      genre: 'Skripsi',
      publisher: 'Universitas Uji',
      issued: { 'date-parts': [[2020]] },
    }),
    ref({
      id: 'laman2021',
      type: 'webpage',
      title: 'Sebuah Laman',
      author: [{ literal: 'Badan Uji' }],
      URL: 'https://e.org/a',
      issued: { 'date-parts': [[2021]] },
    }),
    ref({ id: 'uu2007', type: 'legislation', title: 'Undang-Undang Uji', author: [{ family: 'RI', given: 'B.' }], issued: { 'date-parts': [[2007]] } }),
    ref({
      id: 'berita2014',
      type: 'article-newspaper',
      title: 'Sebuah Berita',
      'container-title': 'Koran',
      author: [{ family: 'Wartawan', given: 'A.' }],
      issued: { 'date-parts': [[2014]] },
    }),
  ];
  const bib = referencesBibtex(refs);
  const ris = referencesRis(refs);
  it('a thesis is @thesis with its genre in type (Zotero: a thesis of that type, no "PhD Thesis" invented)', () => {
    expect(bib).toMatch(/^@thesis\{skripsi2020,/m);
    expect(BIBTEX_IMPORT_TYPES.thesis).toBe('thesis');
    const item = new Cite(bib).data.find((e) => e['citation-key'] === 'skripsi2020');
    expect(item).toMatchObject({ type: 'thesis', genre: 'Skripsi', publisher: 'Universitas Uji', title: 'Sebuah Skripsi' });
    expect(ris).toMatch(/^TY {2}- THES\r$[\s\S]*?^M3 {2}- Skripsi\r$/m);
  });
  it('a web page is @online and ELEC: a web page in Zotero from either file', () => {
    expect(bib).toMatch(/^@online\{laman2021,/m);
    expect(BIBTEX_IMPORT_TYPES.online).toBe(RIS_IMPORT_TYPES.ELEC);
    expect(ris).toMatch(/^TY {2}- ELEC\r$/m);
  });
  it('legislation is STAT in RIS (Zotero reads LEGAL as a court case) and keeps its author', () => {
    const record = ris.split(/^ER {2}- \r$/m).find((r) => /^ID {2}- uu2007\r$/m.test(r))!;
    expect(record).toMatch(/^TY {2}- STAT\r$/m);
    expect(record).toMatch(/^A[U1] {2}- RI, B\.\r$/m);
  });
  it('a newspaper article keeps its author in RIS', () => {
    const record = ris.split(/^ER {2}- \r$/m).find((r) => /^ID {2}- berita2014\r$/m.test(r))!;
    expect(record).toMatch(/^TY {2}- NEWS\r$/m);
    expect(record).toMatch(/^AU {2}- Wartawan, A\.\r$/m);
  });
});
