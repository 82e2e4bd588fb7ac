// Typst markup from the book content of a built page (src/epub/xhtml.ts's toBookContent has already
// taken out what only the web does). Every piece of the author's text goes into the markup as a Typst
// string literal (`#"…";`), never as markup, so a `#`, `$`, `*`, `_`, `@`, `<`, `[` or `\` in a work
// prints as itself; ids go in as `#label("…")`, addresses as strings. An element this module does not
// know stops the build naming the page it is on: a paragraph is never silently left out.
import type { Element, ElementContent } from 'hast';
import { EpubError } from '../epub/xhtml.ts';
import { textOf } from '../markdown/hast.ts';

type Node = ElementContent;

/** A Typst string literal holding `text` exactly (Typst's escapes: \\ \" \n \r \t). */
export function str(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** Text as markup that prints exactly it (the `;` ends the embedded expression, so nothing after it can continue it). */
export const text = (value: string): string => (value ? `#${str(value)};` : '');

const cls = (e: Element): string[] => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);
const has = (e: Element, c: string) => cls(e).includes(c);
const idOf = (e: Element) => (typeof e.properties.id === 'string' && e.properties.id ? e.properties.id : undefined);

/** Where a link goes: inside the PDF (a label) or out (an address). */
export type Target = { label: string } | { url: string };

/** What the conversion of one page needs to know. */
export interface TypstContext {
  /** The built page, for errors (`/work/chapter/index.html`). */
  at: string;
  /** The label an element id of this page gets in the PDF (ids repeat across chapters). */
  label: (id: string) => string;
  /** Where an href of the page (already rewritten by toBookContent) goes. */
  target: (href: string) => Target;
  /** Every label written, with the page's own id, for the named destinations and the link check. */
  labels: Map<string, string>;
  /** The work page, typeset as the title page. */
  titlePage: boolean;
  /** Notes of the page by id (aside.footnote), typeset at their reference. */
  notes: Map<string, Element>;
}

const INLINE = new Set([
  'a',
  'em',
  'i',
  'strong',
  'b',
  'span',
  'abbr',
  'sup',
  'sub',
  'code',
  'br',
  'small',
  'cite',
  'q',
  'time',
  'mark',
  'u',
  's',
  'del',
  'ins',
  'dfn',
  'var',
  'kbd',
  'samp',
  'bdi',
  'bdo',
  'wbr',
  'data',
]);
const isInline = (n: Node) => n.type === 'text' || (n.type === 'element' && INLINE.has(n.tagName));

/** Screen-reader-only text: the PDF shows what the page shows. */
const isHidden = (e: Element) => has(e, 'visually-hidden') || has(e, 'sr-only');

function labelled(markup: string, e: Element, ctx: TypstContext): string {
  const id = idOf(e);
  if (!id) return markup;
  const name = ctx.label(id);
  if (ctx.labels.has(name)) throw new EpubError(ctx.at, `the id "${id}" occurs twice on the page`);
  ctx.labels.set(name, id);
  return `${markup}#label(${str(name)})`;
}

/** The place of an element's id as a point to link to (a moved paragraph's old anchor, a list item's id); nothing without an id. */
function anchor(e: Element, ctx: TypstContext): string {
  return idOf(e) ? labelled('#metadata(none)', e, ctx) : '';
}

function inline(nodes: Node[], ctx: TypstContext, edges = false): string {
  let out = '';
  nodes.forEach((n, i) => {
    if (n.type === 'text') {
      let value = n.value.replace(/\s+/g, ' ');
      // A paragraph's white space at its start and end is the page's markup, not a space.
      if (edges && i === 0) value = value.trimStart();
      if (edges && i === nodes.length - 1) value = value.trimEnd();
      out += text(value);
    } else if (n.type === 'element') out += inlineElement(n, ctx);
  });
  return out;
}

function link(target: Target, body: string): string {
  return 'label' in target ? `#link(label(${str(target.label)}))[${body}]` : `#link(${str(target.url)})[${body}]`;
}

