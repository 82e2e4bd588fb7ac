// The citation modules: the bibliography file's checks, each work's style through the real plugin
// and the real content/bibliography.json, URL linking, and the BibTeX/RIS writers.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { printedHtml } from '../../src/bibliography/entries.ts';
import { referencesBibtex, referencesRis } from '../../src/bibliography/export.ts';
import { loadLibrary, parseLibrary } from '../../src/bibliography/library.ts';
import { markdownOptions } from '../../src/markdown/pipeline.ts';
import { linkUrls } from '../../src/markdown/rehype-link-urls.ts';
import { ROOT } from '../support/site.ts';

const WORKS = ['borotoding-2024', 'kokomakingi-2024'];
const entry = (fields: string) => `{ "id": "a2020", "type": "book", "title": "Judul", ${fields} }`;

function parseError(text: string): string {
  try {
    parseLibrary(text, 'content/bibliography.json', WORKS);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('bibliography file checks', () => {
  it('accepts a valid entry with its custom fields', () => {
    const lib = parseLibrary(
      `[\n${entry('"custom": { "listedIn": ["borotoding-2024"], "printed": { "borotoding-2024": "A. (2020). *Judul*." } }')}\n]`,
      'b.json',
      WORKS,
    );
    expect(lib.byId.get('a2020')).toMatchObject({ line: 2, listedIn: ['borotoding-2024'], incomplete: false });
  });

  it('gives each entry of a pretty-printed file the line it starts on', () => {
    // As JSON.stringify(…, null, 2) writes the file: each entry spans several lines, strings may hold "{".
    const items = Array.from({ length: 40 }, (_, i) => ({
      id: `k${i}`,
      type: 'book',
      title: i % 3 ? `Judul ${i}` : `Judul {${i}}\nbaris`,
      author: [{ family: 'A' }],
    }));
    const text = JSON.stringify(items, null, 2);
    const lines = text.split('\n');
    const lib = parseLibrary(text, 'b.json', WORKS);
    for (const ref of lib.references) expect(lines[ref.line - 1], ref.id).toBe('  {');
    expect(lib.references.map((r) => lines[r.line]!.trim())).toEqual(items.map((x) => `"id": "${x.id}",`));
  });

  it('names the line of malformed JSON', () => {
    expect(parseError('[\n{ "id": "a2020",\n  "type": }\n]')).toMatch(/^content\/bibliography\.json:3: malformed JSON/);
  });

  it('names the line and key of a duplicate, and where the first one is', () => {
    expect(parseError(`[\n${entry('"author": [{"family": "A"}]')},\n${entry('"author": [{"family": "B"}]')}\n]`)).toBe(
      'content/bibliography.json:3: duplicate key "a2020" (first at line 2)',
    );
  });

  it.each([
    ['an unknown type', '{ "id": "a2020", "type": "buku", "title": "J" }', /:2: entry "a2020": type: Invalid option/],
    ['no title and no author', '{ "id": "a2020", "type": "book" }', /:2: entry "a2020": title: an entry needs a title or an author/],
    ['a key with capitals', '{ "id": "Suwarno2018", "type": "book", "title": "J" }', /:2: entry "Suwarno2018": id: key must be lower-case/],
    ['a DOI given as URL', entry('"DOI": "https://doi.org/10.1/x"'), /:2: entry "a2020": DOI: DOI must be the bare identifier/],
    ['an incomplete entry without a note', entry('"custom": { "incomplete": true }'), /:2: entry "a2020": custom\.note: an incomplete entry needs/],
    ['a work that does not exist', entry('"custom": { "listedIn": ["tidak-ada"] }'), /:2: entry "a2020": custom names "tidak-ada", which is no work/],
    [
      'a number outside the printed list',
      entry('"custom": { "number": { "kokomakingi-2024": 3 } }'),
      /:2: entry "a2020" has a number in kokomakingi-2024 but is not listed/,
    ],
  ])('names file, line and key for %s', (_what, item, message) => {
    expect(parseError(`[\n${item}\n]`)).toMatch(message);
  });
});

async function render(markdown: string, work: string) {
  const processor = await createMarkdownProcessor(markdownOptions(ROOT, ['gfm', 'citeLinks']));
  const { code, metadata } = await processor.render(markdown, { frontmatter: { work } });
  const citations = (metadata.frontmatter as { citations?: { id: string; keys: string[]; text: string; locator?: string; note?: boolean }[] }).citations ?? [];
  return { code, citations, texts: citations.map((c) => c.text) };
}

describe('citations keep the words the work prints', () => {
  it('shows the printed citation unchanged, linked to its entry, with a stable id', async () => {
    const { code, citations } = await render(
      'Teks ([Suwarno et al., 2018](@suwarno2018ntt)). Lagi ([Suwarno et al., 2018](@suwarno2018ntt)).',
      'borotoding-2024',
    );
    expect(citations.map((c) => [c.id, c.text])).toEqual([
      ['sitasi-suwarno2018ntt-1', 'Suwarno et al., 2018'],
      ['sitasi-suwarno2018ntt-2', 'Suwarno et al., 2018'],
    ]);
    expect(code).toContain(
      '(<a id="sitasi-suwarno2018ntt-1" class="citation-link" href="../daftar-pustaka/#suwarno2018ntt" data-cites="suwarno2018ntt">Suwarno et al., 2018</a>)',
    );
  });

  it('reads the page it cites with rehype-citation’s parser, leaving the printed range as printed', async () => {
    const { code, citations } = await render('Teks ([Suwarno, Wiloso and Therik 2018, 145-147](<@suwarno2018ntt, 145-147>)).', 'iom-ntt-2014-2018');
    expect(citations[0]).toMatchObject({ keys: ['suwarno2018ntt'], locator: '145-147', text: 'Suwarno, Wiloso and Therik 2018, 145-147' });
    expect(code).toContain('data-locator="145-147"');
  });

  it('links a footnote that cites ("Ibid." included) and records it as that note', async () => {
    const { code, citations } = await render(
      'Satu.[^1] Dua.[^2]\n\n[^1]: [“Sekilas Tentang ILO,” International Labor Organization (2007).](@ilo2007sekilas)\n[^2]: [Ibid.](@ilo2007sekilas)\n',
      'dw4fs-kupang',
    );
    expect(citations.map((c) => [c.text, c.note])).toEqual([
      ['1', true],
      ['2', true],
    ]);
    expect(code).toMatch(/<li id="user-content-fn-2">\s*<p><a id="sitasi-ilo2007sekilas-2" class="citation-link"[^>]*>Ibid\.<\/a>/);
  });

  it('stops on an unknown key, on the generated form, and on a key the printed list does not hold', async () => {
    await expect(render('Teks ([X, 2020](@tidakada2020)).', 'borotoding-2024')).rejects.toThrow('unknown citation key "tidakada2020"');
    await expect(render('Teks [@suwarno2018ntt].', 'borotoding-2024')).rejects.toThrow(/is not written as printed/);
    await expect(render('Teks ([1](@goma2020manusia)).', 'kokomakingi-2024')).rejects.toThrow(
      /"goma2020manusia" is cited in kokomakingi-2024, but the work's printed reference list does not hold it/,
    );
  });
});

describe('linkUrls', () => {
  const linked = (html: string) => {
    const tree = fromHtml(html, { fragment: true });
    linkUrls(tree);
    return toHtml(tree);
  };
  it('links URLs without the punctuation that ends the sentence, and DOIs to doi.org', () => {
    expect(linked('Lihat https://a.example/x_(1)/y.html. Juga doi:10.24246/kritis.v27i2p107-135')).toBe(
      'Lihat <a href="https://a.example/x_(1)/y.html">https://a.example/x_(1)/y.html</a>. Juga <a href="https://doi.org/10.24246/kritis.v27i2p107-135">doi:10.24246/kritis.v27i2p107-135</a>',
    );
  });
  it('leaves links alone', () => {
    expect(linked('<a href="https://a.example/">https://a.example/</a>')).toBe('<a href="https://a.example/">https://a.example/</a>');
  });
});

describe('an entry as the source prints it', () => {
  it('keeps emphasis, links bare URLs, and shows a Markdown link of the extraction as its printed text', () => {
    expect(printedHtml('A. (2020). *Judul*. https://a.example/x.')).toBe('A. (2020). <i>Judul</i>. <a href="https://a.example/x">https://a.example/x</a>.');
    expect(printedHtml('Available From: [Http://A.Id/BAB II.Pdf](http://A.Id/BAB%20II.Pdf) & lagi')).toBe(
      'Available From: <a href="http://A.Id/BAB%20II.Pdf">Http://A.Id/BAB II.Pdf</a> &#x26; lagi',
    );
  });
});

describe('downloads', () => {
  const refs = loadLibrary(ROOT).references;
  it('BibTeX parses back to the same entries and keys', () => {
    const back = new Cite(referencesBibtex(refs)).data;
    expect(back.map((d) => d['citation-key'])).toEqual(refs.map((r) => r.id));
  });
  it('RIS parses back to the same entries, keys and titles (no values cut at 70 characters)', () => {
    const back = new Cite(referencesRis(refs)).data;
    expect(back.map((d) => d.id)).toEqual(refs.map((r) => r.id));
    expect(back.map((d) => d.title)).toEqual(refs.map((r) => r.csl.title));
  });
});
