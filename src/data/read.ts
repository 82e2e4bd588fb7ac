// Reads content/data/: every <id>.yaml (metadata) with its <id>.csv (observations), and
// comparisons.yaml. Every problem is reported as "file:line: what is wrong", all at once, and stops
// the build. Plain Node (no Astro): the content loader, the remark plugin and the tests share it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { CsvError, parseCsv } from './csv.ts';
import { formatProblem, yamlProblems } from '../checks/content.ts';
import { comparison, datasetMeta, type Comparison, type DatasetMeta, type Row } from './schema.ts';
import { loadLibrary } from '../bibliography/library.ts';
import { BIBLIOGRAPHY_FILE, CHAPTERS_DIR, DATA_DIR, WORKS_DIR } from '../paths.ts';

export const COMPARISONS_FILE = 'comparisons.yaml';

export interface LoadedDataset extends DatasetMeta {
  id: string;
  csv: string;
  /** content/data/<id>.csv, relative to the project root. */
  csvFile: string;
  metaFile: string;
  rows: Row[];
}

export class DataError extends Error {
  readonly problems: string[];
  /** The first problem's place, which Astro's terminal output and browser overlay show (not this file's). */
  loc?: { file: string; line: number; column: number };
  constructor(problems: string[], root?: string) {
    super(`Bad data in ${DATA_DIR}/ (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
    this.name = 'DataError';
    this.problems = problems;
    const at = /^([^:\s]+):(\d+)?/.exec(problems[0] ?? '');
    if (at?.[2] && root) this.loc = { file: join(root, at[1]!), line: Number(at[2]), column: 1 };
    // The place in this reader is no help to whoever fixes the file: no stack trace in the output.
    this.stack = '';
  }
}

/** Dataset ids: the names of the metadata files (what <Chart dataset="…"> may name). */
export function datasetIds(root: string): string[] {
  const dir = join(root, DATA_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== COMPARISONS_FILE)
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

type Path = PropertyKey[];

/** The line of the node at `path`, or of the nearest existing parent (for a missing field). */
function lineOf(doc: Document, lines: LineCounter, path: Path): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return 1;
}

function describeIssue(issue: z.core.$ZodIssue): { path: Path; text: string } {
  const name = issue.path.join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return { path: [...issue.path, issue.keys[0]!], text: `unknown field ${issue.keys.map((k) => `\`${[...issue.path, k].join('.')}\``).join(', ')}` };
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { path: issue.path, text: `missing field \`${name}\` (required)` };
  }
  return { path: issue.path, text: `\`${name}\`: ${issue.message}` };
}

/** Parses YAML and validates it, mapping each schema issue to the line it concerns. */
function readYaml<T>(file: string, rel: string, schema: z.ZodType<T>, problems: string[]): T | undefined {
  const lines = new LineCounter();
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    // One block with the fix, as the work files' checks give it (src/checks/content.ts).
    problems.push(...yamlProblems(rel, text, doc, lines, 0).map(formatProblem));
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const { path, text } = describeIssue(issue);
    problems.push(`${rel}:${lineOf(doc, lines, path)}: ${text}`);
  }
  return undefined;
}

