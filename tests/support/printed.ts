// The text of a work as printed, word by word, for the strict fidelity test: the source (content/
// sources/, minus the exclusions of content/sources/exclusions.yaml) and what a reader sees on the
// built pages (Chromium's innerText of the printed parts, with emphasis written back as `*`/`**`),
// both cut into the same tokens, so that a single changed word, mark of punctuation, capital or
// emphasis shows as a difference with its source line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import type { Browser, Page } from 'playwright-core';
import { loadExclusions, matchLines, SOURCES_DIR } from '../../measure/fidelity.ts';

export interface Token {
  /** The word with its punctuation and emphasis marks, e.g. "*labour", "trafficking*,". */
  text: string;
  /** Source: its 1-based line; site: the page it is on. */
  where: string;
  /** Source: the word was broken across a line end ("perda-" + "gangan"); it may stand joined. */
  broken?: string;
}

/** Bullets and heading marks that stand for markup (the site draws lists and headings), not for words. */
const BULLET = /^(?:[-•●▪◦]|#{1,6})$/;
/** Where the extraction's list markup starts an item: a line start for bullets, within its source line. */
const ITEM = '\u0001';
/** Characters that are white space to a reader (the PDF extraction leaves non-breaking ones). */
const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/u;

/** Tokens of a text whose lines are numbered from `firstLine` (source) or all in one place (site). */
export function tokenize(text: string, where: (line: number) => string): Token[] {
  const out: Token[] = [];
  text
    .normalize('NFC')
    .split('\n')
    .forEach((line, i) => {
      let first = true;
      for (const word of line.replaceAll(ITEM, ` ${ITEM} `).split(SPACE)) {
        if (!word) continue;
        if (word === ITEM) {
          first = true;
          continue;
        }
        // A bullet or heading mark that opens a line is list or heading markup.
        if (first && BULLET.test(word)) continue;
        first = false;
        out.push({ text: word, where: where(i) });
      }
      // A word broken at the line end ("perda-" / "gangan", "100-" / "108"): the site may join it.
      const last = out.at(-1);
      if (last && /\p{L}-$|\d-$/u.test(last.text) && last.where === where(i) && !last.broken) last.broken = 'end';
    });
  // Join each broken word with the next token, keeping both readings.
  const joined: Token[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    const next = out[i + 1];
    if (t.broken === 'end' && next && /^[\p{L}\d]/u.test(next.text)) {
      joined.push({ text: `${t.text}${next.text}`, where: t.where, broken: `${t.text.slice(0, -1)}${next.text}` });
      i++;
    } else joined.push({ ...t, broken: undefined });
  }
  return joined;
}

/** Whether a site token stands for a source token: the same, or a broken word joined without its hyphen. */
export const same = (source: Token, site: Token) => source.text === site.text || (source.broken !== undefined && source.broken === site.text);

/**
 * The markup the PDF extraction left in the sources, read as what it stands for: HTML italics and
 * bold as the `*`/`**` the rest of the sources use, links as their printed text, any other tag
 * (paragraphs, lists, superscripts) as the space between words.
 */
export function readMarkup(text: string): string {
  return text
    .replace(/<\/?(?:i|em)>/gi, '*')
    .replace(/<\/?(?:b|strong)>/gi, '**')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\[([^\]]+)\]\((?:https?:\/\/|www\.)[^)\s]+\)/g, '$1')
    .replace(/<\/?(?:li|ul|ol)(?:\s[^>]*)?>/gi, ITEM)
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/gi, ' ');
}

export interface Fix {
  /** The 1-based line (or range "a-b") the fix applies to. */
  lines: string;
  /** The text as extracted, and as the site shows it (the PDF's reading, restored). */
  find: string;
  replace: string;
  reason: string;
}

