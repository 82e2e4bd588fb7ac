// The public record of corrections: content/corrections/<work>.yaml, one entry per corrected
// paragraph of a published work, written by the librarian from the draft `npm run correction-draft`
// makes when the build stops because a published paragraph id vanished (src/links/integration.ts).
// Each entry says when (date), why (reason), where (page, the paragraph's old and new ids) and what
// (the words before and after). The record is built from these committed files only, never from
// git history, so a shallow clone builds the same record. An entry is also the old id's successor
// (src/links/moved-ids.ts reads both files), so one entry keeps the old link working and tells the
// reader what changed. The words are checked against the ids: a paragraph's id is a hash of its
// words, so `before` must hash to `from` and `after` to `to`, and a record cannot misquote either.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { paragraphId } from '../markdown/rehype-paragraph-anchors.ts';
import { CHAPTERS_DIR, CORRECTIONS_DIR, correctionsFile } from '../paths.ts';
import { registerCache } from '../build/cache.ts';

export interface Correction {
  /** The day the correction was made, YYYY-MM-DD. */
  date: string;
  /** Why, in the librarian's words (what was wrong, and what the printed source says). */
  reason: string;
  /** The chapter's page address, /<work>/<chapter>/. */
  page: string;
  /** The paragraph's published id before the correction, and its id after. */
  from: string;
  to: string;
  /** The paragraph's words before and after (as the site shows them, footnote numbers left out). */
  before: string;
  after: string;
  /** Where the entry is written, for messages. */
  file: string;
  line: number;
}

/** The placeholder the draft leaves for the librarian (the build refuses it until it is replaced). */
export const TO_COMPLETE = 'ISI';

export const CORRECTION_FIELDS = ['date', 'reason', 'page', 'from', 'to', 'before', 'after'] as const;
const PARAGRAPH = /^p-[0-9a-f]{8}(-\d+)?$/;

/** A date that exists, written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A paragraph's id from its words (a second copy in one chapter carries "-2": its words hash without it). */
export const hashOf = (id: string) => id.replace(/^(p-[0-9a-f]{8})-\d+$/, '$1');

/**
 * Reads and checks one work's record; every problem stops the build naming the file, the line and
 * what to do. `root` (optional) also checks that the page is a chapter of the work.
 */
export function parseCorrections(text: string, work: string, file = correctionsFile(work), root?: string): Correction[] {
  const doc = parseDocument(text);
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : text.slice(0, offset).split('\n').length);
  const fail = (line: number, message: string): never => {
    throw new Error(`${file}:${line}: ${message}`);
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    fail(
      lineOf(e.pos[0]),
      `not valid YAML (${e.message.split('\n')[0]}); each entry starts with "- date: YYYY-MM-DD" and has the fields ${CORRECTION_FIELDS.join(', ')}; a value with ": " or "#" in it goes in double quotes ("...")`,
    );
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) fail(lineOf(doc.contents.range?.[0]), 'must be a list of corrections, each starting with "- date: YYYY-MM-DD"');
  const out: Correction[] = [];
  const seq = doc.contents as { items: unknown[] };
  for (const item of seq.items) {
    const node = item as YamlNode;
    const line = lineOf(node.range?.[0]);
    if (!isMap(item)) fail(line, `an entry must have the fields ${CORRECTION_FIELDS.join(', ')} ("- date: …" then "  reason: …" below it)`);
    const map = item as { get(k: string, keep: true): YamlNode | undefined; items: { key: { value?: unknown } }[] };
    for (const pair of map.items) {
      const key = String(pair.key?.value);
      if (!(CORRECTION_FIELDS as readonly string[]).includes(key)) fail(line, `unknown field "${key}": an entry has only ${CORRECTION_FIELDS.join(', ')}`);
    }
    const field = (key: (typeof CORRECTION_FIELDS)[number]): { value: string; line: number } => {
      const n = map.get(key, true);
      const at = n?.range ? lineOf(n.range[0]) : line;
      const value = n && 'value' in n ? (n as { value: unknown }).value : undefined;
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
        return fail(at, `"${key}" is missing or empty: ${HELP[key]}`);
      if (typeof value !== 'string' && typeof value !== 'number') return fail(at, `"${key}" must be text: ${HELP[key]}`);
      const s = String(value);
      if (s.trim() === TO_COMPLETE) return fail(at, `"${key}" is still the draft's "${TO_COMPLETE}": ${HELP[key]}`);
      return { value: s, line: at };
    };
    const date = field('date');
    if (!isDay(date.value)) fail(date.line, `"${date.value}" is no date: ${HELP.date}`);
    const reason = field('reason');
    const page = field('page');
    const m = /^\/([\w-]+)\/([\w-]+)\/$/.exec(page.value);
    if (!m || m[1] !== work) fail(page.line, `"${page.value}" is no chapter of ${work}: ${HELP.page}`);
    if (root && !existsSync(join(root, CHAPTERS_DIR, work, `${m![2]}.mdx`)))
      fail(page.line, `${page.value} has no chapter file ${CHAPTERS_DIR}/${work}/${m![2]}.mdx: ${HELP.page}`);
    const from = field('from');
    const to = field('to');
    for (const id of [from, to]) if (!PARAGRAPH.test(id.value)) fail(id.line, `"${id.value}" is no paragraph id (p- and 8 letters or digits): ${HELP.from}`);
    if (from.value === to.value) fail(to.line, `"to" is the same id as "from": a corrected paragraph has a new id (the build's message names it)`);
    const before = field('before');
    const after = field('after');
    if (paragraphId(before.value) !== hashOf(from.value))
      fail(
        before.line,
        `"before" is not the text of ${from.value} (its words make ${paragraphId(before.value)}): keep the words \`npm run correction-draft\` wrote, as they were published`,
      );
    if (paragraphId(after.value) !== hashOf(to.value))
      fail(
        after.line,
        `"after" is not the text of ${to.value} (its words make ${paragraphId(after.value)}): keep the words \`npm run correction-draft\` wrote, or run it again after changing the chapter`,
      );
    const earlier = out.find((c) => c.page === page.value && c.from === from.value);
    if (earlier)
      fail(from.line, `${from.value} is corrected twice (also at line ${earlier.line}): one entry per old id; a second correction starts from the new id`);
    out.push({
      date: date.value,
      reason: reason.value.trim(),
      page: page.value,
      from: from.value,
      to: to.value,
      before: before.value,
      after: after.value,
      file,
      line,
    });
  }
  return out;
}

