// Which work printed which field of a shared entry. The shared record (content/bibliography.json)
// merges what the works print of one cited work: 000's list gives Suwarno 2018 a title, a journal
// and a DOI that 002's citations never print. A reader must be able to tell, field by field, which
// work a value comes from, so the record never passes off one work's words as another's.
//
// A field counts as printed by a work when its value stands in that work's printed entry (or, for
// works without a printed list, in its citations as printed): compared as letters and digits only,
// case aside, so "Jurnal Politik" is found in "*Jurnal Politik*, 3(2)".
import type { Reference } from './library.ts';

export interface FieldSource {
  /** The CSL field ("title", "container-title", "author", "issued", "DOI", …). */
  field: string;
  /** The value as the record holds it, for display. */
  value: string;
  /** The works (slugs) whose printed entry or printed citations give it. */
  printedBy: string[];
}

/** The fields a reader would check against a printed entry, in the order a reference gives them. */
const FIELDS = [
  'author',
  'editor',
  'issued',
  'title',
  'container-title',
  'volume',
  'issue',
  'page',
  'publisher',
  'publisher-place',
  'genre',
  'DOI',
  'URL',
  'accessed',
] as const;

type Name = { family?: string; given?: string; literal?: string };
type DateValue = { 'date-parts'?: (number | string)[][]; literal?: string; raw?: string };

const bare = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

function nameText(n: Name): string {
  return n.literal ?? [n.given, n.family].filter(Boolean).join(' ');
}

function dateText(d: DateValue): string {
  if (d.literal) return d.literal;
  if (d.raw) return d.raw;
  return (d['date-parts'] ?? []).map((parts) => parts.join('-')).join('/');
}

/** The value of a field as text, and the pieces that must each stand in a printed text to count. */
function valueOf(csl: Record<string, unknown>, field: string): { text: string; pieces: string[] } | undefined {
  const v = csl[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (field === 'author' || field === 'editor') {
    const names = v as Name[];
    return { text: names.map(nameText).join('; '), pieces: names.map((n) => n.family ?? n.literal ?? '').filter(Boolean) };
  }
  if (field === 'issued' || field === 'accessed') {
    const d = v as DateValue;
    const year = d['date-parts']?.[0]?.[0];
    return { text: dateText(d), pieces: [String(year ?? dateText(d))] };
  }
  const text = typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
  return { text, pieces: [text] };
}

/**
 * For every field of the entry's record, the works that print it. `printedText(work)` is what a
 * work prints of the entry: its entry in the printed list, or its citations of it as printed.
 */
export function fieldSources(ref: Reference, works: string[], printedText: (work: string) => string | undefined): FieldSource[] {
  const texts = works.map((w) => [w, bare(printedText(w) ?? '')] as const).filter(([, t]) => t);
  const out: FieldSource[] = [];
  for (const field of FIELDS) {
    const value = valueOf(ref.csl, field);
    if (!value) continue;
    const pieces = value.pieces.map(bare).filter(Boolean);
    const printedBy = texts.filter(([, t]) => pieces.length > 0 && pieces.every((p) => t.includes(p))).map(([w]) => w);
    out.push({ field, value: value.text, printedBy });
  }
  return out;
}
