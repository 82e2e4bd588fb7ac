// src/data/read.ts on a throw-away project: every kind of bad data file is reported as
// "file:line: what is wrong", all problems at once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataError, readDataDir } from '../../src/data/read.ts';
import { DATA_CHAPTER, DATA_META, dataSite } from '../support/data-fixture.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rbntt-data-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function problems(files: Record<string, string>): string[] {
  try {
    readDataDir(project(files));
    return [];
  } catch (e) {
    if (e instanceof DataError) return e.problems;
    throw e;
  }
}

describe('readDataDir', () => {
  it('reads the valid fixture: rows with numbers, null where the source prints "-"', () => {
    const { datasets } = readDataDir(project(dataSite()));
    expect(datasets[0]!.rows).toEqual([
      { line: 2, year: 2020, value: 12.5, text: '12.5' },
      { line: 3, year: 2021, value: null, text: '' },
    ]);
  });

  it.each([
    [
      'malformed CSV (unclosed quote)',
      { csv: 'year,value\n2020,"12.5\n2021,\n' },
      'content/data/uji-tabel.csv:2: malformed CSV: a quoted field is never closed',
    ],
    ['a non-numeric value', { csv: 'year,value\n2020,12.5\n2021,12%\n' }, 'content/data/uji-tabel.csv:3: value "12%" is not a number'],
    ['a decimal comma', { csv: 'year,value\n2020,"12,5"\n2021,\n' }, 'content/data/uji-tabel.csv:2: value "12,5" is not a number'],
    ['a row with too few fields', { csv: 'year,value\n2020\n2021,\n' }, 'content/data/uji-tabel.csv:2: 1 fields, expected 2 (year,value)'],
    ['a bad year', { csv: 'year,value\n20,12.5\n2021,\n' }, 'content/data/uji-tabel.csv:2: year "20" is not a four-digit year'],
    ['a repeated year', { csv: 'year,value\n2020,12.5\n2020,\n' }, 'content/data/uji-tabel.csv:3: 2020 is already given on line 2'],
    ['a wrong header', { csv: 'tahun,value\n2020,12.5\n' }, 'content/data/uji-tabel.csv:1: header is "tahun,value"; the metadata asks for "year,value"'],
    [
      'a missing metadata field',
      { meta: DATA_META.replace(/^ {2}en: Test count.*\n/m, '') },
      'content/data/uji-tabel.yaml:2: missing field `title.en` (required)',
    ],
    ['a missing top-level field', { meta: DATA_META.replace(/^unit:.*\n/m, '') }, 'content/data/uji-tabel.yaml:1: missing field `unit` (required)'],
    ['an unknown field', { meta: `${DATA_META}colour: red\n` }, 'content/data/uji-tabel.yaml:16: unknown field `colour`'],
    ['an invalid chart kind', { meta: DATA_META.replace('chart: line', 'chart: pie') }, 'content/data/uji-tabel.yaml:12: `chart`: Invalid option'],
    ['malformed YAML', { meta: DATA_META.replace('kind: table', 'kind: [table') }, 'content/data/uji-tabel.yaml:12:1: not valid YAML'],
    [
      'an unknown work',
      { meta: DATA_META.replace('work: uji', 'work: hilang') },
      'content/data/uji-tabel.yaml: `work: hilang` names no work in content/works/',
    ],
    [
      'a table without its chart',
      { chapter: DATA_CHAPTER.replace('<Chart dataset="uji-tabel" />', '') },
      'put <Chart dataset="uji-tabel" /> in content/chapters/uji/bab-1-pendahuluan.mdx',
    ],
    ['a missing CSV', { csv: undefined }, 'content/data/uji-tabel.yaml: its data file uji-tabel.csv is missing'],
    [
      'a bibliography key without a bibliography',
      { meta: DATA_META.replace('  printed: "Sumber: (Uji, 2024)"', '  printed: "Sumber: (Uji, 2024)"\n  bibKey: uji2024') },
      'but content/bibliography.json does not exist',
    ],
  ])('reports %s with file and line', (_what, change, message) => {
    const files = dataSite(change);
    for (const [k, v] of Object.entries(files)) if (v === undefined) delete files[k];
    const found = problems(files);
    expect(found.join('\n')).toContain(message);
  });

  it('gives a YAML mistake as one problem with its fix, however many errors the parser counts', () => {
    const found = problems(dataSite({ meta: DATA_META.replace('work: uji', 'work: uji\ncolumns: [-, year, value]') }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^content\/data\/uji-tabel\.yaml:\d+(:\d+)?: not valid YAML: .*\n {4}fix: /);
  });

  it('checks a bibliography key against content/bibliography.json', () => {
    const meta = DATA_META.replace('  printed: "Sumber: (Uji, 2024)"', '  printed: "Sumber: (Uji, 2024)"\n  bibKey: uji2024');
    expect(problems({ ...dataSite({ meta }), 'content/bibliography.json': '[{"id":"uji2024","type":"book","title":"Uji"}]' })).toEqual([]);
    expect(problems({ ...dataSite({ meta }), 'content/bibliography.json': '[{"id":"lain","type":"book","title":"Lain"}]' })).toEqual([
      'content/data/uji-tabel.yaml: `source.bibKey: uji2024` is not an entry of content/bibliography.json',
    ]);
  });

  it('ties a value from prose to its quote and the quote to the chapter', () => {
    const meta = DATA_META.replace('kind: table', 'kind: prose').replace(/^label:.*\n|^caption:.*\n/gm, '');
    const chapter = DATA_CHAPTER.replace('Paragraf uji.', 'Pada tahun 2020 tercatat 12,5 persen.');
    expect(problems(dataSite({ meta, chapter, csv: 'year,value,quote\n2020,12.5,"Pada tahun 2020 tercatat 12,5 persen"\n' }))).toEqual([]);
    expect(problems(dataSite({ meta, chapter, csv: 'year,value,quote\n2020,12.6,"Pada tahun 2020 tercatat 12,5 persen"\n' }))).toEqual([
      'content/data/uji-tabel.csv:2: the value 12.6 (printed "12,6") is not in its quote "Pada tahun 2020 tercatat 12,5 persen"',
    ]);
    expect(problems(dataSite({ meta, chapter, csv: 'year,value,quote\n2020,12.5,"Pada tahun 2020 tercatat 12,5 persen saja"\n' }))).toEqual([
      'content/data/uji-tabel.csv:2: the quote is not in content/chapters/uji/bab-1-pendahuluan.mdx: "Pada tahun 2020 tercatat 12,5 persen saja"',
    ]);
    expect(problems(dataSite({ meta, chapter, csv: 'year,value,quote\n2020,12.5,\n' }))).toContain(
      'content/data/uji-tabel.csv:2: empty quote (a value from prose needs the words of the source that give it)',
    );
  });

  it('reports every problem at once', () => {
    expect(problems(dataSite({ csv: 'year,value\n2020,x\n2021,y\n' }))).toHaveLength(2);
  });

  it('checks comparisons against the datasets', () => {
    const comparisons = `- id: uji\n  title: { id: Uji, en: Test }\n  unit: { id: persen, en: percent }\n  intro: Uji.\n  series:\n    - { dataset: uji-tabel, label: A }\n    - { dataset: hilang, label: B }\n`;
    expect(problems({ ...dataSite(), 'content/data/comparisons.yaml': comparisons })).toEqual([
      'content/data/comparisons.yaml: comparison "uji" names unknown dataset "hilang"',
    ]);
  });
});
