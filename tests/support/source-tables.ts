// Reads the statistical tables out of the source texts (content/sources/*.txt) as extracted from
// the PDFs, independently of the site's CSV files, so a test can compare the two value by value.
// Layouts read: tab-separated tables with a row of years (000; several halves side by side or one
// after another); short tables printed as lines of words and numbers (002); and a row of years over
// rows of a name and one value per year, separated by spaces (a common extraction of other PDFs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExclusions, SOURCES_DIR } from '../../measure/fidelity.ts';

export interface Observation {
  key?: string;
  year: number;
  /** As in a CSV: decimal point, no unit, '' where the source prints "-". */
  value: string;
}

const YEAR = /^\d{4}$/;
const VALUE = /^-$|^\d+(?:[.,]\d+)?%?$/;

/** "29,56" -> "29.56", "19,60%" -> "19.60", "105 Korban" -> "105", "-" -> "". */
export function normalise(cell: string): string {
  const c = cell.trim();
  if (c === '-') return '';
  const m = /^(\d+(?:,\d+)?)%?(?:\s+\p{L}+)?$/u.exec(c);
  if (!m) throw new Error(`not a value: "${cell}"`);
  return m[1]!.replace(',', '.');
}

/** The source's lines, with the lines that exclusions.yaml leaves out (printed contents lists) blanked. */
export function sourceLines(sourceFile: string): string[] {
  const lines = readFileSync(join(SOURCES_DIR, sourceFile), 'utf8').split('\n');
  const entry = loadExclusions().find((e) => e.source === sourceFile);
  for (const ex of entry?.exclude ?? []) {
    if (!ex.lines || ex.moved) continue;
    const [a, b = a] = ex.lines.split('-').map(Number);
    for (let i = a!; i <= b!; i++) lines[i - 1] = '';
  }
  return lines;
}

/** The lines of a table: after the line holding its caption, up to the "Sumber:" line. */
export function tableLines(lines: string[], caption: string): string[] {
  const squash = (s: string) => s.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
  const start = lines.findIndex((l) => squash(l).includes(squash(caption)));
  if (start < 0) throw new Error(`caption "${caption}" not found in the source`);
  const end = lines.findIndex((l, i) => i > start && /^\s*Sumber:/.test(l));
  if (end < 0) throw new Error(`no "Sumber:" line after "${caption}"`);
  return lines.slice(start + 1, end).filter((l) => l.trim());
}

function tabSeparated(lines: string[]): Observation[] {
  const out: Observation[] = [];
  let header: string[] | undefined;
  let columns: { year?: number; value?: number } | undefined;
  for (const line of lines) {
    const cells = line.split('\t').map((c) => c.trim());
    const filled = cells.filter(Boolean);
    if (filled.length && filled.every((c) => YEAR.test(c))) {
      header = cells;
      columns = undefined;
      continue;
    }
    if (filled.includes('TAHUN')) {
      // NO | TAHUN | KORBAN: one observation per row, the year in its own column.
      columns = { year: cells.indexOf('TAHUN'), value: cells.length - 1 };
      header = undefined;
      continue;
    }
    if (columns) {
      out.push({ year: Number(cells[columns.year!]), value: normalise(cells[columns.value!]!) });
      continue;
    }
    if (!header) continue; // column-group headings above the row of years
    // The heading of a table printed right after another one ("Wilayah | Tingkat …"): no values.
    if (cells.some((c, i) => YEAR.test(header![i] ?? '') && !VALUE.test(c))) continue;
    let key: string | undefined;
    cells.forEach((cell, i) => {
      const year = header![i];
      if (year && YEAR.test(year)) {
        if (!key) throw new Error(`value "${cell}" before any row name in "${line}"`);
        out.push({ key, year: Number(year), value: normalise(cell) });
      } else if (cell && !VALUE.test(cell)) key = cell;
    });
  }
  return out;
}

