// Reading a work's PDF as a reader's tools do: Debian's poppler-utils (pdftotext, pdfinfo) and qpdf,
// installed by .ci/run. The text is compared with the work's source by the fidelity test's measure
// (tests/support/printed.ts: the same tokens, exclusions and table rule), line by line in the
// source's order.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compare, sourceStreams, tokenize, type Difference, type Token } from './printed.ts';
import { SOURCES_DIR } from '../../measure/fidelity.ts';
import { id as idText } from '../../src/i18n/id.ts';
import { DIST } from './site.ts';

export const pdfFile = (slug: string) => join(DIST, slug, `${slug}.pdf`);

export const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/**
 * The PDF's text without its running heads and page numbers (the top and bottom bands of each A4
 * page are cropped away), in the order it was typeset (`-raw`: pdftotext's other modes join a word
 * broken after its hyphen, "lain-" / "lain", into "lainlain"). One entry per page.
 */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-x', '0', '-y', '60', '-W', '596', '-H', '722', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return text.split('\f').slice(0, -1);
}

/** Lines of the PDF as tokens, without the table of contents and the chapters' web addresses. */
export function pdfLines(pages: string[], webAddressLabel: string): Token[][] {
  const lines: Token[][] = [];
  pages.forEach((page, p) => {
    // The table of contents (its own pages, every entry with a dot leader) repeats the headings.
    if ((page.match(/(?:\. ){4,}/g) ?? []).length >= 3) return;
    // Each chapter's web address ("Di web: https://…") is the PDF's own line.
    const raw = page.split('\n').filter((l) => !l.startsWith(webAddressLabel));
    for (let i = 0; i < raw.length; i++) {
      const line = raw[i]!;
      const tokens = tokenize(line, () => `pdf page ${p + 1}`);
      if (tokens.length) lines.push(tokens);
    }
  });
  // A word broken after its hyphen at a line end ("lain-" / "lain)."): joined as tokenize joins it.
  for (let i = 0; i + 1 < lines.length; i++) {
    const last = lines[i]!.at(-1)!;
    const next = lines[i + 1]![0]!;
    if (/[\p{L}\d]-$/u.test(last.text) && /^[\p{L}\d]/u.test(next.text)) {
      lines[i]!.pop();
      lines[i + 1]![0] = { text: `${last.text}${next.text}`, where: last.where, broken: `${last.text.slice(0, -1)}${next.text}` };
    }
  }
  return lines;
}

/** Emphasis is not in a PDF's text layer: the marks are taken out of the source's tokens. */
export const withoutEmphasis = (tokens: Token[]): Token[] =>
  tokens.map((t) => ({ ...t, text: t.text.replace(/\*+/g, ''), broken: t.broken?.replace(/\*+/g, '') })).filter((t) => t.text);

/**
 * The PDF's lines in the source's order: each line is placed where its first words stand in the
 * source (the first place after the line before it, else the first anywhere), a line not found
 * there (the PDF's own title page data, contents, addresses, notes, table rows) after the line
 * before it. The title page puts parts of the work in another order than the source prints them
 * (layout, not a change of words).
 */
export function inSourceOrder(source: Token[], lines: Token[][]): Token[] {
  const N = 6;
  const key = (ts: { text: string }[], i: number, n: number) =>
    ts
      .slice(i, i + n)
      .map((t) => t.text)
      .join('\u0000');
  const at = new Map<string, number[]>();
  for (let i = 0; i + N <= source.length; i++) {
    const k = key(source, i, N);
    const list = at.get(k);
    if (list) list.push(i);
    else at.set(k, [i]);
  }
  let last = -1;
  const placed = lines.map((line, order) => {
    // A short line (a heading) is placed by its words and those of the lines after it on its page.
    const probe =
      line.length >= N
        ? line
        : lines
            .slice(order)
            .filter((l) => l[0]?.where === line[0]?.where)
            .flat();
    const hits = probe.length >= N ? at.get(key(probe, 0, N)) : undefined;
    const hit = hits?.find((h) => h > last) ?? hits?.[0];
    if (hit !== undefined) last = hit;
    return { line, at: hit ?? last + 1e-3 * ((order % 997) + 1), order };
  });
  return placed.sort((a, b) => a.at - b.at || a.order - b.order).flatMap((p) => p.line);
}

