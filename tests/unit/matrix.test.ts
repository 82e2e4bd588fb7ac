// The previous-studies table as data (src/matrix/): a highlight's column is checked like every
// stored value and travels in the W3C export as a `tagging` body; the table's rows come from the
// tagged highlights and the table kept on the device; CSV is RFC 4180 with a BOM; a stored table
// that does not read is dropped part by part, never thrown.
import { describe, expect, it } from 'vitest';
import { checkNote, collectionTable, fromWebAnnotations, merge, toCollection, toMarkdown, TAGS, type Note } from '../../src/annotations/model.ts';
import { checkState, mergeState } from '../../src/matrix/state.ts';
import { STYLE_KEYS_BROWSER } from '../../src/matrix/styles.ts';
import { buildRows, checkRecord, moved, tableCells, toCsv, type TableText } from '../../src/matrix/table.ts';
import type { WorkRecord } from '../../src/matrix/record.ts';
import { t } from '../../src/i18n/id.ts';
import { works } from '../support/site.ts';

const library = works();
const [first, second] = [library[0]!, library[1] ?? library[0]!];

function note(work: (typeof library)[number], i: number, tag?: string): Note {
  const chapter = work.chapters[0]!;
  return checkNote({
    id: `urn:uuid:${work.slug}-${i}`,
    path: `/${work.slug}/${chapter.slug}/`,
    work: work.slug,
    workTitle: work.title,
    chapterTitle: chapter.title,
    quote: { exact: `kutipan "${i}", dengan koma` },
    para: 'p-0123abcd',
    rank: [work.order, chapter.order],
    tag,
    created: `2026-12-01T00:00:0${i}.000Z`,
    modified: `2026-12-01T00:00:0${i}.000Z`,
  })!;
}

const text: TableText = {
  number: 'No.',
  researchers: t.matrix.researchers,
  workTitle: t.matrix.workTitle,
  kind: t.matrix.kind,
  ownWords: t.matrix.ownWords,
  missing: t.matrix.missing,
  tags: t.matrix.tags,
  types: t.workTypes,
};

describe('a highlight’s column', () => {
  it('is kept when valid and dropped when not; untagged notes stay as they were', () => {
    expect(note(first, 1, 'metode').tag).toBe('metode');
    expect(note(first, 1, 'bukan-kolom').tag).toBeUndefined();
    expect(note(first, 1).tag).toBeUndefined();
  });

  it('travels in the W3C export as a tagging body with its stable value, beside a comment', () => {
    const tagged = { ...note(first, 1, 'temuan'), note: 'Catatan saya.' };
    const plain = note(first, 2);
    const json = JSON.parse(
      JSON.stringify(toCollection([tagged, plain], 'https://contoh.id', 'x', { rows: [{ work: first.slug, words: 'Sama', quotes: [] }] })),
    );
    const [a, b] = json.first.items;
    expect(a.body).toEqual([
      { type: 'TextualBody', value: 'Catatan saya.', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'temuan', purpose: 'tagging' },
    ]);
    expect(b.body).toBeUndefined();
    const back = fromWebAnnotations(json).notes;
    expect(back.map((n) => [n.tag, n.note])).toEqual([
      ['temuan', 'Catatan saya.'],
      [undefined, ''],
    ]);
    expect(checkState(collectionTable(json)).rows[0]).toEqual({ work: first.slug, words: 'Sama', quotes: [] });
    // A tag alone is not the note; a tag nobody knows is dropped.
    const only = fromWebAnnotations({ ...json.first.items[0], body: { type: 'TextualBody', value: 'metode', purpose: 'tagging' } }).notes[0]!;
    expect([only.tag, only.note]).toEqual(['metode', '']);
    expect(fromWebAnnotations({ ...json.first.items[0], body: { type: 'TextualBody', value: 'x', purpose: 'tagging' } }).notes[0]!.tag).toBeUndefined();
  });

  it('a newer tag wins on import; Markdown names it', () => {
    const old = note(first, 1);
    const newer = { ...old, tag: 'lokasi' as const, modified: '2026-12-02T00:00:00.000Z' };
    expect(merge([old], [newer]).write).toEqual([newer]);
    expect(toMarkdown([newer], 'https://contoh.id', { title: 'T', note: 'Catatan', cite: 'Sumber', column: t.matrix.column, tags: t.matrix.tags })).toContain(
      `${t.matrix.column}: ${t.matrix.tags.lokasi}`,
    );
  });
});

