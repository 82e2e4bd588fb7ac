// Renders the citations of a chapter ([@key], [@key, 26], [@a; @b], @key) with rehype-citation, in
// the style of the chapter's work (content/works/<work>.yaml `citationStyle`) and the Indonesian
// locale, then gives each citation a stable id, links it to its entry, and records it in the
// chapter's front matter (`citations`) for the pages: popovers, reference lists, back-links.
//
// Bad input stops the build naming the file, the line and the key: an unknown key, a citation
// where rehype-citation cannot see it (inside emphasis, a heading, a link), or an entry cited in a
// numbered work whose printed list does not hold it.
import { relative } from 'node:path';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { VFile } from 'vfile';
import { cachedCite, isNote, isNumbered, LOCALE, styleOfWork, templateFor, workKeys, type CiteprocEngine } from '../citations/engine.ts';
import { printedDiffers, printedHtml } from '../citations/entries.ts';
import { citationId, entryUrlFromChapter, previewId } from '../citations/ids.ts';
import { BIBLIOGRAPHY_FILE, chapterError, loadLibrary } from '../citations/library.ts';
import { citationRE, parseCitation, rehypeCitationGenerator } from '../citations/rehype-citation.ts';
import { id as t } from '../i18n/id.ts';
import { findElements, textOf } from './hast.ts';
import { linkUrls } from './rehype-link-urls.ts';


/** What a page needs to know about one rendered citation. */
export interface RenderedCitation {
  /** The element id (stable: first key and its count in the chapter). */
  id: string;
  keys: string[];
  /** The citation as rendered, e.g. "(Suwarno dkk., 2018, hlm. 114)"; for a note style its note's number. */
  text: string;
  note?: boolean;
}

export interface CitationsOptions {
  /** The project root (content/, src/citations/csl/). */
  root: string;
}

/** Where rehype-citation looks for citations (its `permittedTags`). */
const PERMITTED = new Set(['div', 'p', 'span', 'li', 'td', 'th']);
const PLACES: Record<string, string> = {
  em: 'emphasis', i: 'emphasis', strong: 'strong emphasis', b: 'strong emphasis', a: 'a link',
  h1: 'a heading', h2: 'a heading', h3: 'a heading', h4: 'a heading', h5: 'a heading', h6: 'a heading',
  sup: 'a superscript', sub: 'a subscript', del: 'a strikethrough', caption: 'a table caption',
};
/** Text that is code, not prose: a citation-like string there is meant literally. */
const LITERAL = new Set(['code', 'pre', 'kbd', 'samp']);

type Frontmatter = Record<string, unknown> & { work?: unknown; citations?: RenderedCitation[] };
type Transformer = (tree: Root, file: VFile) => Promise<void>;
type AnyParent = { type: string; tagName?: string; children: (RootContent | ElementContent)[] };

interface Found {
  keys: string[];
  raw: string;
  line?: number;
  column?: number;
  parent?: string;
}

/** Every citation-shaped string in the tree's prose, with where it is. */
function findCitations(tree: Root): Found[] {
  const out: Found[] = [];
  const re = new RegExp(citationRE.source, 'gu');
  const walk = (node: AnyParent) => {
    for (const child of node.children) {
      if (child.type === 'text') {
        for (const m of child.value.matchAll(re)) {
          const [entries] = parseCitation(m);
          const before = child.value.slice(0, m.index);
          const nl = before.lastIndexOf('\n');
          const start = child.position?.start;
          out.push({
            keys: entries.map((e) => String(e.id)),
            raw: m[0],
            line: start && start.line + (before.match(/\n/g)?.length ?? 0),
            column: start && (nl < 0 ? start.column + m.index : m.index - nl),
            parent: node.tagName,
          });
        }
      } else if ('children' in child && !(child.type === 'element' && LITERAL.has(child.tagName))) {
        walk(child as AnyParent);
      }
    }
  };
  walk(tree as AnyParent);
  return out;
}