const HELP: Record<(typeof CORRECTION_FIELDS)[number], string> = {
  date: 'write the day of the correction as YYYY-MM-DD, e.g. 2026-12-06',
  reason: 'say what was wrong and what the printed source says (readers see it on the record page)',
  page: 'the chapter\'s address as the build names it, e.g. "/<work>/bab-1-pendahuluan/"',
  from: "copy the ids `npm run correction-draft` wrote (the build's message names them)",
  to: "copy the ids `npm run correction-draft` wrote (the build's message names them)",
  before: "the paragraph's published words, as `npm run correction-draft` wrote them",
  after: "the paragraph's words now, as `npm run correction-draft` wrote them",
};

/** Every work's record, by work id (a work without a file: none). */
export type Records = Map<string, Correction[]>;

const cache = new Map<string, { stamp: string; records: Records }>();
registerCache(
  'src/corrections/record.ts: the records of corrections',
  'pages',
  `${CORRECTIONS_DIR}/*.yaml (read again when a file or its modification time changed)`,
  () => cache.clear(),
);

/** The record files of a project, and a stamp that changes when any of them does. */
function recordFiles(root: string): { files: string[]; stamp: string } {
  const dir = join(root, CORRECTIONS_DIR);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  return { files, stamp: files.map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`).join('|') };
}

/** Every work's corrections, newest first, read again only when a file changes. */
export function loadCorrections(root: string): Records {
  const { files, stamp } = recordFiles(root);
  const hit = cache.get(root);
  if (hit?.stamp === stamp) return hit.records;
  const records: Records = new Map();
  for (const f of files) {
    const work = f.replace(/\.yaml$/, '');
    const list = parseCorrections(readFileSync(join(root, CORRECTIONS_DIR, f), 'utf8'), work, correctionsFile(work), root);
    if (list.length) records.set(work, newestFirst(list));
  }
  cache.set(root, { stamp, records });
  return records;
}

/** Newest first; on one day, the later entry in the file first. */
export function newestFirst(list: Correction[]): Correction[] {
  return [...list].sort((a, b) => b.date.localeCompare(a.date) || b.line - a.line);
}

/** A work's version: the day of its last correction (none: the text is as first published). */
export function workVersion(records: Records, work: string): string | undefined {
  return records.get(work)?.[0]?.date;
}

/**
 * Each corrected old id's successor now: a paragraph corrected twice (A to B, then B to C) sends A
 * to C as well, so the first link still lands.
 */
export function successors(list: Correction[]): Map<string, Correction & { now: string }> {
  const byFrom = new Map(list.map((c) => [`${c.page}#${c.from}`, c]));
  const out = new Map<string, Correction & { now: string }>();
  for (const c of list) {
    let now = c.to;
    const seen = new Set([c.from]);
    for (let next = byFrom.get(`${c.page}#${now}`); next && !seen.has(next.to); next = byFrom.get(`${c.page}#${now}`)) {
      seen.add(now);
      now = next.to;
    }
    out.set(`${c.page}#${c.from}`, { ...c, now });
  }
  return out;
}
