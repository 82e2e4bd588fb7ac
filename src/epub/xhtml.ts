// Turns a built page of the site into the body of an EPUB content document: the same rendered
// chapter (what the reader sees on the web page, from dist/), not a second conversion of its MDX.
// What only works on the web goes (link controls, sidenotes that repeat the footnotes, chart
// canvases and controls, scripts, popovers); footnotes become EPUB notes (noteref → aside
// footnote); links to other chapters of the work point into the book, other site links to the
// site; paragraph and heading ids stay as they are on the web. Serialised as XHTML (XML syntax).
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { findElements, hasClass, textOf, visitElements, type Parent } from '../markdown/hast.ts';

export type Node = RootContent | ElementContent;

export class EpubError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'EpubError';
  }
}

const cls = (el: Element): string[] => (Array.isArray(el.properties.className) ? el.properties.className : []);

/** The first element under `node` that passes `test`. */
export function find(node: Parent, test: (el: Element) => boolean): Element | undefined {
  return findElements(node, test)[0];
}

/** Removes every element under `node` that passes `test` (and what it contains). */
export function remove(node: Parent, test: (el: Element) => boolean): void {
  node.children = (node.children as Node[]).filter((c) => !(c.type === 'element' && test(c)));
  for (const c of node.children as Node[]) if (c.type === 'element') remove(c, test);
}

/** Replaces every element that passes `test` by its children. */
function unwrap(node: Parent, test: (el: Element) => boolean): void {
  const out: Node[] = [];
  for (const c of node.children as Node[]) {
    if (c.type === 'element') {
      unwrap(c, test);
      if (test(c)) {
        out.push(...(c.children as Node[]));
        continue;
      }
    }
    out.push(c);
  }
  node.children = out;
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });

/**
 * Where a link of the page goes in the book: a chapter of this work → its content document, the
 * work page → the title page, anything else of the site → the site (absolute), other URLs as they are.
 */
export interface LinkMap {
  /** The page's own URL on the site (to resolve relative links). */
  pageUrl: URL;
  /** Site path (`/work/chapter/`) → content document of the book (`chapter.xhtml`). */
  documents: Map<string, string>;
  /** The content document being written (a link into it keeps only its fragment). */
  self: string;
}

function rewriteHref(href: string, links: LinkMap): string {
  if (href.startsWith('#')) return href;
  let url: URL;
  try {
    url = new URL(href, links.pageUrl);
  } catch {
    return href;
  }
  if (url.origin !== links.pageUrl.origin) return href;
  const doc = links.documents.get(url.pathname);
  if (doc) return doc === links.self ? url.hash || '#' : `${doc}${url.hash}`;
  return url.href;
}

/** Web-only parts that a book leaves out (the book has its own table of contents and notes). */
function isWebOnly(e: Element): boolean {
  const c = cls(e);
  return (
    ['script', 'dialog', 'button', 'canvas', 'form', 'template', 'noscript', 'style'].includes(e.tagName) ||
    (e.properties.hidden !== undefined && e.properties.hidden !== false) ||
    c.includes('self-link') ||
    c.includes('correction-mark') ||
    c.includes('sidenote') ||
    c.includes('chart-controls') ||
    c.includes('chart-box') ||
    c.includes('chart-download') ||
    c.includes('link-notice') ||
    c.includes('downloads') ||
    c.includes('book-download')
  );
}

/**
 * GFM footnotes (`a[data-footnote-ref]` → `section[data-footnotes] li`) as EPUB 3 notes: the
 * reference gets epub:type="noteref", each note becomes an `<aside epub:type="footnote">` with the
 * note's id, and its number at the start links back to the reference.
 */