const YEAR = /^\d{4}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function readRows(meta: DatasetMeta, csv: string, rel: string, problems: string[]): Row[] {
  let records;
  try {
    records = parseCsv(csv);
  } catch (e) {
    if (e instanceof CsvError) problems.push(`${rel}:${e.line}: malformed CSV: ${e.reason}`);
    else throw e;
    return [];
  }
  const columns = [...(meta.dimension ? [meta.dimension] : []), 'year', 'value', ...(meta.kind === 'prose' ? ['quote'] : [])];
  const [header, ...body] = records;
  if (!header) {
    problems.push(`${rel}:1: the file is empty (expected the header "${columns.join(',')}")`);
    return [];
  }
  if (header.fields.join(',') !== columns.join(',')) {
    problems.push(`${rel}:${header.line}: header is "${header.fields.join(',')}"; the metadata asks for "${columns.join(',')}"`);
    return [];
  }
  if (!body.length) problems.push(`${rel}:${header.line}: no rows after the header`);
  const seen = new Map<string, number>();
  const rows: Row[] = [];
  for (const { line, fields } of body) {
    const at = `${rel}:${line}:`;
    if (fields.length !== columns.length) {
      problems.push(`${at} ${fields.length} fields, expected ${columns.length} (${columns.join(',')})`);
      continue;
    }
    const cell = Object.fromEntries(columns.map((c, i) => [c, fields[i]!])) as Record<string, string>;
    let ok = true;
    const bad = (msg: string) => {
      problems.push(`${at} ${msg}`);
      ok = false;
    };
    const key = meta.dimension ? cell[meta.dimension]! : undefined;
    if (key !== undefined && key.trim() === '') bad(`empty ${meta.dimension}`);
    if (key !== undefined && key !== key.trim()) bad(`${meta.dimension} "${key}" has spaces at its ends`);
    if (meta.dimension === 'measure' && key && !meta.measures?.[key]) {
      bad(`measure "${key}" has no label under \`measures\` in ${rel.replace(/\.csv$/, '.yaml')}`);
    }
    const year = cell.year!;
    if (!YEAR.test(year)) bad(`year "${year}" is not a four-digit year`);
    const value = cell.value!;
    if (value !== '' && !NUMBER.test(value)) {
      bad(`value "${value}" is not a number (use a decimal point, no thousands separator or unit; leave the cell empty where the source prints "-")`);
    }
    const quote = cell.quote;
    if (meta.kind === 'prose' && !quote?.trim()) bad('empty quote (a value from prose needs the words of the source that give it)');
    const id = `${key ?? ''}|${year}`;
    const first = seen.get(id);
    if (first !== undefined) bad(`${key ? `"${key}", ` : ''}${year} is already given on line ${first}`);
    seen.set(id, line);
    if (!ok) continue;
    rows.push({
      line,
      year: Number(year),
      ...(key !== undefined && { key }),
      value: value === '' ? null : Number(value),
      text: value,
      ...(quote !== undefined && { quote }),
    });
  }
  if (meta.total && rows.length && !rows.some((r) => r.key === meta.total)) {
    problems.push(`${rel.replace(/\.csv$/, '.yaml')}: \`total: ${meta.total}\` names no ${meta.dimension ?? 'row'} in ${rel}`);
  }
  return rows;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A value as the works print it: decimal comma ("22,58"), thousands with a dot ("1.667"). */
export function printedForm(text: string): string {
  const [int = '', dec] = text.split('.');
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+$)/g, '.') : int;
  return dec === undefined ? grouped : `${grouped},${dec}`;
}

/**
 * Ties a dataset to its chapter: a table's chart must stand in the chapter (<Chart dataset="id" />);
 * a value from prose must be in its quote, and the quote in the chapter's text.
 */
function checkPlace(
  id: string,
  meta: DatasetMeta,
  rows: Row[],
  chapterText: string,
  files: { metaFile: string; csvFile: string; chapter: string },
  problems: string[],
): void {
  if (meta.kind === 'table') {
    if (!new RegExp(`<Chart\\s+dataset="${id}"`).test(chapterText)) {
      problems.push(`${files.metaFile}: a table's chart belongs where the work prints it: put <Chart dataset="${id}" /> in ${files.chapter}`);
    }
    return;
  }
  const text = squash(chapterText);
  for (const r of rows) {
    const quote = squash(r.quote ?? '');
    if (!text.includes(quote)) problems.push(`${files.csvFile}:${r.line}: the quote is not in ${files.chapter}: "${quote}"`);
    const printed = printedForm(r.text);
    if (r.value !== null && !new RegExp(`(?<![\\d.,])${printed.replace(/\./g, '\\.')}(?![\\d]|[.,]\\d)`).test(quote)) {
      problems.push(`${files.csvFile}:${r.line}: the value ${r.text} (printed "${printed}") is not in its quote "${quote}"`);
    }
    if (!quote.includes(String(r.year))) problems.push(`${files.csvFile}:${r.line}: the year ${r.year} is not in its quote "${quote}"`);
  }
}

function readBibliographyKeys(root: string): Set<string> | undefined {
  if (!existsSync(join(root, BIBLIOGRAPHY_FILE))) return undefined;
  return new Set(loadLibrary(root).byId.keys());
}