/** The inline nodes that cover text offsets [start, end) of `nodes`, cloned. */
function sliceNodes(nodes: ElementContent[], start: number, end: number): ElementContent[] {
  const out: ElementContent[] = [];
  let pos = 0;
  for (const node of nodes) {
    const len = textOf(node).length;
    const a = pos;
    pos += len;
    if (pos <= start || a >= end) continue;
    const from = Math.max(0, start - a);
    const to = Math.min(len, end - a);
    if (node.type === 'text') out.push({ type: 'text', value: node.value.slice(from, to) });
    else if (node.type === 'element') out.push({ ...node, children: sliceNodes(node.children, from, to) });
  }
  return out;
}

interface Segment {
  start: number;
  end: number;
  keys: string[];
}

/** Which part of an in-text citation's text stands for which entries. */
function segmentsOf(text: string, keys: string[], sorted: string[], numbers: Map<number, string> | undefined): Segment[] {
  const start = /^[([]/.test(text) ? 1 : 0;
  const end = /[)\]]$/.test(text) ? text.length - 1 : text.length;
  const whole = [{ start, end, keys }];
  if (keys.length === 1) return whole;
  if (numbers) {
    // "(3,4)" or "(1–3)": each number links to its entry; one hidden inside a range joins the one before.
    const segments: Segment[] = [];
    for (const m of text.matchAll(/\d+/g)) {
      const key = numbers.get(Number(m[0]));
      if (key && keys.includes(key)) segments.push({ start: m.index, end: m.index + m[0].length, keys: [key] });
    }
    if (!segments.length) return whole;
    for (const key of keys) {
      if (segments.some((s) => s.keys.includes(key))) continue;
      const n = [...numbers].find(([, k]) => k === key)?.[0] ?? 0;
      const before = segments.filter((s) => Number(text.slice(s.start, s.end)) < n).at(-1) ?? segments[0]!;
      before.keys.push(key);
    }
    return segments;
  }
  // Author-date: the style separates the cites of a cluster with "; ", in its own (sorted) order.
  const pieces = text.slice(start, end).split('; ');
  if (pieces.length !== sorted.length) return whole;
  const segments: Segment[] = [];
  let pos = start;
  pieces.forEach((piece, i) => {
    segments.push({ start: pos, end: pos + piece.length, keys: [sorted[i]!] });
    pos += piece.length + 2;
  });
  return segments;
}

/**
 * The source's own wording of a citation the style renders with another author or year (an
 * editorial insertion in brackets, as "[dihapus: …]" is): " [tercetak: Edwardus Iwantri, 2020]".
 */
function citedAsMark(printed: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['cited-as'] },
    children: [
      { type: 'text', value: ' [' },
      { type: 'element', tagName: 'span', properties: { dataL10nText: 'citedAsPrinted' }, children: [{ type: 'text', value: t.citedAsPrinted }] },
      { type: 'text', value: `: ${printed}]` },
    ],
  };
}

function link(keys: string[], children: ElementContent[]): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: ['citation-link'],
      href: entryUrlFromChapter(keys[0]!),
      dataCites: keys.join(' '),
      ariaDescribedBy: keys.map(previewId),
    },
    children,
  };
}