function spaceSeparated(lines: string[], caption: string): Observation[] {
  const out: Observation[] = [];
  const trimmed = lines.map((l) => l.trim());
  trimmed.forEach((line, i) => {
    const words = line.split(/\s+/);
    if (words.every((w) => YEAR.test(w))) {
      const values = (trimmed[i + 1] ?? '').split(/\s+/);
      if (values.every((v) => VALUE.test(v))) {
        // A row of years followed by a row of values.
        if (values.length !== words.length) throw new Error(`${words.length} years but ${values.length} values after "${line}"`);
        words.forEach((y, j) => out.push({ year: Number(y), value: normalise(values[j]!) }));
        return;
      }
      // A row of years followed by rows of a name and one value per year ("Kupang 10,5 11,2").
      for (const row of trimmed.slice(i + 1)) {
        const cells = row.split(/\s+/);
        const tail = cells.slice(-words.length);
        if (cells.length <= words.length || !tail.every((v) => VALUE.test(v))) break;
        const key = cells.slice(0, -words.length).join(' ');
        words.forEach((y, j) => out.push({ key, year: Number(y), value: normalise(tail[j]!) }));
      }
    }
    const row = /^(.+?)\s+(\d+)\s+orang$/.exec(line);
    if (row) {
      // "SD 303 orang": one year, named in the caption ("… Tahun 2018").
      const year = Number(/\b(\d{4})\s*$/.exec(caption)?.[1]);
      out.push({ key: row[1]!, year, value: row[2]! });
    }
  });
  return out;
}

/** Every value of the table with this caption in the source. */
export function sourceTable(sourceFile: string, caption: string): Observation[] {
  return tableValues(tableLines(sourceLines(sourceFile), caption), caption);
}

/** The values of a table's lines (those between its caption and its "Sumber:" line). */
export function tableValues(lines: string[], caption: string): Observation[] {
  return lines.some((l) => l.includes('\t')) ? tabSeparated(lines) : spaceSeparated(lines, caption);
}

/** A dataset's own declaration of its printed table (`printedTable` in content/data/<id>.yaml). */
export interface TableDeclaration {
  rows: string;
  columns: ('name' | 'year' | 'value' | 'skip' | number)[];
  separator?: 'tab' | 'spaces';
}

/**
 * Every value of a table read as its dataset declares it: the rows on the source lines it names,
 * split into the columns it names. A name printed with spaces between words stays one cell: with
 * `spaces`, the cells before and after the name column are counted from the line's two ends.
 */
export function declaredTable(sourceFile: string, table: TableDeclaration): Observation[] {
  return declaredValues(readFileSync(join(SOURCES_DIR, sourceFile), 'utf8').split('\n'), table);
}

/** The values of the declared rows of a source's lines (line 1 is lines[0]). */
export function declaredValues(lines: string[], table: TableDeclaration): Observation[] {
  const [from, to = from] = table.rows.split('-').map(Number);
  if (!from || !to || to < from || to > lines.length) throw new Error(`printedTable.rows "${table.rows}": the source has lines 1-${lines.length}`);
  const cols = table.columns;
  const nameAt = cols.indexOf('name');
  const out: Observation[] = [];
  for (let n = from; n <= to; n++) {
    const line = lines[n - 1]!;
    if (!line.trim()) continue;
    const tab = table.separator ? table.separator === 'tab' : line.includes('\t');
    let cells = tab ? line.split('\t').map((c) => c.trim()) : line.trim().split(/\s+/);
    if (!tab && nameAt >= 0 && cells.length > cols.length) {
      const after = cols.length - nameAt - 1;
      cells = [...cells.slice(0, nameAt), cells.slice(nameAt, cells.length - after).join(' '), ...cells.slice(cells.length - after)];
    }
    if (tab) while (cells.length > cols.length && cells.at(-1) === '') cells.pop();
    if (cells.length !== cols.length) throw new Error(`line ${n} "${line}" has ${cells.length} cells but printedTable.columns names ${cols.length}`);
    const key = nameAt >= 0 ? cells[nameAt] : undefined;
    const yearAt = cols.indexOf('year');
    cols.forEach((col, i) => {
      const year = typeof col === 'number' ? col : col === 'value' ? Number(cells[yearAt]) : undefined;
      if (year === undefined) return;
      if (!Number.isInteger(year) || year < 1000) throw new Error(`line ${n}: no year for the value "${cells[i]}" (name a "year" column or one column a year)`);
      out.push({ ...(key !== undefined && { key }), year, value: normalise(cells[i]!) });
    });
  }
  return out;
}