export interface DataDir {
  datasets: LoadedDataset[];
  comparisons: Comparison[];
}

/** Reads and checks everything in content/data/; throws DataError listing every problem. */
export function readDataDir(root: string): DataDir {
  const dir = join(root, DATA_DIR);
  const problems: string[] = [];
  const rel = (f: string) => relative(root, join(dir, f));
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  const datasets: LoadedDataset[] = [];
  let bib: Set<string> | undefined | null = null;

  for (const f of files) {
    if (f.endsWith('.csv') && !files.includes(f.replace(/\.csv$/, '.yaml'))) {
      problems.push(`${rel(f)}:1: no metadata file ${f.replace(/\.csv$/, '.yaml')} beside it`);
    } else if (!f.endsWith('.csv') && !f.endsWith('.yaml')) {
      problems.push(`${rel(f)}: only <id>.csv, <id>.yaml and ${COMPARISONS_FILE} belong in ${DATA_DIR}/`);
    }
  }

  for (const id of datasetIds(root)) {
    const metaFile = rel(`${id}.yaml`);
    const csvFile = rel(`${id}.csv`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
      problems.push(`${metaFile}:1: the file name "${id}" must be lower-case words joined by "-" (it is the dataset's URL)`);
    const meta = readYaml(join(dir, `${id}.yaml`), metaFile, datasetMeta, problems);
    if (!meta) continue;
    if (!existsSync(join(root, WORKS_DIR, `${meta.work}.yaml`))) {
      problems.push(`${metaFile}: \`work: ${meta.work}\` names no work in content/works/`);
    } else if (!existsSync(join(root, CHAPTERS_DIR, meta.work, `${meta.chapter}.mdx`))) {
      problems.push(`${metaFile}: \`chapter: ${meta.chapter}\` names no chapter in content/chapters/${meta.work}/`);
    }
    if (meta.source.bibKey) {
      if (bib === null) bib = readBibliographyKeys(root);
      if (!bib) problems.push(`${metaFile}: \`source.bibKey: ${meta.source.bibKey}\` but content/bibliography.json does not exist`);
      else if (!bib.has(meta.source.bibKey))
        problems.push(`${metaFile}: \`source.bibKey: ${meta.source.bibKey}\` is not an entry of content/bibliography.json`);
    }
    if (!existsSync(join(dir, `${id}.csv`))) {
      problems.push(`${metaFile}: its data file ${id}.csv is missing`);
      continue;
    }
    const csv = readFileSync(join(dir, `${id}.csv`), 'utf8');
    const rows = readRows(meta, csv, csvFile, problems);
    const chapterFile = join(root, CHAPTERS_DIR, meta.work, `${meta.chapter}.mdx`);
    if (existsSync(chapterFile))
      checkPlace(id, meta, rows, readFileSync(chapterFile, 'utf8'), { metaFile, csvFile, chapter: relative(root, chapterFile) }, problems);
    datasets.push({ ...meta, id, csv, csvFile, metaFile, rows });
  }

  const comparisons: Comparison[] = [];
  if (files.includes(COMPARISONS_FILE)) {
    const file = rel(COMPARISONS_FILE);
    const list = readYaml(join(dir, COMPARISONS_FILE), file, comparison.array(), problems) ?? [];
    for (const c of list) {
      for (const s of c.series) {
        const ds = datasets.find((d) => d.id === s.dataset);
        if (!ds) {
          problems.push(`${file}: comparison "${c.id}" names unknown dataset "${s.dataset}"`);
          continue;
        }
        if (s.key && !ds.rows.some((r) => r.key === s.key))
          problems.push(`${file}: comparison "${c.id}": dataset "${s.dataset}" has no ${ds.dimension ?? 'row'} "${s.key}"`);
        if (!s.key && ds.dimension)
          problems.push(`${file}: comparison "${c.id}": dataset "${s.dataset}" has a ${ds.dimension} column, so the series needs \`key\``);
        if (ds.unit.id !== c.unit.id)
          problems.push(`${file}: comparison "${c.id}": dataset "${s.dataset}" is in ${ds.unit.id}, the comparison in ${c.unit.id}`);
      }
      comparisons.push(c);
    }
  }

  if (problems.length) throw new DataError(problems, root);
  return { datasets, comparisons };
}