/** Runs of lines holding tab-separated cells (blank lines inside a run belong to it). */
function tableRuns(lines: string[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let last = -1;
  lines.forEach((l, i) => {
    if (l.includes('\t')) {
      if (start < 0 || i - last > 2) {
        if (start >= 0) runs.push([start + 1, last + 1]);
        start = i;
      }
      last = i;
    }
  });
  if (start >= 0) runs.push([start + 1, last + 1]);
  return runs;
}

export interface SourceStreams {
  /** The body: every line not excluded nor moved. */
  body: Token[];
  /** The line ranges (1-based, inclusive) of the source's tables: runs of lines with tab-separated cells. */
  tables: [number, number][];
  /** Lines moved elsewhere on the site (footnotes printed at a page foot): compared with the notes. */
  notes: Token[];
}

/** The source of a work as token streams, with the documented exclusions applied. */
export function sourceStreams(sourceFile: string, dir = SOURCES_DIR): SourceStreams {
  const entry = loadExclusions(dir).find((e) => e.source === sourceFile);
  if (!entry) throw new Error(`content/sources/exclusions.yaml has no entry for ${sourceFile}: add one (an empty "exclude: []" if nothing is left out)`);
  const lines = readFileSync(join(dir, sourceFile), 'utf8').split('\n');
  // Extraction artefacts the site corrects, each listed with its reason (exclusions.yaml `fixes`).
  for (const fix of (entry as { fixes?: Fix[] }).fixes ?? []) {
    const [a, b = a] = fix.lines.split('-').map(Number) as [number, number?];
    const at = lines.slice(a - 1, b).findIndex((l) => l.includes(fix.find));
    if (at < 0) throw new Error(`content/sources/exclusions.yaml: the fix for ${sourceFile} lines ${fix.lines} does not find “${fix.find}” there`);
    lines[a - 1 + at] = lines[a - 1 + at]!.replace(fix.find, fix.replace);
  }
  const state = new Array<'keep' | 'drop' | 'moved'>(lines.length).fill('keep');
  for (const ex of entry.exclude) matchLines(lines, ex).forEach((hit, i) => hit && (state[i] = ex.moved ? 'moved' : 'drop'));
  const keep = (kind: 'keep' | 'moved') => {
    const picked = lines.map((l, i) => (state[i] === kind ? l : ''));
    return tokenize(readMarkup(picked.join('\n')), (i) => `${sourceFile}:${i + 1}`);
  };
  return { body: keep('keep'), notes: keep('moved'), tables: tableRuns(lines) };
}

/**
 * The site's interface inside the printed parts of a page: what the site adds to the author's text
 * (charts drawn from a table, editor's notes, the copies of notes in the margin, "↩" links, labels
 * for screen readers, the library's lists where the source prints none). A reader sees them, but
 * they are not the work's words.
 */
export const INTERFACE = [
  'figure.chart',
  '.editor-note',
  '.sidenote',
  '.data-footnote-backref',
  '#footnote-label',
  '.visually-hidden',
  '.citation-previews',
  '.citation-popover',
  '[data-editorial]',
].join(', ');

export interface PageStreams {
  /** Each printed part of the page (a chapter's heading, its text, an abstract), in page order. */
  regions: Token[][];
  notes: Token[];
}

/**
 * What a reader sees of the printed parts of the page open in `page` (elements marked
 * `data-printed`, in document order), with emphasis marked as in the sources and the numbers of
 * ordered lists written out; the footnotes apart, as the sources print them apart.
 */
export async function pageStreams(page: Page, where: string): Promise<PageStreams> {
  const { body, notes } = await page.evaluate((interfaceSelector) => {
    for (const el of document.querySelectorAll(interfaceSelector)) el.remove();
    const mark = (selector: string, marker: string) => {
      for (const el of document.querySelectorAll(`[data-printed] :is(${selector})`)) {
        el.prepend(document.createTextNode(marker));
        el.append(document.createTextNode(marker));
      }
    };
    mark('em, i', '*');
    mark('strong, b', '**');
    for (const ol of document.querySelectorAll('[data-printed] ol')) {
      // The numbers a browser draws for a numbered list are what a reader sees of it.
      if (ol.closest('[data-footnotes]') || getComputedStyle(ol).listStyleType === 'none') continue;
      let n = (ol as HTMLOListElement).start || 1;
      for (const li of ol.children) if (li.tagName === 'LI') li.prepend(document.createTextNode(`${n++}. `));
    }
    const notesText: string[] = [];
    for (const section of document.querySelectorAll('[data-printed] [data-footnotes]')) {
      for (const li of section.querySelectorAll('li')) {
        const n = li.id.replace(/^.*fn-/, '');
        notesText.push(`${n} ${(li as HTMLElement).innerText}`);
      }
      section.remove();
    }
    const regions = [...document.querySelectorAll<HTMLElement>('[data-printed]')]
      .filter((el) => !el.parentElement?.closest('[data-printed]'))
      .map((el) => el.innerText);
    return { body: regions, notes: notesText.join('\n') };
  }, INTERFACE);
  const at = () => where;
  // Emphasis markers at a word's edge belong to it, as in the sources' Markdown ("*labour", "*").
  return { regions: body.map((text) => tokenize(glue(text), at)), notes: tokenize(glue(notes), at) };
}

/** Markers written around an element's text stick to the words inside it: "* word *" → "*word*". */
export function glue(text: string): string {
  return text.replace(/(^|\s)(\*{1,3})\s+/gu, '$1$2').replace(/\s+(\*{1,3})(?=\s|$|[.,;:!?)»”’])/gu, '$1');
}

export interface Difference {
  source: string;
  site: string;
  where: string;
}

/**
 * The differences between the source and the site, each with the source line it starts on.
 *
 * Within a table, the extraction gives the cells in the order of its lines, and a cell of several
 * lines is cut up among its neighbours' (003's Tabel 1.1): the order of a table's words in the
 * source is not the order a reader reads its cells. So the differences inside one table are taken
 * together: where the words the site adds there are exactly the words it drops (every word, with
 * its case, punctuation and emphasis), the table holds the same words, read cell by cell.
 */
