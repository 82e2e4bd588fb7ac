// The previous-studies table as data: its rows from the reader's tagged highlights and the table
// kept on the device (./state.ts), with the works' records (./record.ts), and the same cells for
// every export (CSV, Markdown, Word: ./browser/docx.ts). Plain functions without the DOM, shared by
// the page and the unit tests.
import { paragraphUrl, quoteBlock, TAGS, type Note, type Tag } from '../annotations/model.ts';
import type { WorkRecord } from './record.ts';
import type { TableState } from './state.ts';
import { STYLE_KEYS_BROWSER, type StyleKeyBrowser } from './styles.ts';

export interface Row {
  work: string;
  record: WorkRecord | undefined;
  /** The work's title as the notes recorded it, when its record could not be had. */
  fallbackTitle: string;
  words: string;
  cells: Record<Tag, Note[]>;
}

const str = (v: unknown): v is string => typeof v === 'string';

/** A fetched or stored work record, checked: null when it does not read as one. */
export function checkRecord(v: unknown): WorkRecord | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  if (!str(r.id) || !/^[a-z0-9-]+$/.test(r.id) || !str(r.title) || !str(r.type) || !str(r.path) || !Array.isArray(r.authors)) return null;
  const citations: WorkRecord['citations'] = { id: {}, en: {} };
  const given = (r.citations ?? {}) as Record<string, Record<string, { html?: unknown; text?: unknown } | undefined> | undefined>;
  for (const locale of ['id', 'en'] as const)
    for (const style of STYLE_KEYS_BROWSER) {
      const c = given[locale]?.[style];
      if (c && str(c.html) && str(c.text)) citations[locale][style] = { html: c.html, text: c.text };
    }
  return {
    id: r.id,
    order: typeof r.order === 'number' && Number.isFinite(r.order) ? r.order : Infinity,
    title: r.title,
    language: str(r.language) ? r.language : '',
    authors: r.authors.filter(str),
    year: typeof r.year === 'number' && Number.isInteger(r.year) ? r.year : undefined,
    type: r.type,
    institution: str(r.institution) ? r.institution : undefined,
    journal: str(r.journal) ? r.journal : undefined,
    path: r.path,
    citations,
  };
}

const readingOrder = (a: Note, b: Note) =>
  (a.rank?.[1] ?? Infinity) - (b.rank?.[1] ?? Infinity) || a.path.localeCompare(b.path) || a.created.localeCompare(b.created);

/**
 * The rows shown: the table's rows in the reader's order, then every work with tagged highlights
 * the table lacks and the reader did not take out (in library order); and the table as it is now
 * (those rows added), to store.
 */
export function buildRows(notes: Note[], state: TableState, records: Map<string, WorkRecord>): { rows: Row[]; state: TableState } {
  const tagged = notes.filter((n) => n.tag);
  const rowStates = [...state.rows];
  const newWorks = [...new Set(tagged.map((n) => n.work))].filter((w) => !rowStates.some((r) => r.work === w) && !state.removed.includes(w));
  const workOrder = (w: string) => records.get(w)?.order ?? tagged.find((n) => n.work === w)?.rank?.[0] ?? Infinity;
  newWorks.sort((a, b) => workOrder(a) - workOrder(b) || a.localeCompare(b));
  for (const work of newWorks) rowStates.push({ work, words: '', quotes: [] });
  const rows = rowStates.map((r): Row => {
    const mine = tagged.filter((n) => n.work === r.work);
    const place = (n: Note) => {
      const i = r.quotes.indexOf(n.id);
      return i < 0 ? Infinity : i;
    };
    const cells = Object.fromEntries(
      TAGS.map((tag) => [tag, mine.filter((n) => n.tag === tag).sort((a, b) => place(a) - place(b) || readingOrder(a, b))]),
    ) as Record<Tag, Note[]>;
    return {
      work: r.work,
      record: records.get(r.work),
      fallbackTitle: mine[0]?.workTitle ?? notes.find((n) => n.work === r.work)?.workTitle ?? r.work,
      words: r.words,
      cells,
    };
  });
  return { rows, state: { ...state, rows: rowStates } };
}

