// Each work of content/works/ downloads as a PDF (src/pdf/) that reads as the work: pdftotext of it
// holds every word of the work's source in order, as printed (the fidelity test's measure and
// exclusions; emphasis, which a PDF's text layer does not carry, apart), its footnotes included;
// qpdf finds no error; its outline holds every chapter and section; every paragraph and heading id
// of the web pages is a named destination; its metadata names the work's title, authors and
// language; the work page and its chapters link it (size, citation_pdf_url), and the service worker
// never saves it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { report } from '../support/printed.ts';
import { destinations, info, outline, pdfDifferences, pdfFile, pdfPages, run } from '../support/pdf.ts';
import { classes, elements } from '../support/epub.ts';
import { CONTENT, DIST, readBuilt, works } from '../support/site.ts';

const library = works();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const meta = (slug: string) => parse(readFileSync(join(CONTENT, 'works', `${slug}.yaml`), 'utf8'));

describe.each(library.map((w) => [w.slug, w] as const))('PDF of %s', (slug, work) => {
  const file = pdfFile(slug);

  it('holds every word of the source in order, as printed, footnotes included', () => {
    const diffs = pdfDifferences(file, work.sourceFile);
    expect(diffs.words, 'the source has printed text').toBeGreaterThan(0);
    expect(report(diffs.body), 'the body text').toEqual([]);
    expect(report(diffs.notes), 'the footnotes').toEqual([]);
  });

  it('passes qpdf --check', () => {
    const check = run('qpdf', ['--check', file]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).toBe('');
  });

  it("carries the work's title, authors and language, and only what the work gives", async () => {
    const m = meta(slug);
    const fields = info(file);
    expect(fields.Title).toBe(work.title);
    const authors = (m.authors as { name: string }[]).map((a) => a.name);
    if (authors.length) expect(fields.Author).toBe(authors.join(', '));
    else expect(fields.Author ?? '').toBe('');
    for (const k of (m.keywords?.[m.language] ?? []) as string[]) expect(fields.Keywords).toContain(k);
    // Subject: the abstract in the work's language (emphasis marks dropped), where the work has one.
    const abstract = squash(((m.abstracts?.[m.language] ?? []) as string[]).join(' ').replace(/[*_]/g, ''));
    if (abstract) expect(squash(fields.Subject ?? '')).toContain(abstract.slice(0, 80));
    expect(fields['Page size']).toContain('A4');
    const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toBe(m.language);
  });

  it('has every chapter and section in its outline, in order', () => {
    const marks = outline(file).map((o) => squash(o.title));
    const expected: string[] = [];
    for (const c of work.chapters) {
      const page = fromHtml(readBuilt(`/${slug}/${c.slug}/`));
      const article = elements(page, (e) => e.tagName === 'article' && classes(e).includes('chapter'))[0]!;
      const prose = elements(article, (e) => classes(e).includes('prose'))[0]!;
      expected.push(squash(toText(elements(article, (e) => e.tagName === 'h1')[0]!)));
      for (const h of elements(prose, (e) => /^h[2-6]$/.test(e.tagName) && !!e.properties.id && e.properties.id !== 'footnote-label')) expected.push(squash(toText(h)));
    }
    const inOrder = marks.filter((m) => expected.includes(m));
    expect(expected.filter((e) => !marks.includes(e)), 'missing from the outline').toEqual([]);
    expect([...new Set(inOrder)]).toEqual([...new Set(expected)]);
  });

  it('has every paragraph and heading id of the web chapters as a named destination, opening the page it is on', () => {
    const names = destinations(file);
    const pages = pdfPages(file).map((p) => p.replace(/\s+/g, ''));
    const ids: { chapter: string; id: string; start: string }[] = [];
    for (const c of work.chapters) {
      const prose = elements(fromHtml(readBuilt(`/${slug}/${c.slug}/`)), (e) => classes(e).includes('prose'))[0]!;
      for (const e of elements(prose, (x) => (x.tagName === 'p' && /^p-/.test(String(x.properties.id ?? ''))) || (/^h[2-6]$/.test(x.tagName) && !!x.properties.id && x.properties.id !== 'footnote-label'))) {
        ids.push({ chapter: c.slug, id: String(e.properties.id), start: squash(toText(e)).split(' ').slice(0, 3).join('') });
      }
      expect(names.has(c.slug), `${c.slug} (the chapter's first page)`).toBe(true);
    }
    expect(ids.length).toBeGreaterThan(0);
    // An id the work uses once is the name as it is; one several chapters use is <chapter>/<id>.
    const page = ({ chapter, id }: { chapter: string; id: string }) => names.get(id) ?? names.get(`${chapter}/${id}`);
    expect(ids.filter((i) => page(i) === undefined).map((m) => `${m.chapter}#${m.id}`), 'no named destination').toEqual([]);
    // The page a name opens shows the start of that paragraph or heading.
    expect(ids.filter((i) => !pages[page(i)! - 1]?.includes(i.start)).map((m) => `${m.chapter}#${m.id} (page ${page(m)}: “${m.start}”)`), 'opens another page').toEqual([]);
  });

  it('prints each chart as its number, source, summary and data table', () => {
    const text = pdfPages(file).join('\n').replace(/\s+/g, '');
    const flat = (e: Parameters<typeof toText>[0]) => toText(e).replace(/\s+/g, '');
    const part = (figure: Parameters<typeof elements>[0], name: string) => elements(figure, (e) => classes(e).includes(name))[0];
    for (const c of work.chapters) {
      for (const figure of elements(fromHtml(readBuilt(`/${slug}/${c.slug}/`)), (e) => e.tagName === 'figure' && classes(e).includes('chart'))) {
        const at = `${c.slug}#${String(figure.properties.id)}`;
        for (const name of ['chart-number', 'chart-source', 'chart-summary']) {
          const e = part(figure, name);
          if (e) expect(text, `${at}: ${name}`).toContain(flat(e));
        }
        // A cell as the page shows it (a missing value's "–"; its words for screen readers are not printed).
        const shown = (e: Element): string =>
          e.children.map((n) => (n.type === 'text' ? n.value : n.type === 'element' && !classes(n).includes('visually-hidden') ? shown(n) : '')).join('');
        const cells = elements(part(figure, 'chart-data')!, (e) => e.tagName === 'td' || e.tagName === 'th').map((e) => shown(e).replace(/\s+/g, ''));
        expect(cells.length, `${at}: a data table`).toBeGreaterThan(0);
        expect(cells.filter((cell) => !text.includes(cell)), `${at}: data table cells missing from the PDF`).toEqual([]);
      }
    }
  });

  it('names each chapter\'s web address', () => {
    const text = pdfPages(file).join('\n').replace(/\s+/g, '');
    const site = /<link rel="canonical" href="(https?:\/\/[^/"]+)/.exec(readBuilt(`/${slug}/`))?.[1];
    expect(site).toBeTruthy();
    for (const c of work.chapters) expect(text).toContain(`${site}/${slug}/${c.slug}/`);
  });

  it('is offered on the work page with its size, and named in citation_pdf_url on the work and chapter pages', () => {
    const url = `/${slug}/${slug}.pdf`;
    const html = readBuilt(`/${slug}/`);
    const link = elements(fromHtml(html), (e) => e.tagName === 'a' && e.properties.href === url && e.properties.type === 'application/pdf')[0];
    expect(link).toBeDefined();
    expect(html).not.toContain('data-pdf-size');
    const kb = Math.max(1, Math.round(readFileSync(file).length / 1024));
    expect(squash(toText(fromHtml(html)))).toContain(`${kb.toLocaleString('id-ID')} KB`);
    for (const page of [`/${slug}/`, ...work.chapters.map((c) => `/${slug}/${c.slug}/`)]) {
      const tag = /<meta name="citation_pdf_url" content="([^"]+)"/.exec(readBuilt(page))?.[1];
      expect(tag, page).toMatch(new RegExp(`^https?://[^/]+${url.replace(/[.]/g, '\\.')}$`));
    }
  });
});

describe('the PDFs and the service worker', () => {
  it('saves no PDF for offline reading (neither in the core nor in a saved work)', () => {
    const lists = [join(DIST, 'sw.js'), ...readdirSync(join(DIST, '_offline')).map((f) => join(DIST, '_offline', f))];
    for (const list of lists) expect(readFileSync(list, 'utf8'), list).not.toMatch(/\.pdf\b/);
  });
});
