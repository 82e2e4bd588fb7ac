// A reader's highlight or note, as stored on the device (IndexedDB, see browser/store.ts), and its
// exchange formats: W3C Web Annotation JSON (https://www.w3.org/TR/annotation-model/) for another
// device or tool, Markdown for pasting into a draft. Plain functions without the DOM, so the unit
// tests and the browser share them. Nothing here is ever sent anywhere.

import { PASSAGE_ID } from '../passages/ids.ts';

// The base path (src/base-path.ts's withBase and withoutBase, written out: this module runs in the
// browser, where Vite writes import.meta.env.BASE_URL in as a string and no module is shared for it).
const BASE = import.meta.env.BASE_URL;
const withBase = (path: string) => BASE + path.slice(1);
const withoutBase = (pathname: string) => (pathname.startsWith(BASE) ? pathname.slice(BASE.length - 1) : pathname);

export const COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type Colour = (typeof COLOURS)[number];

/**
 * The columns of a "tabel penelitian terdahulu" a highlight can be given (src/matrix/): stable
 * values, the same in both interfaces and in the W3C export's `tagging` body, whatever the labels.
 */
export const TAGS = ['metode', 'lokasi', 'temuan', 'teori', 'lainnya'] as const;
export type Tag = (typeof TAGS)[number];
export const isTag = (v: unknown): v is Tag => TAGS.includes(v as Tag);

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Note {
  /** urn:uuid:… (also the Web Annotation id). */
  id: string;
  /** The chapter's permanent (Indonesian) path: /<work>/<chapter>/. */
  path: string;
  work: string;
  workTitle: string;
  chapterTitle: string;
  quote: Quote;
  /** The id of the passage (paragraph, list item, footnote) the quote starts in when it was made: a hint only, ids may change. */
  para?: string | undefined;
  colour: Colour;
  note: string;
  /** The column of the previous-studies table the reader gave it; none: not in the table. */
  tag?: Tag | undefined;
  /**
   * The work's and the chapter's `order` when the note was made: the notes page lists notes in
   * reading order by it, without a list of every chapter of the library in the page (which grew
   * with the library). Notes without it (older or imported) follow, by address.
   */
  rank?: [work: number, chapter: number] | undefined;
  /** The chapter's citation (APA 7, as the cite panel formats it) when the note was made. */
  citation?: string | undefined;
  created: string;
  modified: string;
  /** When the chapter last opened and did not find the quote's words (cleared when found again). */
  lost?: string | undefined;
}

const str = (v: unknown): v is string => typeof v === 'string';

/** [work order, chapter order] if `v` is two finite numbers, else undefined. */
export function checkRank(v: unknown): Note['rank'] {
  return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? [v[0] as number, v[1] as number] : undefined;
}
const PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+\/$/;

/** A stored or imported record checked field by field: null when it is not a usable note. */
export function checkNote(v: unknown): Note | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  const q = r.quote as Record<string, unknown> | undefined;
  if (!str(r.id) || !str(r.path) || !PATH.test(r.path) || !q || !str(q.exact) || !q.exact.trim()) return null;
  const colour = COLOURS.includes(r.colour as Colour) ? (r.colour as Colour) : 'yellow';
  const now = new Date().toISOString();
  return {
    id: r.id,
    path: r.path,
    work: str(r.work) ? r.work : r.path.split('/')[1]!,
    workTitle: str(r.workTitle) ? r.workTitle : r.path.split('/')[1]!,
    chapterTitle: str(r.chapterTitle) ? r.chapterTitle : r.path.split('/')[2]!,
    quote: { exact: q.exact, prefix: str(q.prefix) ? q.prefix : '', suffix: str(q.suffix) ? q.suffix : '' },
    para: str(r.para) && PASSAGE_ID.test(r.para) ? r.para : undefined,
    colour,
    note: str(r.note) ? r.note : '',
    tag: isTag(r.tag) ? r.tag : undefined,
    citation: str(r.citation) ? r.citation : undefined,
    rank: checkRank(r.rank),
    created: str(r.created) ? r.created : now,
    modified: str(r.modified) ? r.modified : now,
    lost: str(r.lost) ? r.lost : undefined,
  };
}

/** Same passage of the same chapter: an import never adds it twice. */
export const samePassage = (a: Note, b: Note) =>
  a.path === b.path && a.quote.exact === b.quote.exact && a.quote.prefix === b.quote.prefix && a.quote.suffix === b.quote.suffix;

