// The web-to-book conversion of src/epub/xhtml.ts on small pieces of rendered HTML: what the
// built-site tests (tests/content/epub.test.ts) rely on, case by case.
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { toBookContent, xhtml, type LinkMap } from '../../src/epub/xhtml.ts';

const links: LinkMap = {
  pageUrl: new URL('https://site.test/karya/bab-1/'),
  documents: new Map([
    ['/karya/', 'title.xhtml'],
    ['/karya/bab-1/', 'bab-1.xhtml'],
    ['/karya/daftar-pustaka/', 'daftar-pustaka.xhtml'],
  ]),
  self: 'bab-1.xhtml',
};

function convert(html: string): string {
  const root = fromHtml(`<div class="prose">${html}</div>`, { fragment: true });
  const prose = root.children[0] as Element;
  toBookContent(prose, links);
  return xhtml(prose.children);
}

describe('book content from a built page', () => {
  it('keeps paragraph ids and drops the web link controls and data attributes', () => {
    const out = convert('<p id="p-1a2b3c4d" data-para="1"><a class="self-link para-anchor" href="#p-1a2b3c4d" aria-label="Tautan"></a>Teks.</p>');
    expect(out).toBe('<p id="p-1a2b3c4d">Teks.</p>');
  });

  it('makes GFM footnotes EPUB notes, numbered, linking back', () => {
    const out = convert(
      '<p id="p-1">A<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p>' +
        '<div class="sidenote" aria-hidden="true"><p>copy</p></div>' +
        '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Catatan kaki</h2><ol><li id="user-content-fn-1"><p>Catatan. <a href="#user-content-fnref-1" data-footnote-backref="" class="data-footnote-backref">↩</a></p></li></ol></section>',
    );
    expect(out).toContain(
      '<a href="#user-content-fn-1" id="user-content-fnref-1" aria-describedby="footnote-label" epub:type="noteref" role="doc-noteref">1</a>',
    );
    expect(out).toContain(
      '<aside id="user-content-fn-1" epub:type="footnote" role="doc-footnote" class="footnote"><p><a href="#user-content-fnref-1" role="doc-backlink" class="note-number">1</a>. Catatan. </p></aside>',
    );
    expect(out).toContain('<h2 id="footnote-label">Catatan kaki</h2>');
    expect(out).not.toContain('copy');
    expect(out).not.toContain('↩');
  });

  it('points links to chapters of the work into the book, and other site links to the site', () => {
    const out = convert(
      '<p><a class="citation-link" href="../daftar-pustaka/#goma2020" aria-describedby="rujukan-goma2020">Goma</a> ' +
        '<a href="/karya/bab-1/#p-1">here</a> <a href="/daftar-pustaka/#goma2020">all</a> <a href="/karya/">work</a> <a href="https://example.org/x">out</a></p>',
    );
    expect(out).toContain('<a class="citation-link" href="daftar-pustaka.xhtml#goma2020">Goma</a>');
    expect(out).toContain('<a href="#p-1">here</a>');
    expect(out).toContain('<a href="https://site.test/daftar-pustaka/#goma2020">all</a>');
    expect(out).toContain('<a href="title.xhtml">work</a>');
    expect(out).toContain('<a href="https://example.org/x">out</a>');
  });

  it('gives a chart as its caption, summary and table, without canvas, controls or download', () => {
    const out = convert(
      '<figure class="chart" id="grafik-x" data-chart><script type="application/json" class="chart-spec">{}</script><figcaption>Grafik 1. X</figcaption><div class="chart-controls"></div>' +
        '<div class="chart-box" role="img" hidden><canvas></canvas></div><p class="chart-summary">Ringkasan.</p>' +
        '<details class="chart-data" open><summary>Tabel data</summary><section class="table-scroll" tabindex="0"><table><tbody><tr><td>1</td></tr></tbody></table></section></details>' +
        '<p class="chart-download"><a href="/data/x.csv" download>CSV</a></p></figure>',
    );
    expect(out).toBe(
      '<figure class="chart" id="grafik-x"><figcaption>Grafik 1. X</figcaption><p class="chart-summary">Ringkasan.</p><div class="chart-data details"><table><tbody><tr><td>1</td></tr></tbody></table></div></figure>',
    );
  });

  it('writes XML: void elements closed, no attribute without a value', () => {
    expect(convert('<p>a<br>b</p><details open><summary>S</summary>T</details>')).toBe('<p>a<br />b</p><div class="details"><p class="summary">S</p>T</div>');
    const input = { type: 'element', tagName: 'input', properties: { disabled: true }, children: [] } as Element;
    expect(() => xhtml([input])).toThrow(/boolean attribute disabled/);
  });
});
