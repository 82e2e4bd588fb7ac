// The data files against the sources: every value of every printed table is in its CSV exactly
// (read from the source text, not copied into this test), every value taken from prose stands in
// its quote and the quote in the source and on the chapter page, and the site serves the CSVs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { builtMainText } from '../support/built-text.ts';
import { loadExclusions, sourcePassages, SOURCES_DIR } from '../support/fidelity.ts';
import { CONTENT, DIST } from '../support/site.ts';
import { sourceTable, type Observation } from '../support/source-tables.ts';

const DATA = join(CONTENT, 'data');

interface Meta {
  kind: 'table' | 'prose';
  work: string;
  chapter: string;
  caption?: string;
  dimension?: string;
}

const datasets = readdirSync(DATA)
  .filter((f) => f.endsWith('.yaml') && f !== 'comparisons.yaml')
  .map((f) => {
    const id = f.replace(/\.yaml$/, '');
    const meta = parse(readFileSync(join(DATA, f), 'utf8')) as Meta;
    const [header, ...rows] = parseCsv(readFileSync(join(DATA, `${id}.csv`), 'utf8'));
    const records = rows.map((r) => Object.fromEntries(header!.fields.map((h, i) => [h, r.fields[i]!])));
    const sourceFile = (parse(readFileSync(join(CONTENT, 'works', `${meta.work}.yaml`), 'utf8')) as { sourceFile: string }).sourceFile;
    return { id, meta, records, sourceFile };
  });

const tables = datasets.filter((d) => d.meta.kind === 'table');
const prose = datasets.filter((d) => d.meta.kind === 'prose');

const asKey = (o: Observation) => `${o.key ?? ''} | ${o.year}`;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the datasets', () => {
  it('cover every statistical table of the sources and the prose series', () => {
    expect(tables.map((d) => d.id).sort()).toEqual([
      'kemiskinan-kabupaten-2012-2017',
      'kemiskinan-september-2014-2018',
      'korban-perdagangan-tenaga-kerja-2018-2023',
      'pendidikan-2012-2017',
      'pendidikan-per-1000-penduduk-2018',
      'pengangguran-2014-2018',
      'pengangguran-kabupaten-2012-2017',
    ]);
    expect(prose.map((d) => d.id).sort()).toEqual(['kasus-perdagangan-orang-2012-2015', 'kasus-perdagangan-orang-2012-2017', 'kemiskinan-ntt-2015-2021']);
  });
});

describe.each(tables.map((d) => [d.id, d] as const))('table %s', (_id, d) => {
  it('holds exactly the values the source prints, in the same places', () => {
    const source = sourceTable(d.sourceFile, d.meta.caption!);
    const csv: Observation[] = d.records.map((r) => ({
      ...(d.meta.dimension && { key: r[d.meta.dimension] }),
      year: Number(r.year),
      value: r.value!,
    }));
    expect(source.length).toBeGreaterThan(0);
    // Same observations (name and year), each with the same value, and nothing more or less.
    expect(new Map(csv.map((o) => [asKey(o), o.value]))).toEqual(new Map(source.map((o) => [asKey(o), o.value])));
    expect(csv).toHaveLength(source.length);
  });
});

describe.each(prose.map((d) => [d.id, d] as const))('prose series %s', (_id, d) => {
  const entry = loadExclusions().find((e) => e.source === d.sourceFile)!;
  const sourceText = squash(sourcePassages(readFileSync(join(SOURCES_DIR, d.sourceFile), 'utf8'), entry.exclude)[0]!);
  const page = squash(builtMainText(`/${d.meta.work}/${d.meta.chapter}/`));

  it.each(d.records.map((r) => [[r.year, r.measure].filter(Boolean).join(' '), r] as const))('ties %s to the words of the source', (_label, r) => {
    const quote = squash(r.quote!);
    expect(sourceText).toContain(quote);
    expect(page).toContain(quote);
    expect(quote).toContain(r.year);
    // The value as the source prints it (decimal comma), standing alone in the quote.
    const printed = r.value!.replace('.', ',');
    expect(quote).toMatch(new RegExp(`(?<![\\d.,])${printed}(?![\\d]|[.,]\\d)`));
  });
});

describe('the built site', () => {
  it.each(datasets.map((d) => [d.id]))('serves %s.csv exactly as written', (id) => {
    expect(readFileSync(join(DIST, 'data', `${id}.csv`), 'utf8')).toBe(readFileSync(join(DATA, `${id}.csv`), 'utf8'));
  });

  it('places each table’s chart in its chapter, right after the table’s source line', () => {
    for (const d of tables) {
      const mdx = readFileSync(join(CONTENT, 'chapters', d.meta.work, `${d.meta.chapter}.mdx`), 'utf8');
      expect(mdx, d.id).toMatch(new RegExp(`\\nSumber:[^\\n]*\\n\\n<Chart dataset="${d.id}" />\\n`));
    }
  });
});
