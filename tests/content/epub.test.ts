// Each work of content/works/ downloads as an EPUB 3 that EPUBCheck passes with no error, made from
// the same rendered chapters as the web pages: the chapters in order, the same paragraph ids and
// text, every footnote an EPUB note, citations linked to the book's reference list, tables as
// tables, each chart as its data table, lang on every document; the work page links it with its size.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { en as enText } from '../../src/i18n/en.ts';
import { id as idText } from '../../src/i18n/id.ts';
import { classes, elements, epubcheck, epubFile, openBook } from '../support/epub.ts';
import { findPersonalData } from '../support/privacy.ts';
import { CONTENT, readBuilt, works } from '../support/site.ts';

const library = works();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (e: Element) => squash(toText(e));
const meta = (slug: string) => parse(readFileSync(join(CONTENT, 'works', `${slug}.yaml`), 'utf8'));

/** The web chapter's text element, as the reader sees it on /<work>/<chapter>/. */
function webProse(work: string, chapter: string): Element {
  const page = fromHtml(readBuilt(`/${work}/${chapter}/`));
  const prose = elements(page, (e) => classes(e).includes('prose'))[0];
  if (!prose) throw new Error(`/${work}/${chapter}/ has no .prose`);
  return prose;
}

describe.each(library.map((w) => [w.slug, w] as const))('EPUB of %s', (slug, work) => {
  it('passes EPUBCheck with no error', async () => {
    const check = await epubcheck(epubFile(slug));
    expect(check.fatals + check.errors, check.output).toBe(0);
  });

  it('is a zip whose first entry is the mimetype, stored uncompressed', () => {
    const bytes = readFileSync(epubFile(slug));
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8), 'compression method of the first entry').toBe(0);
    const nameLength = bytes.readUInt16LE(26);
    expect(bytes.subarray(30, 30 + nameLength).toString()).toBe('mimetype');
    expect(bytes.readUInt16LE(28), 'no extra field on mimetype').toBe(0);
    expect(bytes.subarray(30 + nameLength, 30 + nameLength + 20).toString()).toBe('application/epub+zip');
  });

  it("carries the work's metadata, and only what the work gives", async () => {
    const book = await openBook(epubFile(slug));
    const m = meta(slug);
    expect(book.opf).toContain(`<dc:language>${m.language}</dc:language>`);
    const title = /<dc:title>([^<]*)<\/dc:title>/.exec(book.opf)?.[1];
    expect(title && fromHtml(title, { fragment: true }).children.map((c) => ('value' in c ? c.value : '')).join('')).toBe(work.title);
    const creators = [...book.opf.matchAll(/<dc:creator[^>]*>([^<]*)<\/dc:creator>/g)].map((x) => x[1]!.replace(/&amp;/g, '&'));
    expect(creators).toEqual((m.authors as { name: string }[]).map((a) => a.name));
    if (m.year) expect(book.opf).toContain(`<dc:date>${m.year}</dc:date>`);
    else expect(book.opf).not.toContain('<dc:date>');
    expect(book.opf).not.toContain('<dc:rights>');
  });

  it('has the chapters in reading order, listed in its table of contents', async () => {
    const book = await openBook(epubFile(slug));
    const chapters = work.chapters.map((c) => `${c.slug}.xhtml`);
    expect(book.spine.filter((f) => chapters.includes(f))).toEqual(chapters);
    expect(book.spine[0]).toBe('title.xhtml');
    const nav = await book.doc('nav.xhtml');
    const toc = elements(nav, (e) => e.tagName === 'nav' && e.properties['epub:type'] === 'toc')[0]!;
    const top = elements(toc, (e) => e.tagName === 'a').map((a) => String(a.properties.href)).filter((h) => !h.includes('#'));
    expect(top).toEqual(['title.xhtml', ...chapters]);
  });

  it('puts lang (and xml:lang) on every content document', async () => {
    const book = await openBook(epubFile(slug));
    for (const file of book.spine) {
      const source = await book.text(`EPUB/${file}`);
      const root = /<html\b[^>]*>/.exec(source)?.[0] ?? '';
      const lang = /\slang="([^"]+)"/.exec(root)?.[1];
      expect(lang, file).toBeTruthy();
      expect(root, file).toContain(`xml:lang="${lang}"`);
    }
  });

  it.each(work.chapters.map((c) => [c.slug]))('%s: same paragraphs, ids and text as the web chapter', async (chapter) => {
    const book = await openBook(epubFile(slug));
    const doc = await book.doc(`${chapter}.xhtml`);
    const web = webProse(slug, chapter);
    const paragraphs = (root: Element | typeof doc) => elements(root, (e) => e.tagName === 'p' && /^p-/.test(String(e.properties.id ?? '')));
    const webParas = paragraphs(web);
    const bookParas = new Map(paragraphs(doc).map((p) => [String(p.properties.id), p]));
    expect([...bookParas.keys()]).toEqual(webParas.map((p) => String(p.properties.id)));
    for (const p of webParas) expect(text(bookParas.get(String(p.properties.id))!)).toBe(text(p));
    const headingIds = (root: Element | typeof doc) => elements(root, (e) => /^h[2-6]$/.test(e.tagName) && !!e.properties.id).map((h) => h.properties.id);
    expect(headingIds(doc).filter((id) => id !== 'footnote-label')).toEqual(headingIds(web).filter((id) => id !== 'footnote-label'));
  });

  it.each(work.chapters.map((c) => [c.slug]))('%s: every footnote is an EPUB note, with its text', async (chapter) => {
    const book = await openBook(epubFile(slug));
    const doc = await book.doc(`${chapter}.xhtml`);
    const web = webProse(slug, chapter);
    const webRefs = elements(web, (e) => e.tagName === 'a' && e.properties.dataFootnoteRef !== undefined);
    const webNotes = elements(web, (e) => e.tagName === 'section' && e.properties.dataFootnotes !== undefined).flatMap((s) => elements(s, (e) => e.tagName === 'li' && !!e.properties.id));
    const refs = elements(doc, (e) => e.tagName === 'a' && e.properties['epub:type'] === 'noteref');
    expect(refs.length).toBe(webRefs.length);
    const asides = new Map(elements(doc, (e) => e.tagName === 'aside' && e.properties['epub:type'] === 'footnote').map((a) => [String(a.properties.id), a]));
    expect(asides.size).toBe(webNotes.length);
    // Not only as many as the web page has: as many as the chapter's source asks for (its [^n]
    // definitions, and in a notes style a note for each bracketed citation), so that a change in
    // how the web marks its notes cannot make both sides empty.
    const mdx = readFileSync(join(CONTENT, 'chapters', slug, `${chapter}.mdx`), 'utf8');
    const definitions = (mdx.match(/^\[\^[^\]]+\]:/gm) ?? []).length;
    const noteCitations = meta(slug).citationStyle === 'chicago-notes' ? (mdx.match(/\[@/g) ?? []).length : 0;
    expect(asides.size).toBeGreaterThanOrEqual(definitions);
    if (noteCitations > 0) expect(asides.size).toBeGreaterThan(0);
    for (const ref of refs) expect(asides.has(String(ref.properties.href).replace(/^#/, '')), String(ref.properties.href)).toBe(true);
    for (const li of webNotes) {
      const aside = asides.get(String(li.properties.id));
      expect(aside, String(li.properties.id)).toBeDefined();
      // The note's words, without the web's "↩" back-link (the book links back from the number).
      expect(text(aside!)).toContain(text(li).replace(/\s*↩\s*/g, ' ').trim().split(' ').slice(0, 12).join(' '));
    }
  });

  it.each(work.chapters.map((c) => [c.slug]))('%s: citations link to the reference list inside the book', async (chapter) => {
    const book = await openBook(epubFile(slug));
    const doc = await book.doc(`${chapter}.xhtml`);
    const web = webProse(slug, chapter);
    // (not the margin's copies of the notes, which the book leaves out)
    const copies = new Set(elements(web, (e) => classes(e).includes('sidenote')).flatMap((n) => elements(n, (e) => e.tagName === 'a')));
    const webLinks = elements(web, (e) => e.tagName === 'a' && classes(e).includes('citation-link') && !copies.has(e));
    const links = elements(doc, (e) => e.tagName === 'a' && classes(e).includes('citation-link'));
    expect(links.length).toBe(webLinks.length);
    const mdx = readFileSync(join(CONTENT, 'chapters', slug, `${chapter}.mdx`), 'utf8');
    const toList = links;
    if (/\]\(<?@/.test(mdx)) expect(toList.length, 'links from citations to the reference list').toBeGreaterThan(0);
    for (const a of toList) {
      const [file, id] = String(a.properties.href).split('#');
      expect(book.spine, String(a.properties.href)).toContain(file);
      const target = await book.doc(file!);
      expect(elements(target, (e) => e.properties.id === id).length, String(a.properties.href)).toBe(1);
    }
  });

  it.each(work.chapters.map((c) => [c.slug]))('%s: tables as tables, each chart as its data table', async (chapter) => {
    const book = await openBook(epubFile(slug));
    const doc = await book.doc(`${chapter}.xhtml`);
    const web = webProse(slug, chapter);
    const tables = (root: Element | typeof doc) => elements(root, (e) => e.tagName === 'table').map((t) => squash(toText(t)));
    expect(tables(doc)).toEqual(tables(web));
    for (const figure of elements(web, (e) => e.tagName === 'figure' && classes(e).includes('chart'))) {
      const inBook = elements(doc, (e) => e.properties.id === figure.properties.id)[0];
      expect(inBook, String(figure.properties.id)).toBeDefined();
      expect(elements(inBook!, (e) => e.tagName === 'table').length).toBe(1);
      expect(elements(inBook!, (e) => e.tagName === 'canvas').length).toBe(0);
    }
  });

  it('publishes no personal data (the privacy check of the site, on every file inside the book)', async () => {
    const book = await openBook(epubFile(slug));
    const leaks: string[] = [];
    for (const name of Object.keys(book.zip.files)) {
      if (book.zip.files[name]!.dir) continue;
      for (const what of findPersonalData(await book.text(name))) leaks.push(`${name}: ${what}`);
    }
    expect(leaks).toEqual([]);
  });

  it('is linked from the work page, in both interfaces, with its size', () => {
    const kb = Math.max(1, Math.round(statSync(epubFile(slug)).size / 1024));
    for (const page of [`/${slug}/`, `/en/${slug}/`]) {
      const html = readBuilt(page);
      const p = /<p class="book-download">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
      expect(p, page).toContain(`href="/${slug}/${slug}.epub"`);
      expect(p, page).toContain(`>${(page.startsWith('/en/') ? enText : idText).epub.size(kb)}<`);
    }
  });
});

describe('EPUBCheck', () => {
  it('finds the errors of a broken book (so its silence means something)', async () => {
    const work = library[0]!;
    const zip = await JSZip.loadAsync(readFileSync(epubFile(work.slug)));
    const first = `EPUB/${work.chapters[0]!.slug}.xhtml`;
    const xhtml = await zip.file(first)!.async('string');
    zip.file(first, xhtml.replace('</section>', '<section><p>unclosed</section>'));
    zip.remove('EPUB/nav.xhtml');
    const dir = mkdtempSync(join(tmpdir(), 'epub-'));
    const broken = join(dir, 'broken.epub');
    writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer' }));
    try {
      const check = await epubcheck(broken);
      expect(check.fatals + check.errors).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
