// The one bibliography of the site: content/bibliography.json (CSL-JSON), read and checked once per
// process. Every consumer (the citation plugin, the reference pages, the downloads) goes through
// here, so a malformed or duplicate entry stops the build naming the file, the line and the key.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { BIBLIOGRAPHY_FILE, WORKS_DIR } from '../paths.ts';
import { registerCache } from '../build/cache.ts';

/** Keys are readable and lower-case: rehype-citation lower-cases them in element ids. */
export const KEY = /^[a-z0-9][a-z0-9_-]*[a-z0-9_]$/;

/** A bibliography or citation defect, with the file and line in its message. */
export class CitationError extends Error {
  file: string;
  constructor(file: string, line: number | undefined, message: string, column?: number) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${message}`);
    this.name = 'CitationError';
    this.file = file;
    // The place in the plugin is no help to whoever fixes the file: no stack trace in the output.
    this.stack = '';
  }
}

/** The same, for a place in the MDX file being compiled: `line`/`column` let Astro point at it too. */
export function chapterError(file: string, line: number | undefined, column: number | undefined, message: string): CitationError {
  return Object.assign(new CitationError(file, line, message, column), { line, column });
}

/** CSL 1.0.2 item types. */
const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const;

const name = z.union([z.object({ family: z.string().min(1), given: z.string().optional() }).loose(), z.object({ literal: z.string().min(1) }).loose()]);
const date = z
  .object({
    'date-parts': z
      .array(
        z
          .array(z.union([z.number().int(), z.string().regex(/^\d+$/)]))
          .min(1)
          .max(3),
      )
      .min(1)
      .max(2),
  })
  .or(z.object({ literal: z.string().min(1) }))
  .or(z.object({ raw: z.string().min(1) }));

export const entrySchema = z
  .object({
    id: z.string().regex(KEY, 'key must be lower-case letters, digits, "-" or "_" (e.g. suwarno2018ntt)'),
    type: z.enum(CSL_TYPES),
    title: z.string().min(1).optional(),
    author: z.array(name).min(1).optional(),
    editor: z.array(name).min(1).optional(),
    issued: date.optional(),
    accessed: date.optional(),
    DOI: z
      .string()
      .regex(/^10\.\d{4,}\/\S+$/, 'DOI must be the bare identifier, e.g. 10.22146/jp.59618')
      .optional(),
    URL: z.url().optional(),
    custom: z
      .object({
        /** Works whose printed reference list holds this entry. */
        listedIn: z.array(z.string()).default([]),
        /** The entry's number in a numbered printed list, by work (e.g. 003's "(6)"). */
        number: z.record(z.string(), z.number().int().positive()).default({}),
        /** The entry's place in each work's printed list (also for unnumbered lists), by work. */
        printedOrder: z.record(z.string(), z.number().int().positive()).default({}),
        /** The entry as each work prints it (Markdown emphasis allowed). */
        printed: z.record(z.string(), z.string().min(1)).default({}),
        /** Built from in-text citations only; `note` tells readers what is missing. */
        incomplete: z.boolean().default(false),
        note: z.string().min(1).optional(),
      })
      .strict()
      .default({ listedIn: [], number: {}, printedOrder: {}, printed: {}, incomplete: false }),
  })
  .loose()
  .refine((e) => e.title || e.author || e.editor, { message: 'an entry needs a title or an author', path: ['title'] })
  .refine((e) => !e.custom.incomplete || e.custom.note, { message: 'an incomplete entry needs `custom.note` for readers', path: ['custom', 'note'] });

export type CslItem = Record<string, unknown> & { id: string; type: string };

export interface Reference {
  id: string;
  /** The entry as citeproc and the exports see it (without `custom`). */
  csl: CslItem;
  listedIn: string[];
  number: Record<string, number>;
  /** The entry's place in each work's printed list, by work. */
  printedOrder: Record<string, number>;
  printed: Record<string, string>;
  incomplete: boolean;
  note?: string;
  /** 1-based line of the entry in the bibliography file. */
  line: number;
}

export interface Library {
  file: string;
  references: Reference[];
  byId: Map<string, Reference>;
}

/** Start offsets of the top-level array's objects, by a scan that skips strings. */
function entryOffsets(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') {
      if (depth === 1 && c === '{') out.push(i);
      depth++;
    } else if (c === ']' || c === '}') depth--;
  }
  return out;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * The 1-based line of each offset (ascending), counting the newlines once from one offset to the
 * next: lineAt for every entry re-reads the file from its start, which grows with the library
 * squared (44,000 entries at 1,000 works: hours).
 */
function linesAt(text: string, offsets: number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const offset of offsets) {
    for (let i = text.indexOf('\n', from); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    from = Math.max(from, offset);
    lines.push(line);
  }
  return lines;
}

/**
 * Where JSON text first goes wrong (JSON.parse does not always say): a small recursive-descent
 * reader that only checks the syntax and returns the offending offset.
 */
/** Thrown by the reader below at the first offset where the JSON goes wrong. */
class JsonSyntaxAt extends Error {
  readonly offset: number;
  constructor(offset: number) {
    super(`JSON syntax error at offset ${offset}`);
    this.offset = offset;
  }
}

export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw new JsonSyntaxAt(i);
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          value();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) {
        if (i >= text.length || text[i] === '\n') fail();
        if (text[i] === '\\') i++;
      }
      return void i++;
    }
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (e) {
    if (e instanceof JsonSyntaxAt) return e.offset;
    throw e;
  }
}

export function workSlugs(root: string): string[] {
  const dir = join(root, WORKS_DIR);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.replace(/\.yaml$/, ''))
    : [];
}

/** Parses and checks the bibliography text; `file` names it in errors. */
export function parseLibrary(text: string, file: string, works: string[]): Library {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    throw new CitationError(file, offset >= 0 ? lineAt(text, offset) : undefined, `malformed JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(raw)) throw new CitationError(file, 1, 'the bibliography must be a JSON array of CSL-JSON entries');
  const lines = linesAt(text, entryOffsets(text));
  const references: Reference[] = [];
  const byId = new Map<string, Reference>();
  const known = new Set(works);
  raw.forEach((item: unknown, i) => {
    const line = lines[i] ?? 1;
    const key = typeof item === 'object' && item && 'id' in item ? String(item.id) : `#${i + 1}`;
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CitationError(file, line, `entry "${key}": ${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    const { custom, ...csl } = parsed.data;
    const previous = byId.get(csl.id);
    if (previous) throw new CitationError(file, line, `duplicate key "${csl.id}" (first at line ${previous.line})`);
    for (const w of [...custom.listedIn, ...Object.keys(custom.printed), ...Object.keys(custom.number)]) {
      if (!known.has(w)) throw new CitationError(file, line, `entry "${csl.id}": custom names "${w}", which is no work in content/works/`);
    }
    const ref: Reference = {
      id: csl.id,
      csl: csl,
      listedIn: custom.listedIn,
      number: custom.number,
      printedOrder: custom.printedOrder,
      printed: custom.printed,
      incomplete: custom.incomplete,
      note: custom.note,
      line,
    };
    references.push(ref);
    byId.set(ref.id, ref);
  });
  // A numbered list has each number once (one pass over the entries, not one per work).
  const seenIn = new Map<string, Map<number, Reference>>();
  for (const ref of references) {
    for (const [work, n] of Object.entries(ref.number)) {
      let seen = seenIn.get(work);
      if (!seen) seenIn.set(work, (seen = new Map<number, Reference>()));
      const other = seen.get(n);
      if (other) throw new CitationError(file, ref.line, `entry "${ref.id}": number ${n} in ${work} is also given to "${other.id}" (line ${other.line})`);
      if (!ref.listedIn.includes(work))
        throw new CitationError(file, ref.line, `entry "${ref.id}" has a number in ${work} but is not listed in it (custom.listedIn)`);
      seen.set(n, ref);
    }
  }
  return { file, references, byId };
}

const cache = new Map<string, { mtime: number; library: Library }>();
// The formatted lists and parsed items are kept per library (WeakMaps), so they go with it.
registerCache('src/bibliography/library.ts: the parsed bibliography', 'pages', `${BIBLIOGRAPHY_FILE} (read again when its modification time changed)`, () =>
  cache.clear(),
);

/**
 * The library of the project at `root`, read once (again only when the file changes, as in
 * `astro dev`); an absent file is an empty library.
 */
export function loadLibrary(root: string): Library {
  const path = join(root, BIBLIOGRAPHY_FILE);
  const mtime = existsSync(path) ? statSync(path).mtimeMs : -1;
  const hit = cache.get(root);
  if (hit && hit.mtime === mtime) return hit.library;
  const library =
    mtime >= 0
      ? parseLibrary(readFileSync(path, 'utf8'), BIBLIOGRAPHY_FILE, workSlugs(root))
      : { file: BIBLIOGRAPHY_FILE, references: [], byId: new Map<string, Reference>() };
  cache.set(root, { mtime, library });
  return library;
}