/**
 * Notes to write when `incoming` is merged into `existing`: new ones, and newer versions of known
 * ones (by id, or by passage); an older or identical copy changes nothing.
 */
export function merge(existing: Note[], incoming: Note[]): { write: Note[]; skipped: number } {
  const write: Note[] = [];
  let skipped = 0;
  const known = [...existing];
  for (const n of incoming) {
    const old = known.find((e) => e.id === n.id) ?? known.find((e) => samePassage(e, n));
    if (!old) {
      write.push(n);
      known.push(n);
    } else if (n.modified > old.modified && (n.note !== old.note || n.colour !== old.colour || n.tag !== old.tag)) {
      const updated = { ...n, id: old.id };
      write.push(updated);
      known[known.indexOf(old)] = updated;
    } else skipped++;
  }
  return { write, skipped };
}

export const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** What this site adds to an annotation (W3C allows extra properties): titles and the citation. */
const EXTRA = 'ruangBaca';

/**
 * A tag as the Web Annotation model writes one: a TextualBody with the purpose "tagging" (W3C
 * annotation model §3.3.5), its value the stable column name (TAGS).
 */
const tagBody = (tag: Tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' });

/** One note as a W3C Web Annotation; `site` is the site's origin (https://…). */
export function toWebAnnotation(n: Note, site: string) {
  const source = new URL(withBase(n.path), site).href;
  const bodies = [...(n.note ? [{ type: 'TextualBody', value: n.note, format: 'text/plain', purpose: 'commenting' }] : []), ...(n.tag ? [tagBody(n.tag)] : [])];
  return {
    '@context': CONTEXT,
    id: n.id,
    type: 'Annotation',
    motivation: n.note ? 'commenting' : 'highlighting',
    created: n.created,
    modified: n.modified,
    ...(bodies.length ? { body: bodies.length === 1 ? bodies[0] : bodies } : {}),
    target: {
      source,
      styleClass: `hl-${n.colour}`,
      selector: [
        { type: 'TextQuoteSelector', exact: n.quote.exact, prefix: n.quote.prefix, suffix: n.quote.suffix },
        ...(n.para ? [{ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: n.para }] : []),
      ],
    },
    [EXTRA]: { work: n.work, workTitle: n.workTitle, chapterTitle: n.chapterTitle, citation: n.citation, ...(n.rank ? { rank: n.rank } : {}) },
  };
}

/**
 * Every note as one W3C AnnotationCollection (its one page holds them all); `table`, the reader's
 * previous-studies table (src/matrix/state.ts: rows, their order, the own-words cells), travels
 * with it as this site's extra property, so the same table is built on another device.
 */
export function toCollection(notes: Note[], site: string, label: string, table?: unknown) {
  return {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: notes.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map((n) => toWebAnnotation(n, site)) },
    ...(table ? { [EXTRA]: { table } } : {}),
  };
}

/** The table a collection carries (unchecked: src/matrix/state.ts checks it). */
export const collectionTable = (json: unknown): unknown =>
  json && typeof json === 'object' ? ((json as Record<string, unknown>)[EXTRA] as Record<string, unknown> | undefined)?.table : undefined;

/** Notes read from Web Annotation JSON (a collection, a page, a list or one annotation); `bad` counts what was not usable. */
export function fromWebAnnotations(json: unknown): { notes: Note[]; bad: number } {
  const o = json as Record<string, unknown> | null;
  const items: unknown[] = Array.isArray(json)
    ? json
    : o && typeof o === 'object'
      ? o.type === 'AnnotationCollection'
        ? (((o.first as Record<string, unknown> | undefined)?.items as unknown[] | undefined) ?? [])
        : o.type === 'AnnotationPage'
          ? ((o.items as unknown[] | undefined) ?? [])
          : [o]
      : [];
  const notes: Note[] = [];
  let bad = 0;
  for (const item of Array.isArray(items) ? items : []) {
    const n = fromWebAnnotation(item);
    if (n) notes.push(n);
    else bad++;
  }
  return { notes, bad };
}