/**
 * The source's words the PDF does not hold, in order (what the PDF adds, its title page data and the
 * notes beside the body, is not the work's words, so only what the source loses counts), by the
 * fidelity test's measure, with what the PDF's text layer cannot keep made allowance for: a word
 * an address broken at a line end (Typst breaks "…/global/" / "about-the-ilo") reads as two
 * (the same characters, in order, without the space); a table's cells come in the order of its
 * rows, the source's in the order of its lines (every word of the table's source lines is among
 * the words the PDF has there).
 */
export function missingWords(source: Token[], pdf: Token[], tables: [number, number][]): Difference[] {
  const joined = (s: string) => s.replace(/\s+/g, '');
  // (A word an address broke at a line end is held, whether in a table or not.)
  const diffs = compare(source, pdf).filter((d) => !(d.source && joined(d.site).includes(joined(d.source))));
  const line = (d: Difference) => Number(/:(\d+)(?:\s|$)/.exec(d.where)?.[1] ?? 0);
  const tableOf = (d: Difference) => tables.findIndex(([a, b]) => line(d) >= a && line(d) <= b);
  const balanced = new Set<number>();
  tables.forEach((_, t) => {
    const inTable = diffs.filter((d) => tableOf(d) === t);
    if (!inTable.length) return;
    const added = new Map<string, number>();
    for (const w of inTable.flatMap((d) => d.site.split(' ')).filter(Boolean)) added.set(w, (added.get(w) ?? 0) + 1);
    const removed = inTable.flatMap((d) => d.source.split(' ')).filter((w) => w && !/^[-•●▪◦]$/.test(w));
    if (removed.every((w) => (added.get(w) ?? 0) > 0 && added.set(w, added.get(w)! - 1))) balanced.add(t);
  });
  return diffs.filter((d) => d.source && !balanced.has(tableOf(d)));
}

/** The PDF's outline (bookmarks) as titles with their depth, from qpdf's JSON. */
export function outline(file: string): { title: string; depth: number }[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    outlines: Outline[];
  };
  const out: { title: string; depth: number }[] = [];
  const walk = (items: Outline[], depth: number) => {
    for (const o of items) {
      out.push({ title: o.title, depth });
      walk(o.kids ?? [], depth + 1);
    }
  };
  walk(json.outlines, 1);
  return out;
}
interface Outline {
  title: string;
  kids?: Outline[];
}

/** The named destinations of the PDF with the page each opens (`pdfinfo -dests`: poppler resolves them). */
export function destinations(file: string): Map<string, number> {
  const out = run('pdfinfo', ['-dests', file]).stdout;
  return new Map([...out.matchAll(/^\s*(\d+)\s+\[.*\]\s+"([^"]*)"\s*$/gm)].map((m) => [m[2]!, Number(m[1])]));
}

/** pdfinfo's document information (Title, Author, Subject, Keywords, Pages, …). */
export function info(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries([...out.matchAll(/^([A-Za-z ]+):\s*(.*)$/gm)].map((m) => [m[1]!.trim(), m[2]!.trim()]));
}

/** Every source word (body and footnotes apart) the PDF `file` does not hold, by the measure above. */
export function pdfDifferences(file: string, sourceFile: string, sources = SOURCES_DIR): { body: Difference[]; notes: Difference[]; words: number } {
  const source = sourceStreams(sourceFile, sources);
  const lines = pdfLines(pdfPages(file), idText.pdf.webAddress);
  const body = withoutEmphasis(source.body);
  const notes = withoutEmphasis(source.notes);
  return {
    body: missingWords(body, inSourceOrder(body, lines), source.tables),
    notes: notes.length ? missingWords(notes, lines.flat(), []) : [],
    words: body.length,
  };
}