/** Swaps an item with its neighbour (-1 up, +1 down); the list as it was at an edge. */
export function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= list.length) return list;
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

export interface TableText {
  number: string;
  researchers: string;
  workTitle: string;
  kind: string;
  ownWords: string;
  missing: string;
  tags: Record<Tag, string>;
  types: Record<string, string>;
}

/** "Jessica Borotoding (2024)"; what the work's metadata lacks says so. */
export const researchersCell = (r: Row, t: TableText) =>
  r.record ? `${r.record.authors.length ? r.record.authors.join(', ') : t.missing} (${r.record.year ?? t.missing})` : t.missing;
export const titleCell = (r: Row) => r.record?.title ?? r.fallbackTitle;
/** "Skripsi, Universitas Pasundan"; an article's journal where a thesis names its institution. */
export const kindCell = (r: Row, t: TableText) =>
  r.record ? `${t.types[r.record.type] ?? r.record.type}, ${r.record.institution ?? r.record.journal ?? t.missing}` : t.missing;

/** A quote for a file: its words as printed, in quotation marks, then the permanent link to its paragraph. */
export const quoteLine = (n: Note, site: string) => `“${n.quote.exact.replace(/\s+/g, ' ').trim()}” <${paragraphUrl(n, site)}>`;

/** The table's header and cells as every export writes them (the Word table, CSV). */
export function tableCells(rows: Row[], t: TableText, site: string): { header: string[]; body: string[][] } {
  return {
    header: [t.number, t.researchers, t.workTitle, t.kind, ...TAGS.map((tag) => t.tags[tag]), t.ownWords],
    body: rows.map((r, i) => [
      String(i + 1),
      researchersCell(r, t),
      titleCell(r),
      kindCell(r, t),
      ...TAGS.map((tag) => r.cells[tag].map((n) => quoteLine(n, site)).join('\n\n')),
      r.words.trim(),
    ]),
  };
}

/** The references of the works in the table in one style and language: author-date styles by their text, Vancouver numbered in the table's order. */
export function references(rows: Row[], style: StyleKeyBrowser, locale: 'id' | 'en'): { html: string; text: string }[] {
  const list = rows.map((r) => r.record?.citations[locale][style]).filter((c): c is { html: string; text: string } => !!c);
  if (style === 'vancouver') return list.map((c, i) => ({ html: `${i + 1}. ${c.html}`, text: `${i + 1}. ${c.text}` }));
  return [...list].sort((a, b) => a.text.localeCompare(b.text, locale));
}

/** RFC 4180: every field quoted (quotes doubled), CRLF between records; a UTF-8 BOM first so Excel reads Indonesian text. */
export function toCsv(header: string[], body: string[][]): string {
  const field = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `\uFEFF${[header, ...body].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** The table as Markdown: a section per work (a ten-column table does not read as Markdown), then the references. */
export function toMarkdown(rows: Row[], t: TableText & { title: string; references: string }, site: string, refs: { text: string }[]): string {
  const out = [`# ${t.title}`, ''];
  rows.forEach((r, i) => {
    out.push(`## ${i + 1}. ${researchersCell(r, t)}`, '', `- ${t.workTitle}: ${titleCell(r)}`, `- ${t.kind}: ${kindCell(r, t)}`, '');
    for (const tag of TAGS) {
      if (!r.cells[tag].length) continue;
      out.push(`### ${t.tags[tag]}`, '');
      for (const n of r.cells[tag]) out.push(...quoteBlock(n), '', `<${paragraphUrl(n, site)}>`, '');
    }
    if (r.words.trim()) out.push(`### ${t.ownWords}`, '', r.words.trim(), '');
  });
  if (refs.length) out.push(`## ${t.references}`, '', ...refs.flatMap((c) => [c.text, '']));
  return out.join('\n');
}
