// A minimal valid dataset for tests of bad input: a work, a chapter printing a small table with its
// chart, and the table's CSV and metadata. Each test breaks one thing.
import { VALID_CHAPTER, VALID_WORK } from './fixture-build.ts';

export const DATA_FILES = {
  work: 'content/works/uji.yaml',
  chapter: 'content/chapters/uji/bab-1-pendahuluan.mdx',
  meta: 'content/data/uji-tabel.yaml',
  csv: 'content/data/uji-tabel.csv',
} as const;

export const DATA_CHAPTER = `${VALID_CHAPTER}
**Tabel 1.1** Jumlah uji

| TAHUN | NILAI |
| --- | --- |
| 2020 | 12,5 |
| 2021 | - |

Sumber: (Uji, 2024)

<Chart dataset="uji-tabel" />
`;

export const DATA_META = `title:
  id: Jumlah uji, 2020–2021
  en: Test count, 2020–2021
unit: { id: persen, en: percent, symbol: "%" }
work: uji
chapter: bab-1-pendahuluan
label: Tabel 1.1
caption: Jumlah uji
source:
  printed: "Sumber: (Uji, 2024)"
kind: table
chart: line
notes:
  - id: Sumber mencetak “-” untuk 2021.
    en: The source prints “-” for 2021.
`;

export const DATA_CSV = 'year,value\n2020,12.5\n2021,\n';

/** The files of a valid site with one dataset; `change` replaces some of them. */
export function dataSite(change: Partial<Record<keyof typeof DATA_FILES, string>> = {}): Record<string, string> {
  const files = { work: VALID_WORK, chapter: DATA_CHAPTER, meta: DATA_META, csv: DATA_CSV, ...change };
  return Object.fromEntries(Object.entries(files).map(([k, text]) => [DATA_FILES[k as keyof typeof DATA_FILES], text]));
}
