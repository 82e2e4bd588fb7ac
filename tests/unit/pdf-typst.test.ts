// The Typst markup of src/pdf/typst.ts, compiled: an author's text prints as itself whatever Typst
// would read as markup in it (# $ * _ @ < [ \ and the rest), in a paragraph, a heading, a list, a
// table, a footnote and a link; an element the PDF cannot typeset stops the build naming the page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { compileTypst } from '../../src/pdf/compile.ts';
import { block, str, type TypstContext } from '../../src/pdf/typst.ts';

const HARD =
  'a # b $ c * d _ e @ f < g [ h ] i \\ j ` k ~ l " m = n - o + p / q // r /* s */ t <lbl> u #let x = 1; v $x^2$ w *bold* _it_ @ref [link](x) #"str"; \\u{41} y';

function context(at = '/karya/bab/index.html'): TypstContext {
  return {
    at,
    titlePage: false,
    label: (id) => `bab/${id}`,
    target: (href) => (href.startsWith('#') ? { label: `bab/${href.slice(1)}` } : { url: href }),
    labels: new Map(),
    notes: new Map(),
  };
}

function fragment(html: string): Element {
  return { type: 'element', tagName: 'div', properties: {}, children: fromHtml(html, { fragment: true }).children as Element['children'] };
}

function pdfText(markup: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-typst-'));
  try {
    const file = join(dir, 'test.pdf');
    writeFileSync(file, compileTypst(`#set page(width: 30cm, height: auto)\n#set text(hyphenate: false)\n${markup}`, 'test', 0).pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('Typst markup from a page', () => {
  it('writes a string literal that Typst reads back as the same text', () => {
    expect(str('a"b\\c\nd\te')).toBe('"a\\"b\\\\c\\nd\\te"');
  });

  it('prints # $ * _ @ < [ \\ and the rest as themselves, wherever the text stands', () => {
    const h = escapeHtml(HARD);
    const html = `<h2 id="h">${h}</h2><p id="p-1">${h} <em>${h}</em> <strong>${h}</strong> <a href="#p-1">${h}</a><sup><a href="#fn-1" epub:type="noteref">1</a></sup></p>
      <ul><li>${h}</li></ul><table><thead><tr><th>${h}</th></tr></thead><tbody><tr><td>${h}</td></tr></tbody></table>`;
    const ctx = context();
    ctx.notes.set('fn-1', fragment(`<p>${h}</p>`));
    const root = fragment(html);
    // toBookContent marks a footnote reference with epub:type; the parser keeps it as an attribute.
    for (const a of root.children)
      if (a.type === 'element' && a.tagName === 'p')
        (a.children.at(-1) as Element).children.forEach((c) => c.type === 'element' && (c.properties['epub:type'] = 'noteref'));
    const text = pdfText(block(root.children, ctx)).replace(/\s+/g, ' ');
    const squashed = HARD.replace(/\s+/g, ' ');
    // heading, paragraph, emphasis, strong, link, list item, table header and cell, footnote
    expect(text.split(squashed).length - 1).toBe(9);
    expect(ctx.labels.has('bab/p-1')).toBe(true);
    expect(ctx.labels.has('bab/h')).toBe(true);
  });

  it('stops at an element it cannot typeset, naming the page', () => {
    expect(() => block(fragment('<p>text <img src="x.png" alt="x"></p>').children, context('/karya/bab-2/index.html'))).toThrow(
      /\/karya\/bab-2\/index\.html: <img> inside a line of text cannot be typeset/,
    );
    expect(() => block(fragment('<video src="x"></video>').children, context('/karya/bab-3/index.html'))).toThrow(
      /\/karya\/bab-3\/index\.html: <video> cannot be typeset/,
    );
  });

  it('stops at a link to an id the document does not have, or at a warning, naming the file', () => {
    expect(() => compileTypst('#link(label("nowhere"))[x]', '/karya/karya.pdf', 0)).toThrow(/\/karya\/karya\.pdf: the PDF could not be typeset/);
    expect(() => compileTypst('#set text(font: "No Such Font")\nx', '/karya/karya.pdf', 0)).toThrow(/\/karya\/karya\.pdf: Typst warns/);
  });
});
