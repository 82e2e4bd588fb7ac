// What `npm run correction-draft` (scripts/correction-draft.ts) and the build's stop message share:
// for each published paragraph id the build lost, the new paragraph of its page that most likely
// replaced it (the one sharing the most words with the published text), where that paragraph is in
// its chapter file, and the record entry to draft, its date and reason left for the librarian.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { chapterFile } from '../paths.ts';
import { TO_COMPLETE } from './record.ts';
import { wordDiff } from './diff.ts';

export interface Lost {
  page: string;
  id: string;
  candidates: string[];
}

export interface Match {
  page: string;
  from: string;
  to: string;
  before: string;
  after: string;
}

/** How many characters of words two texts share (jsdiff's kept parts). */
export function shared(a: string, b: string): number {
  return wordDiff(a, b)
    .filter((p) => p.kind === 'same')
    .reduce((n, p) => n + p.text.trim().length, 0);
}

/**
 * Pairs each lost paragraph with the new paragraph of its page that shares most words with it; a new
 * paragraph serves one lost one. `oldText(page, id)` and `newTexts(page)` read the published words
 * and the built page's paragraphs; a lost id without published words or without a candidate
 * sharing at least half its words is left out (the librarian gives its successor by hand).
 */
export function matchLost(
  lost: Lost[],
  oldText: (page: string, id: string) => string | undefined,
  newTexts: (page: string) => Record<string, string>,
): Match[] {
  const out: Match[] = [];
  const taken = new Set<string>();
  for (const l of lost) {
    const before = oldText(l.page, l.id);
    if (!before || !l.id.startsWith('p-')) continue;
    const texts = newTexts(l.page);
    let best: { id: string; score: number } | undefined;
    for (const c of l.candidates) {
      const after = texts[c];
      if (after === undefined || taken.has(`${l.page}#${c}`)) continue;
      const score = shared(before, after);
      if (!best || score > best.score) best = { id: c, score };
    }
    if (!best || best.score < before.length / 2) continue;
    taken.add(`${l.page}#${best.id}`);
    out.push({ page: l.page, from: l.id, to: best.id, before, after: texts[best.id]! });
  }
  return out;
}

/** The chapter file of a page address (/<work>/<chapter>/), when it is one. */
export function chapterOf(page: string): { work: string; file: string } | undefined {
  const m = /^\/([\w-]+)\/([\w-]+)\/$/.exec(page);
  return m ? { work: m[1]!, file: chapterFile(m[1]!, m[2]!) } : undefined;
}

/** Markdown's marks off a line, so its words compare with a paragraph's text. */
const plain = (line: string) =>
  line
    .replace(/\]\([^)]*\)/g, '')
    .replace(/[[\]*_`\\]/g, '')
    .replace(/^\s*>\s?/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The line of a chapter file where a paragraph with these words starts (undefined: not found). */
export function lineOfParagraph(source: string, text: string): number | undefined {
  const lines = source.split('\n').map(plain);
  for (const n of [8, 4]) {
    const start = text.split(' ').slice(0, n).join(' ');
    const i = lines.findIndex((l) => l.startsWith(start));
    if (i >= 0) return i + 1;
  }
  return undefined;
}

/** "content/chapters/<work>/<chapter>.mdx:<line>" of a new paragraph (the line when found). */
export function whereIs(root: string, page: string, text: string | undefined): string | undefined {
  const chapter = chapterOf(page);
  if (!chapter || !existsSync(join(root, chapter.file))) return undefined;
  const line = text ? lineOfParagraph(readFileSync(join(root, chapter.file), 'utf8'), text) : undefined;
  return line ? `${chapter.file}:${line}` : chapter.file;
}

/** The record entries to append for these matches (YAML), date and reason left to complete. */
export function draftYaml(matches: Match[]): string {
  return stringify(
    matches.map((m) => ({ date: TO_COMPLETE, reason: TO_COMPLETE, page: m.page, from: m.from, to: m.to, before: m.before, after: m.after })),
    { lineWidth: 0 },
  );
}

/** The head of a new record file. */
export function recordHead(work: string): string {
  return (
    `# Riwayat koreksi ${work}: every change to the text of this work after it was published, one entry per\n` +
    `# paragraph (docs/panduan-pustakawan.md, "Mengoreksi teks yang sudah terbit"). Drafted by\n` +
    `# \`npm run correction-draft\`; write the date (YYYY-MM-DD) and the reason where it left ${TO_COMPLETE}.\n`
  );
}