/** A footnote reference: the note itself, typeset at the foot of the page, numbered as on the page. */
function noteref(a: Element, ctx: TypstContext): string {
  const href = String(a.properties.href ?? '');
  const note = ctx.notes.get(href.replace(/^#/, ''));
  if (!note) throw new EpubError(ctx.at, `the footnote reference ${href} has no note`);
  const number = textOf(a).trim();
  // A note of one paragraph is typeset as a line after its number, not as a block below it.
  const parts = note.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  const first = parts[0];
  const only = parts.length === 1 && first?.type === 'element' && first.tagName === 'p' ? first : undefined;
  const body = only ? `${anchor(only, ctx)}${inline(only.children, ctx, true)}` : block(note.children, ctx);
  const footnote = `#footnote(numbering: _ => ${str(number)})[${body}]`;
  // The reference's own id (the note links back to it) marks the place; the note's id is the note.
  return anchor(a, ctx) + labelled(footnote, note, ctx);
}

function inlineElement(e: Element, ctx: TypstContext): string {
  if (isHidden(e)) return '';
  const inner = () => inline(e.children, ctx);
  switch (e.tagName) {
    case 'a': {
      if (e.properties['epub:type'] === 'noteref') return noteref(e, ctx);
      const href = typeof e.properties.href === 'string' ? e.properties.href : undefined;
      const body = inner();
      return labelled(href ? link(ctx.target(href), body) : body || '#metadata(none)', e, ctx);
    }
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
    case 'var':
      return labelled(`#emph[${inner()}]`, e, ctx);
    case 'strong':
    case 'b':
      return labelled(`#strong[${inner()}]`, e, ctx);
    case 'sup': {
      // A footnote's number is the footnote's marker, already raised.
      const only = e.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
      if (only.length === 1 && only[0]?.type === 'element' && only[0].properties['epub:type'] === 'noteref') return labelled(inline(only, ctx), e, ctx);
      return labelled(`#super[${inner()}]`, e, ctx);
    }
    case 'sub':
      return labelled(`#sub[${inner()}]`, e, ctx);
    case 'code':
    case 'kbd':
    case 'samp':
      return labelled(`#text(font: "DejaVu Sans Mono", size: 0.9em)[${inner()}]`, e, ctx);
    case 'br':
      return '#linebreak();';
    case 'wbr':
      return '';
    case 'u':
    case 'ins':
      return labelled(`#underline[${inner()}]`, e, ctx);
    case 's':
    case 'del':
      return labelled(`#strike[${inner()}]`, e, ctx);
    case 'mark':
      return labelled(`#highlight[${inner()}]`, e, ctx);
    case 'q':
      // The quotation marks a browser draws around <q>, in the text's language.
      return labelled(`#quote[${inner()}]`, e, ctx);
    default: {
      if (!INLINE.has(e.tagName))
        throw new EpubError(ctx.at, `<${e.tagName}${cls(e).length ? ` class="${cls(e).join(' ')}"` : ''}> inside a line of text cannot be typeset in the PDF`);
      // (A label on a sequence of content would hide the labels inside it: the id marks the start.)
      // A reference list's number is set apart from its entry by the page's layout: here by a space;
      // a chart's source line stands on a line of its own below the caption, in regular weight.
      if (has(e, 'chart-source')) return `#linebreak();#text(weight: "regular", size: 0.9em)[${anchor(e, ctx)}${inner()}]`;
      return `${anchor(e, ctx)}${inner()}${has(e, 'reference-number') ? text(' ') : ''}`;
    }
  }
}

/** Block content: runs of inline nodes become paragraphs, blocks are typeset as what they are. */
export function block(nodes: Node[], ctx: TypstContext): string {
  const out: string[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.some((n) => n.type !== 'text' || n.value.trim())) out.push(`#par[${inline(run, ctx, true)}]`);
    run = [];
  };
  for (const n of nodes) {
    if (n.type === 'comment' || (n.type === 'element' && isHidden(n))) continue;
    if (isInline(n)) {
      run.push(n);
      continue;
    }
    flush();
    if (n.type === 'element') out.push(blockElement(n, ctx));
  }
  flush();
  return out.filter(Boolean).join('\n\n');
}

function listItems(list: Element, ctx: TypstContext): string[] {
  return list.children
    .filter((c): c is Element => c.type === 'element')
    .map((li) => {
      if (li.tagName !== 'li') throw new EpubError(ctx.at, `<${li.tagName}> directly inside a <${list.tagName}> cannot be typeset in the PDF`);
      // A list's items are values in code: an item's id marks its start inside it.
      return `[${anchor(li, ctx)}${block(li.children, ctx)}]`;
    });
}

function tableMarkup(table: Element, ctx: TypstContext): string {
  const rows: { header: boolean; cells: Element[]; className: string[] }[] = [];
  let caption: Element | undefined;
  const addRows = (parent: Element, header: boolean) => {
    for (const tr of parent.children) {
      if (tr.type !== 'element') continue;
      if (tr.tagName !== 'tr') throw new EpubError(ctx.at, `<${tr.tagName}> inside a table section cannot be typeset in the PDF`);
      rows.push({ header, cells: tr.children.filter((c): c is Element => c.type === 'element'), className: cls(tr) });
    }
  };
  for (const part of table.children) {
    if (part.type !== 'element') continue;
    if (part.tagName === 'caption') caption = part;
    else if (part.tagName === 'thead') addRows(part, true);
    else if (part.tagName === 'tbody' || part.tagName === 'tfoot') addRows(part, false);
    else if (part.tagName === 'tr') addRows({ ...table, children: [part] }, false);
    else if (part.tagName !== 'colgroup') throw new EpubError(ctx.at, `<${part.tagName}> inside a <table> cannot be typeset in the PDF`);
  }
  // Columns: the widest row, counting spans, and the cells a rowspan carries down.
  const carried: number[] = [];
  let columns = 1;
  for (const row of rows) {
    const width = row.cells.reduce((sum, c) => sum + Number(c.properties.colSpan ?? 1), 0) + (carried.shift() ?? 0);
    columns = Math.max(columns, width);
    for (const c of row.cells) {
      const span = Number(c.properties.rowSpan ?? 1);
      for (let k = 0; k < span - 1; k++) carried[k] = (carried[k] ?? 0) + Number(c.properties.colSpan ?? 1);
    }
  }
  const cell = (c: Element) => {
    if (c.tagName !== 'td' && c.tagName !== 'th') throw new EpubError(ctx.at, `<${c.tagName}> inside a table row cannot be typeset in the PDF`);
    const args: string[] = [];
    const colspan = Number(c.properties.colSpan ?? 1);
    const rowspan = Number(c.properties.rowSpan ?? 1);
    if (colspan > 1) args.push(`colspan: ${colspan}`);
    if (rowspan > 1) args.push(`rowspan: ${rowspan}`);
    if (has(c, 'num')) args.push('align: right');
    const body = block(c.children, ctx).replace(/^#par\[(.*)\]$/s, (m, inner: string) => (inner.includes('#par[') ? m : inner));
    const content = anchor(c, ctx) + (c.tagName === 'th' ? `#strong[${body}]` : body);
    return `table.cell(${args.join(', ')})[${content}]`;
  };
  const header = rows.filter((r) => r.header);
  const body = rows.filter((r) => !r.header);
  const parts: string[] = [];
  if (header.length) parts.push(`table.header(${header.flatMap((r) => r.cells.map(cell)).join(', ')})`);
  for (const r of body) parts.push(...r.cells.map(cell));
  const typeset = `#table(columns: ${columns}, ${parts.join(', ')})`;
  const cap = caption && !isHidden(caption) ? `#par[#strong[${inline(caption.children, ctx)}]]\n\n` : '';
  return `${cap}${labelled(`#block(width: 100%)[#set text(size: 8.5pt)\n#set par(justify: false)\n${typeset}]`, table, ctx)}`;
}

function heading(e: Element, ctx: TypstContext): string {
  const level = Number(e.tagName[1]);
  // The work page's headings (the title page) are bookmarks, not entries of the table of contents.
  const outlined = ctx.titlePage ? ', outlined: false, bookmarked: true' : '';
  return labelled(`#heading(level: ${level}${outlined})[${inline(e.children, ctx)}]`, e, ctx);
}

function blockElement(e: Element, ctx: TypstContext): string {
  switch (e.tagName) {
    case 'p':
      return labelled(`#par[${inline(e.children, ctx, true)}]`, e, ctx);
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return heading(e, ctx);
    case 'ul': {
      // A dashed list prints its dashes in its text (as the source does); the site's lists of places cited draw none.
      const marker = has(e, 'list-dash') || has(e, 'cited-in') || has(e, 'references') ? 'none' : '[•]';
      return labelled(`#list(marker: ${marker}, ${listItems(e, ctx).join(', ')})`, e, ctx);
    }
    case 'ol': {
      const items = listItems(e, ctx);
      // The site's reference lists draw no numbers (a printed number is in the entry's text).
      if (has(e, 'references')) return labelled(`#list(marker: none, indent: 0pt, body-indent: 0pt, spacing: 0.9em, ${items.join(', ')})`, e, ctx);
      const start = Number(e.properties.start ?? 1);
      // The numbers as the page draws them: <ol type="a"> counts a., b., c.
      const type = String(e.properties.type ?? '1');
      const numbering = { a: 'a.', A: 'A.', i: 'i.', I: 'I.' }[type] ?? '1.';
      return labelled(`#enum(start: ${start}, numbering: ${str(numbering)}, full: false, ${items.join(', ')})`, e, ctx);
    }
    case 'table':
      return tableMarkup(e, ctx);
    case 'blockquote':
      return labelled(`#quote(block: true)[${block(e.children, ctx)}]`, e, ctx);
    case 'dl':
      return labelled(`#block[${block(e.children, ctx)}]`, e, ctx);
    case 'dt':
      return labelled(`#par[#strong[${inline(e.children, ctx)}]]`, e, ctx);
    case 'dd':
      return labelled(`#pad(left: 1.5em)[${block(e.children, ctx)}]`, e, ctx);
    case 'hr':
      return '#line(length: 100%, stroke: 0.5pt)';
    case 'figure':
      return labelled(`#block(breakable: true, above: 1.4em, below: 1.4em)[${block(e.children, ctx)}]`, e, ctx);
    case 'figcaption':
      return labelled(`#block[#set text(weight: "bold")\n${block(e.children, ctx)}]`, e, ctx);
    case 'aside':
    case 'div':
    case 'section':
    case 'header':
    case 'footer':
    case 'article':
    case 'main':
    case 'address':
    case 'details':
    case 'summary':
    case 'li': {
      const inner = block(e.children, ctx);
      const boxed =
        has(e, 'editor-note') || has(e, 'source-note') ? `#block(inset: (left: 0.8em), stroke: (left: 0.5pt + gray))[${inner}]` : `#block[${inner}]`;
      return labelled(boxed, e, ctx);
    }
    default:
      throw new EpubError(ctx.at, `<${e.tagName}${cls(e).length ? ` class="${cls(e).join(' ')}"` : ''}> cannot be typeset in the PDF`);
  }
}
