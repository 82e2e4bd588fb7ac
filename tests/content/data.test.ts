// The data files against the sources: every value of every printed table is in its CSV exactly
// (read from the source text, not copied into this test), every value taken from prose stands in
// its quote and the quote in the source and on the chapter page, and the site serves the CSVs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { builtMainText } from '../support/built-text.ts';
import { loadExclusions, sourcePassages, SOURCES_DIR } from '../../measure/fidelity.ts';
import { CONTENT, DIST } from '../support/site.ts';
import { declaredTable, sourceTable, type Observation, type TableDeclaration } from '../support/source-tables.ts';

const DATA = join(CONTENT, 'data');

interface Meta {
  kind: 'table' | 'prose';
  work: string;
  chapter: string;
  caption?: string;
  dimension?: string;
  printedTable?: TableDeclaration;
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
  // Derived from content/: each dataset belongs to a chapter that exists, and a printed table's
  // chart stands in that chapter (the build checks the other direction: a chart naming no dataset).
  it('each names a chapter of content/chapters/, and each table has its chart there', () => {
    const problems: string[] = [];
    for (const d of datasets) {
      const file = `content/data/${d.id}.yaml`;
      const chapter = join(CONTENT, 'chapters', d.meta.work, `${d.meta.chapter}.mdx`);
      if (!existsSync(chapter)) {
        problems.push(`${file}: "work: ${d.meta.work}" / "chapter: ${d.meta.chapter}" is no file content/chapters/${d.meta.work}/${d.meta.chapter}.mdx; correct work or chapter`);
        continue;
      }
      if (d.meta.kind === 'table' && !readFileSync(chapter, 'utf8').includes(`dataset="${d.id}"`)) {
        problems.push(`content/chapters/${d.meta.work}/${d.meta.chapter}.mdx: no <Chart dataset="${d.id}" /> for the table of ${file}; put it right after the table's source line`);
      }
      if (d.meta.kind === 'table' && !d.meta.caption) problems.push(`${file}: a printed table needs "caption:" (the caption as the source prints it)`);
    }
    expect(problems).toEqual([]);
  });
});

describe.each(tables.map((d) => [d.id, d] as const))('table %s', (_id, d) => {
  it('holds exactly the values the source prints, in the same places', () => {
    const where = `content/data/${d.id}.yaml (caption "${d.meta.caption}", source content/sources/${d.sourceFile})`;
    let source: Observation[];
    try {
      // The work's own declaration of where the rows are and what the columns are, when it gives one.
      source = d.meta.printedTable ? declaredTable(d.sourceFile, d.meta.printedTable) : sourceTable(d.sourceFile, d.meta.caption!);
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
    }
    const csv: Observation[] = d.records.map((r) => ({
      ...(d.meta.dimension && { key: r[d.meta.dimension] }),
      year: Number(r.year),
      value: r.value!,
    }));
    expect(
      source.length,
      `${where}: no values read from the source's table. Check that "caption" is the caption as printed, or say in the YAML where the table's rows are and what its columns are: printedTable: { rows: "<first line>-<last line>", columns: [name, 2012, 2013] } (or [skip, year, value]; docs/librarian-guide.md, "Tables")`,
    ).toBeGreaterThan(0);
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