function footnotes(root: Parent): void {
  visitElements(root, (a) => {
    if (a.tagName === 'a' && a.properties.dataFootnoteRef !== undefined) {
      a.properties['epub:type'] = 'noteref';
      a.properties.role = 'doc-noteref';
    }
  });
  for (const section of findElements(root, (e) => e.tagName === 'section' && e.properties.dataFootnotes !== undefined)) {
    const heading = find(section, (e) => /^h[1-6]$/.test(e.tagName));
    const items = findElements(section, (e) => e.tagName === 'li' && typeof e.properties.id === 'string');
    const notes = items.map((li, i) => {
      const back = findElements(li, (e) => e.tagName === 'a' && e.properties.dataFootnoteBackref !== undefined);
      const backHref = back[0]?.properties.href;
      remove(li, (e) => e.tagName === 'a' && e.properties.dataFootnoteBackref !== undefined);
      const number: ElementContent = backHref
        ? el('a', { href: String(backHref), role: 'doc-backlink', className: ['note-number'] }, [{ type: 'text', value: String(i + 1) }])
        : el('span', { className: ['note-number'] }, [{ type: 'text', value: String(i + 1) }]);
      const children = li.children;
      const first = children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
      if (first) first.children.unshift(number, { type: 'text', value: '. ' });
      else children.unshift(number, { type: 'text', value: '. ' });
      return el('aside', { id: li.properties.id, 'epub:type': 'footnote', role: 'doc-footnote', className: ['footnote'] }, children);
    });
    if (heading) heading.properties.className = cls(heading).filter((c) => c !== 'sr-only' && c !== 'visually-hidden');
    section.properties = { className: ['footnotes'], 'epub:type': 'footnotes' };
    section.children = [...(heading ? [heading] : []), ...notes];
  }
}

/** A chart as its data: caption, summary and table (the canvas needs a browser). */
function charts(root: Parent): void {
  for (const figure of findElements(root, (e) => e.tagName === 'figure' && hasClass(e, 'chart'))) {
    remove(figure, (e) => e.tagName === 'summary');
  }
}

/** `<details>` opens nothing in many reading systems: its summary becomes a label above its text. */
function flattenDetails(root: Parent): void {
  visitElements(root, (d) => {
    if (d.tagName !== 'details') return;
    d.tagName = 'div';
    d.properties = { className: [...cls(d), 'details'] };
    for (const s of d.children) {
      if (s.type === 'element' && s.tagName === 'summary') {
        s.tagName = 'p';
        s.properties = { className: ['summary'] };
      }
    }
  });
}

const IDREFS = ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'htmlFor'] as const;
/** Attributes an EPUB content document has no use for or that EPUBCheck refuses. */
function cleanAttributes(root: Parent, ids: Set<string>): void {
  visitElements(root, (e) => {
    for (const key of Object.keys(e.properties)) {
      if (/^data[A-Z]/.test(key) || key === 'tabIndex' || key === 'download' || key === 'open' || key === 'hidden') delete e.properties[key];
    }
    for (const key of IDREFS) {
      const value = e.properties[key];
      if (value === undefined) continue;
      const refs = (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String).filter((r) => ids.has(r));
      if (refs.length) e.properties[key] = refs;
      else delete e.properties[key];
    }
    if (cls(e).length === 0) delete e.properties.className;
  });
}

function idsOf(root: Parent): Set<string> {
  const ids = new Set<string>();
  visitElements(root, (e) => {
    if (typeof e.properties.id === 'string') ids.add(e.properties.id);
  });
  return ids;
}

/** Makes the web content of one page (already cut out of the page) into book content, in place. */
export function toBookContent(root: Parent, links: LinkMap): void {
  remove(root, isWebOnly);
  unwrap(root, (e) => e.tagName === 'section' && hasClass(e, 'table-scroll'));
  footnotes(root);
  charts(root);
  flattenDetails(root);
  visitElements(root, (e) => {
    if (e.tagName === 'a' && typeof e.properties.href === 'string') e.properties.href = rewriteHref(e.properties.href, links);
  });
  cleanAttributes(root, idsOf(root));
}

/** An element's children as XHTML (XML syntax: every element closed, every attribute with a value). */
export function xhtml(nodes: Node[]): string {
  const root: Root = { type: 'root', children: nodes };
  visitElements(root, (e) => {
    for (const [key, value] of Object.entries(e.properties)) {
      if (value === true) throw new Error(`<${e.tagName}> keeps the boolean attribute ${key}, which XHTML cannot write without a value`);
    }
  });
  return toHtml(root, { closeSelfClosing: true, closeEmptyElements: true, tightSelfClosing: false, allowDangerousHtml: false });
}

export interface Heading {
  id: string;
  depth: number;
  text: string;
}

/** The sections of a content document for the table of contents (h2 and h3 with an id). */
export function headings(root: Parent): Heading[] {
  return findElements(root, (e) => /^h[23]$/.test(e.tagName) && typeof e.properties.id === 'string').map((h) => ({
    id: h.properties.id as string,
    depth: Number(h.tagName[1]),
    text: textOf(h).replace(/\s+/g, ' ').trim(),
  }));
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
