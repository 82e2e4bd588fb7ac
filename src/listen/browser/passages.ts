// What "Dengarkan" reads of a chapter: its title and the text of `.prose`, passage by passage (a
// paragraph, heading, list item, caption), each cut into sentences (../sentences.ts) with the Range
// of each in the page, so the sentence being read can be marked without touching the text.
//
// Read: the author's text as printed, citations included ("(Niko dkk., 2019)").
// Not read: the interface (¶ and # marks, buttons, screen-reader-only texts, the hidden full
// references, the margin copies of notes), footnote numbers (a note is read at its place, after the
// sentence that marks it, or skipped: the reader's choice), the editors' notes, and the cells of
// tables and the site's charts: their printed captions are paragraphs and are read, a chart's own
// caption is read, a table's or chart's figures one by one would be minutes of numbers.
import { speakableParts, splitSentences, spoken } from '../sentences.ts';

/** Elements that start a passage of their own. */
const BLOCK = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,blockquote,figcaption,caption,pre';
/** Elements never read, with everything inside them. */
const SKIP = [
  'a.self-link',
  'button',
  'script',
  'style',
  'template',
  'svg',
  'canvas',
  'nav',
  'dialog',
  'form',
  'select',
  'input',
  'textarea',
  'details',
  '.sr-only',
  '.visually-hidden',
  '[hidden]',
  '[aria-hidden="true"]',
  '.sidenote',
  'aside.editor-note',
  '[data-editorial]',
  'section.footnotes',
  '.link-notice',
  'table > :not(caption)',
  '.chart-box',
  '.chart-summary',
  '.chart-controls',
  '.chart-download',
  '.chart-source',
  '.cited-in',
  '.citation-previews',
  '.citation-popover',
  'a[data-footnote-backref]',
  '.Z3988',
].join(',');

interface Run {
  el: Element;
  text: string;
  nodes: { node: Text; start: number }[];
  /** Footnote marks: where in `text` they stand, the mark, and the note (its <li>). */
  notes: { at: number; mark: Element; note: Element }[];
}

/** The runs of text of `roots`, in reading order: one a passage (more when a nested list splits one). */
function runs(roots: Element[]): Run[] {
  const out: Run[] = [];
  let current: Run | undefined;
  const open = (el: Element) => {
    current = { el, text: '', nodes: [], notes: [] };
    out.push(current);
    return current;
  };
  const visit = (node: Node, block: Element): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const run = current?.el === block ? current : open(block);
      run.nodes.push({ node: node as Text, start: run.text.length });
      run.text += (node as Text).data;
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.matches('a[data-footnote-ref]')) {
      const note = document.getElementById(decodeURIComponent((node as HTMLAnchorElement).hash.slice(1)));
      const run = current?.el === block ? current : open(block);
      if (note) run.notes.push({ at: run.text.length, mark: node, note });
      return;
    }
    if (node.matches(SKIP) || node.checkVisibility?.() === false) return;
    if (node.matches(BLOCK)) {
      open(node);
      for (const child of node.childNodes) visit(child, node);
      current = undefined;
      return;
    }
    for (const child of node.childNodes) visit(child, block);
  };
  for (const root of roots) {
    if (root.matches(BLOCK)) visit(root, root);
    else for (const child of root.childNodes) visit(child, root);
    current = undefined;
  }
  return out;
}

export interface Piece {
  /** What is spoken. */
  text: string;
  /** Its language: the nearest lang attribute (a passage's own wins over its chapter's). */
  lang: string;
  /** Where it is on the page (the mark of a note, for a note's text). */
  range: Range;
  /** The note (its number) this piece is part of, for a note read at its place. */
  note?: string;
  /** The notes marked in this piece (the note's <li> and its mark), read after it when the reader wants them. */
  notes: { note: Element; mark: Element }[];
}

export interface Passage {
  el: Element;
  /** How the player names it: "¶ 3" (its number), "title", or the start of its text. */
  para?: string;
  pieces: Piece[];
}

const langOf = (el: Element) => el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'id';

function rangeAt(run: Run, start: number, end: number): Range {
  const range = document.createRange();
  const find = (offset: number, isEnd: boolean) => {
    const i = run.nodes.findLastIndex((n) => (isEnd ? n.start < offset : n.start <= offset));
    const n = run.nodes[Math.max(i, 0)]!;
    return [n.node, Math.min(offset - n.start, n.node.length)] as const;
  };
  range.setStart(...find(start, false));
  range.setEnd(...find(end, true));
  return range;
}

function pieces(run: Run): Piece[] {
  const lang = langOf(run.el);
  const out: Piece[] = [];
  for (const s of splitSentences(run.text, lang)) {
    for (const p of speakableParts(run.text.slice(s.start, s.end))) {
      const start = s.start + p.start;
      const end = s.start + p.end;
      out.push({ text: spoken(run.text.slice(start, end)), lang, range: rangeAt(run, start, end), notes: [] });
    }
  }
  // A note goes with the piece its mark follows (the mark stands after the sentence's full stop).
  const ends = out.map((p) => p.range);
  for (const { at, note, mark } of run.notes) {
    let i = 0;
    while (i < out.length - 1 && offsetOf(run, ends[i]!) < at) i++;
    out[i]?.notes.push({ note, mark });
  }
  return out;
}

/** The end of a range as an offset into its run's text. */
function offsetOf(run: Run, range: Range): number {
  const n = run.nodes.find((x) => x.node === range.endContainer);
  return n ? n.start + range.endOffset : 0;
}

/** The chapter's passages in reading order: the title, then the text. Passages with nothing to say are left out. */
export function chapterPassages(): Passage[] {
  const roots = [document.querySelector('.chapter > header h1'), document.querySelector('.prose')].filter((e): e is Element => !!e);
  const out: Passage[] = [];
  for (const run of runs(roots)) {
    const list = pieces(run);
    if (!list.length) continue;
    const last = out.at(-1);
    // A passage split by a nested list continues as one passage.
    if (last?.el === run.el) last.pieces.push(...list);
    else out.push({ el: run.el, para: (run.el as HTMLElement).dataset.para ?? (run.el as HTMLElement).dataset.fn, pieces: list });
  }
  return out;
}

/** A footnote's text as pieces, each marked as the note `n` and placed at its mark. */
export function notePieces(note: Element, mark: Element): Piece[] {
  const n = note.querySelector<HTMLElement>('[data-fn]')?.dataset.fn ?? mark.textContent ?? '';
  const at = document.createRange();
  at.selectNodeContents(mark);
  return runs([note]).flatMap((run) => pieces(run).map((p) => ({ ...p, note: n, notes: [], range: at })));
}