describe('the table', () => {
  const record = (w: (typeof library)[number], extra: Partial<WorkRecord> = {}): WorkRecord =>
    checkRecord({
      id: w.slug,
      order: w.order,
      title: w.title,
      language: 'id',
      authors: ['Nama Peneliti'],
      year: 2024,
      type: 'skripsi',
      path: `/${w.slug}/`,
      citations: {},
      ...extra,
    })!;

  it('has a row per work with tagged highlights, in library order, quotes by column', () => {
    const notes = [note(second, 1, 'metode'), note(first, 2, 'temuan'), note(first, 3, 'temuan'), note(first, 4)];
    const { rows, state } = buildRows(notes, checkState(undefined), new Map());
    expect(rows.map((r) => r.work)).toEqual([...new Set([first.slug, second.slug])]);
    expect(rows[0]!.cells.temuan.map((n) => n.id)).toEqual([`urn:uuid:${first.slug}-2`, `urn:uuid:${first.slug}-3`]);
    expect(state.rows.map((r) => r.work)).toEqual(rows.map((r) => r.work));
    // The reader's order and removals are kept.
    const reordered = { ...state, rows: moved(state.rows, 0, 1), removed: [] };
    if (first.slug !== second.slug) expect(buildRows(notes, reordered, new Map()).rows.map((r) => r.work)).toEqual([second.slug, first.slug]);
    const removed = { ...state, rows: state.rows.filter((r) => r.work !== first.slug), removed: [first.slug] };
    expect(buildRows(notes, removed, new Map()).rows.map((r) => r.work)).not.toContain(first.slug);
    const quotes = { ...state, rows: state.rows.map((r) => (r.work === first.slug ? { ...r, quotes: [`urn:uuid:${first.slug}-3`] } : r)) };
    expect(buildRows(notes, quotes, new Map()).rows[0]!.cells.temuan.map((n) => n.id)).toEqual([`urn:uuid:${first.slug}-3`, `urn:uuid:${first.slug}-2`]);
  });

  it('fills cells from the record and says what it lacks, never inventing', () => {
    const notes = [note(first, 1, 'metode')];
    const full = tableCells(
      buildRows(notes, checkState(undefined), new Map([[first.slug, record(first, { institution: 'Universitas X' })]])).rows,
      text,
      'https://contoh.id',
    );
    expect(full.header).toEqual(['No.', text.researchers, text.workTitle, text.kind, ...TAGS.map((x) => t.matrix.tags[x]), text.ownWords]);
    expect(full.body[0]!.slice(0, 4)).toEqual(['1', 'Nama Peneliti (2024)', first.title, `${t.workTypes.skripsi}, Universitas X`]);
    expect(full.body[0]![4]).toBe(`“kutipan "1", dengan koma” <https://contoh.id/${first.slug}/${first.chapters[0]!.slug}/#p-0123abcd>`);
    const bare = tableCells(
      buildRows(notes, checkState(undefined), new Map([[first.slug, record(first, { authors: [], year: undefined })]])).rows,
      text,
      'https://contoh.id',
    );
    expect(bare.body[0]!.slice(1, 4)).toEqual([`${t.matrix.missing} (${t.matrix.missing})`, first.title, `${t.workTypes.skripsi}, ${t.matrix.missing}`]);
  });

  it('CSV: RFC 4180 quoting and a UTF-8 BOM', () => {
    expect(toCsv(['a', 'b'], [['x "y"', 'baris\nbaru, koma']])).toBe('\uFEFF"a","b"\r\n"x ""y""","baris\nbaru, koma"\r\n');
  });

  it('a stored table that does not read is dropped part by part', () => {
    expect(checkState('rusak')).toEqual({ rows: [], removed: [], style: 'apa' });
    expect(
      checkState({ rows: [{ work: 'a-b', words: 3, quotes: ['x', 4, 'x'] }, { work: '../x' }, null, { work: 'a-b' }], removed: ['c', 5], style: 'mla' }),
    ).toEqual({ rows: [{ work: 'a-b', words: '', quotes: ['x'] }], removed: ['c'], style: 'apa' });
    expect(checkRecord({ id: 'x' })).toBeNull();
  });

  it('an imported table adds its rows and fills empty own-words cells, keeping this device’s', () => {
    const local = checkState({
      rows: [
        { work: 'a', words: '' },
        { work: 'b', words: 'punya saya' },
      ],
    });
    const incoming = checkState({
      rows: [
        { work: 'b', words: 'impor' },
        { work: 'a', words: 'impor a' },
        { work: 'c', words: 'c' },
      ],
    });
    expect(mergeState(local, incoming).rows.map((r) => [r.work, r.words])).toEqual([
      ['a', 'impor a'],
      ['b', 'punya saya'],
      ['c', 'c'],
    ]);
  });

  it('knows the cite panel’s styles (browser copy of src/cite/format.ts STYLE_KEYS)', async () => {
    const { STYLE_KEYS } = await import('../../src/cite/format.ts').catch(() => ({ STYLE_KEYS: undefined }));
    if (STYLE_KEYS) expect([...STYLE_KEYS_BROWSER]).toEqual(STYLE_KEYS);
  });
});