function fromWebAnnotation(v: unknown): Note | null {
  if (!v || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  if (a.type !== 'Annotation' || !a.target || typeof a.target !== 'object') return null;
  const target = a.target as Record<string, unknown>;
  const list = (x: unknown) => (Array.isArray(x) ? (x as unknown[]) : x ? [x] : []) as (Record<string, unknown> | undefined)[];
  const selectors = list(target.selector);
  const quote = selectors.find((s) => s?.type === 'TextQuoteSelector');
  const fragment = selectors.find((s) => s?.type === 'FragmentSelector');
  let path: string;
  try {
    path = withoutBase(new URL(String(target.source)).pathname).replace(/^\/en\//, '/');
  } catch {
    return null;
  }
  const bodies = list(a.body).filter((b) => b?.type === 'TextualBody' && typeof b.value === 'string');
  const body = bodies.find((b) => b?.purpose !== 'tagging');
  const tag = bodies.find((b) => b?.purpose === 'tagging' && isTag(b.value))?.value;
  const extra = (a[EXTRA] ?? {}) as Record<string, unknown>;
  const colour = typeof target.styleClass === 'string' ? target.styleClass.replace(/^hl-/, '') : undefined;
  return checkNote({
    id: typeof a.id === 'string' ? a.id : undefined,
    path,
    work: extra.work,
    workTitle: extra.workTitle,
    chapterTitle: extra.chapterTitle,
    citation: extra.citation,
    rank: extra.rank,
    quote,
    para: fragment?.value,
    colour,
    note: body?.value ?? '',
    tag,
    created: a.created,
    modified: a.modified ?? a.created,
  });
}

export interface MarkdownText {
  title: string;
  note: string;
  cite: string;
  /** "Kolom tabel" and each column's label, for tagged notes. */
  column?: string;
  tags?: Record<Tag, string>;
}

/** Notes in reading order, grouped by work and chapter (as the notes page lists them). */
export function grouped(notes: Note[]) {
  const works = new Map<string, { work: string; title: string; chapters: Map<string, { path: string; title: string; notes: Note[] }> }>();
  // Ranked notes in reading order first (Infinity - Infinity is NaN, which falls through to the address).
  const [w, c] = [(n: Note) => n.rank?.[0] ?? Infinity, (n: Note) => n.rank?.[1] ?? Infinity];
  const sorted = [...notes].sort((a, b) => w(a) - w(b) || c(a) - c(b) || a.path.localeCompare(b.path) || a.created.localeCompare(b.created));
  for (const n of sorted) {
    const w = works.get(n.work) ?? { work: n.work, title: n.workTitle, chapters: new Map<string, { path: string; title: string; notes: Note[] }>() };
    works.set(n.work, w);
    const c = w.chapters.get(n.path) ?? { path: n.path, title: n.chapterTitle, notes: [] };
    w.chapters.set(n.path, c);
    c.notes.push(n);
  }
  return [...works.values()].map((w) => ({ ...w, chapters: [...w.chapters.values()] }));
}

/** The link back to a note's passage: the chapter, a text fragment to its words, the paragraph id as a hint. */
export function passageUrl(n: Note, site: string): string {
  const url = new URL(withBase(n.path), site);
  url.searchParams.set('catatan', n.id);
  const words = n.quote.exact.replace(/\s+/g, ' ').trim();
  return `${url.href}#${n.para ?? ''}:~:text=${encodeURIComponent(words.length > 80 ? words.slice(0, 80).replace(/\s\S*$/, '') : words)}`;
}

/** The permanent link to the paragraph (what a draft cites). */
export const paragraphUrl = (n: Note, site: string) => new URL(withBase(n.path), site).href + (n.para ? `#${n.para}` : '');

/** A note's words as printed, as a Markdown blockquote (one `>` line per line of the passage). */
export function quoteBlock(n: Note): string[] {
  return n.quote.exact
    .trim()
    .split(/\n+/)
    .map((l) => `> ${l.trim()}`);
}

/** Markdown ready to paste into a draft: per note the quote, the note, the chapter's citation and the paragraph link. */
export function toMarkdown(notes: Note[], site: string, text: MarkdownText): string {
  const out = [`# ${text.title}`, ''];
  for (const w of grouped(notes)) {
    out.push(`## ${w.title}`, '');
    for (const c of w.chapters) {
      out.push(`### ${c.title}`, '');
      for (const n of c.notes) {
        out.push(...quoteBlock(n), '');
        if (n.note.trim()) out.push(`${text.note}: ${n.note.trim()}`, '');
        if (n.tag && text.column) out.push(`${text.column}: ${text.tags?.[n.tag] ?? n.tag}`, '');
        out.push(`${text.cite}: ${n.citation ? `${n.citation.trim()} ` : ''}<${paragraphUrl(n, site)}>`, '');
      }
    }
  }
  return out.join('\n');
}