export function compare(source: Token[], site: Token[], tables: [number, number][] = []): Difference[] {
  const parts = diffArrays(source, site, { comparator: (a: Token, b: Token) => same(a, b) });
  const out: (Difference & { removed: Token[]; added: Token[]; line: number })[] = [];
  // (jsdiff gives the common runs as the site's tokens: the source's are found by counting.)
  let inSource = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      inSource += part.value.length;
      continue;
    }
    const removed = part.removed ? part.value : [];
    const next = parts[i + 1];
    const added = part.removed && next?.added ? (i++, next.value) : part.added ? part.value : [];
    const at = removed[0] ?? source[inSource - 1];
    out.push({
      source: removed.map((t) => t.text).join(' '),
      site: added.map((t) => t.text).join(' '),
      where: `${at?.where ?? 'start'}${added[0] ? ` / ${added[0].where}` : ''}`,
      removed,
      added,
      line: Number(/:(\d+)$/.exec(at?.where ?? '')?.[1] ?? 0),
    });
    inSource += removed.length;
  }
  const tableOf = (line: number) => tables.findIndex(([a, b]) => line >= a && line <= b);
  const reordered = new Set<number>();
  for (let t = 0; t < tables.length; t++) {
    const inTable = out.filter((d) => tableOf(d.line) === t);
    if (!inTable.length) continue;
    // (A bullet inside a cell is list markup, whether the extraction puts it at a line start or not.)
    const count = (ts: Token[]) =>
      ts
        .filter((x) => !BULLET.test(x.text))
        .map((x) => x.broken ?? x.text)
        .sort()
        .join('\n');
    if (count(inTable.flatMap((d) => d.removed)) === count(inTable.flatMap((d) => d.added))) reordered.add(t);
  }
  return out.filter((d) => !reordered.has(tableOf(d.line))).map(({ source, site, where }) => ({ source, site, where }));
}

/**
 * The printed parts of a work's pages in the order its source prints them: the site may put a part
 * elsewhere (the abstracts before the motto on the work page), which is layout, not a change of
 * words. A part is placed by where its first words stand in the source; a part not found there
 * keeps its place after the one before it (and its words are then reported as differences).
 */
export function inSourceOrder(source: Token[], regions: Token[][]): Token[] {
  const N = 5;
  const key = (ts: Token[], i: number) =>
    ts
      .slice(i, i + N)
      .map((t) => t.text)
      .join(' ');
  const first = new Map<string, number>();
  for (let i = 0; i + N <= source.length; i++) if (!first.has(key(source, i))) first.set(key(source, i), i);
  let last = -1;
  const placed = regions.map((r, order) => {
    // A short part (a heading) is placed by its words and those of the parts after it on its page.
    const probe =
      r.length >= N
        ? r
        : regions
            .slice(order)
            .filter((x) => x[0]?.where === r[0]?.where)
            .flat();
    const at = probe.length >= N ? first.get(key(probe, 0)) : undefined;
    if (at !== undefined) last = at;
    return { r, at: at ?? last + 1e-3 * (order + 1), order };
  });
  return placed.sort((a, b) => a.at - b.at || a.order - b.order).flatMap((p) => p.r);
}

/** A work as the fidelity test knows it: its pages' addresses and its source file. */
export interface PrintedWork {
  slug: string;
  sourceFile: string;
  chapters: { slug: string }[];
}

/**
 * Every difference between a work's source and what a reader sees of it on the site served at
 * `baseURL`: its work page and chapters read in Chromium, put in the source's order, compared
 * word for word (body and footnotes apart). `sources` is the folder of the source texts.
 */
export async function workDifferences(
  browser: Browser,
  baseURL: string,
  work: PrintedWork,
  sources = SOURCES_DIR,
): Promise<{ body: Difference[]; notes: Difference[]; words: number }> {
  const source = sourceStreams(work.sourceFile, sources);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const regions: Token[][] = [];
  const notes: Token[] = [];
  try {
    for (const path of [`/${work.slug}/`, ...work.chapters.map((c) => `/${work.slug}/${c.slug}/`)]) {
      await page.goto(path, { waitUntil: 'load' });
      const s = await pageStreams(page, path);
      regions.push(...s.regions);
      notes.push(...s.notes);
    }
  } finally {
    await context.close();
  }
  const body = inSourceOrder(source.body, regions);
  return { body: compare(source.body, body, source.tables), notes: compare(source.notes, notes), words: body.length };
}

/** Differences as lines for a test's message: where, and the source's words against the site's. */
export const report = (diffs: Difference[]) => diffs.map((d) => `${d.where}: source “${d.source}” / site “${d.site}”`);