export function rehypeCitations({ root }: CitationsOptions) {
  let engine: CiteprocEngine | undefined;
  let registration: string[] = [];
  // The plugin factory, called directly for one transformer per style (its options fix the style).
  const rehypeCitation = rehypeCitationGenerator(cachedCite(root, () => registration, (e) => (engine = e))) as unknown as (
    options: Record<string, unknown>,
  ) => Transformer;
  const transformers = new Map<string, Transformer>();
  // One file at a time: the engines are shared and reset per file, and the ids below are read from
  // the engine after rehype-citation has used it.
  let queue: Promise<unknown> = Promise.resolve();

  async function transform(tree: Root, file: VFile) {
    const frontmatter = (file.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter;
    const work = typeof frontmatter?.work === 'string' ? frontmatter.work : undefined;
    if (!frontmatter || !work) return;
    const path = file.path ? relative(root, file.path) : '(markdown)';
    const found = findCitations(tree);
    if (!found.length) return;

    const library = loadLibrary(root);
    const style = styleOfWork(root, work);
    for (const c of found) {
      const fail = (message: string) => chapterError(path, c.line, c.column, message);
      const unknown = c.keys.find((k) => !library.byId.has(k));
      if (unknown) throw fail(`unknown citation key "${unknown}" in ${c.raw} (no entry with that id in ${BIBLIOGRAPHY_FILE})`);
      if (c.parent && !PERMITTED.has(c.parent)) {
        const place = PLACES[c.parent] ?? `<${c.parent}>`;
        throw fail(`citation ${c.raw} (key "${c.keys[0]}") is inside ${place}, where rehype-citation does not render it: move it out`);
      }
      if (isNumbered(style)) {
        const unlisted = c.keys.find((k) => !library.byId.get(k)!.listedIn.includes(work));
        if (unlisted) throw fail(`"${unlisted}" is cited in ${work}, which numbers its references by its printed list, but the entry is not in that list (custom.listedIn)`);
      }
    }

    const template = templateFor(root, style);
    let transformer = transformers.get(template);
    if (!transformer) {
      transformer = rehypeCitation({ bibliography: BIBLIOGRAPHY_FILE, path: root, csl: template, lang: LOCALE, suppressBibliography: true });
      transformers.set(template, transformer);
    }
    const restoreLinks = isNote(style) ? prepareNotes(tree) : undefined;
    engine = undefined;
    registration = workKeys(root, work, found.flatMap((c) => c.keys));
    await transformer(tree, file);
    restoreLinks?.();
    if (!engine) throw new Error(`${path}: rehype-citation did not render the citations`);
    const used: CiteprocEngine = engine;

    const numbers = isNumbered(style)
      ? new Map(Object.entries(used.registry.registry).map(([key, item]) => [item.seq, key] as const))
      : undefined;
    const counts = new Map<string, number>();
    const citations: RenderedCitation[] = [];
    const spans = findElements(tree, (el) => el.tagName === 'span' && String(el.properties.id ?? '').startsWith('citation--'));
    for (const span of spans) {
      // rehype-citation's id: citation--<key>--<key>--<n>, n counting the file's citations from 1.
      const parts = String(span.properties.id).split('--');
      const n = parts.pop()!;
      const keys = parts.slice(1);
      const first = keys[0]!;
      const count = (counts.get(first) ?? 0) + 1;
      counts.set(first, count);
      const id = citationId(first, count);
      span.properties = { id, className: ['citation'], dataCites: keys.join(' ') };
      if (isNote(style)) {
        const ref = findElements(span, (el) => el.tagName === 'a')[0];
        if (ref) ref.properties.dataCites = keys.join(' ');
        citations.push({ id, keys, text: textOf(span).trim(), note: true });
        continue;
      }
      const text = textOf(span);
      const sorted = (used.registry.citationreg.citationById[`CITATION-${n}`]?.sortedItems ?? []).map(([, item]) => item.id);
      const segments = segmentsOf(text, keys, sorted.length ? sorted : keys, numbers);
      const children: ElementContent[] = [];
      let pos = 0;
      for (const s of segments) {
        // A numbered work shows the number its printed list gives (the same as citeproc's once the
        // list is complete; the printed one wins while entries are missing from the file).
        const printed = numbers && s.keys.length && library.byId.get(s.keys[0]!)!.number[work];
        const inner = printed ? [{ type: 'text', value: String(printed) } satisfies Text] : sliceNodes(span.children, s.start, s.end);
        children.push(...sliceNodes(span.children, pos, s.start), link(s.keys, inner));
        pos = s.end;
      }
      children.push(...sliceNodes(span.children, pos, text.length));
      span.children = children;
      citations.push({ id, keys, text: textOf(span) });
      const printedAs = keys.flatMap((k) => library.byId.get(k)!.citedAs[work] ?? []);
      if (printedAs.length) span.children.push(citedAsMark(printedAs.join('; ')));
    }

    if (isNote(style)) localiseNotes(tree, spans, (key) => library.byId.get(key)?.printed[work]);
    // Anything still shaped like a citation was not rendered: say where, rather than print "[@".
    const left = findCitations(tree).find((c) => c.keys.every((k) => library.byId.has(k)));
    if (left) throw chapterError(path, left.line, left.column, `citation ${left.raw} (key "${left.keys[0]}") was not rendered: rehype-citation only sees citations in running text`);
    frontmatter.citations = citations;
  }

  return (tree: Root, file: VFile) => {
    const run = queue.then(() => transform(tree, file));
    queue = run.catch(() => undefined);
    return run;
  };
}

/**
 * Works around two slips of rehype-citation's note mode with the author's own footnotes: it looks
 * for the section by a truthy `dataFootnotes` (rehype-raw leaves ""), and it renumbers the first
 * link of each note, which is the note's URL when it has one. Returns the repair to run after it.
 */
function prepareNotes(tree: Root): () => void {
  const section = findElements(tree, (el) => el.tagName === 'section' && 'dataFootnotes' in el.properties)[0];
  if (!section) return () => undefined;
  section.properties.dataFootnotes = true;
  const links = findElements(section, (el) => el.tagName === 'a' && !('dataFootnoteBackref' in el.properties));
  const hrefs = links.map((a) => a.properties.href);
  return () => {
    links.forEach((a, i) => (a.properties.href = hrefs[i]));
  };
}

/**
 * rehype-citation rebuilds the footnote section for note styles in English; put back the labels
 * the rest of the site uses, link URLs in the notes, and add to each citation's note a link to its
 * entry in the work's reference list.
 */
function localiseNotes(tree: Root, spans: Element[], printedOf: (key: string) => string | undefined) {
  const section = findElements(tree, (el) => el.tagName === 'section' && 'dataFootnotes' in el.properties)[0];
  if (!section) return;
  const heading = findElements(section, (el) => el.tagName === 'h2')[0];
  if (heading) heading.children = [{ type: 'text', value: t.footnotesHeading } satisfies Text];
  const items = findElements(section, (el) => el.tagName === 'li');
  items.forEach((li) => {
    // (rehypeFootnotes labels the back links, in both interface languages.)
    for (const back of findElements(li, (el) => 'dataFootnoteBackref' in el.properties)) back.properties.href = `#${String(li.properties.id).replace('fn-', 'fnref-')}`;
  });
  const shown = new Set<string>();
  for (const span of spans) {
    const ref = findElements(span, (el) => el.tagName === 'a')[0];
    const li = items.find((item) => `#${String(item.properties.id)}` === ref?.properties.href);
    const p = li && findElements(li, (el) => el.tagName === 'p')[0];
    const note = p?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'span');
    if (!p || !note) continue;
    note.properties.className = ['csl-note'];
    linkUrls(note);
    const keys = String(span.properties.dataCites).split(' ');
    const links: ElementContent[] = keys.flatMap((key) => [
      { type: 'text', value: ' ' } satisfies Text,
      { type: 'element', tagName: 'a', properties: { className: ['note-entry-link'], href: entryUrlFromChapter(key), dataL10nText: 'seeEntry' }, children: [{ type: 'text', value: t.seeEntry }] } satisfies Element,
    ]);
    links.push({ type: 'text', value: ' ' });
    p.children.splice(p.children.indexOf(note) + 1, 0, ...links);
    // The note as the source prints it (access dates, URLs) stays with the first note of each entry.
    for (const key of keys) {
      const printed = printedOf(key);
      if (shown.has(key) || !printed || !printedDiffers(printed, textOf(note))) continue;
      shown.add(key);
      li!.children.push(fromHtml(`<details class="note-printed"><summary data-l10n-text="printedInSource">${t.printedInSource}</summary>${printedHtml(printed)}</details>`, { fragment: true }).children[0] as Element);
    }
  }
}
