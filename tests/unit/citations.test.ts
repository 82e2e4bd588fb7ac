// The citation modules: the bibliography file's checks, each work's style through the real plugin
// and the real content/bibliography.json, URL linking, and the BibTeX/RIS writers.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { referencesBibtex, referencesRis } from '../../src/citations/export.ts';
import { loadLibrary, parseLibrary } from '../../src/citations/library.ts';
import { rehypeCitations } from '../../src/markdown/rehype-citations.ts';
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
    const lib = parseLibrary(`[\n${entry('"custom": { "listedIn": ["borotoding-2024"], "printed": { "borotoding-2024": "A. (2020). *Judul*." } }')}\n]`, 'b.json', WORKS);
    expect(lib.byId.get('a2020')).toMatchObject({ line: 2, listedIn: ['borotoding-2024'], incomplete: false });
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
    ['a number outside the printed list', entry('"custom": { "number": { "kokomakingi-2024": 3 } }'), /:2: entry "a2020" has a number in kokomakingi-2024 but is not listed/],
  ])('names file, line and key for %s', (_what, item, message) => {
    expect(parseError(`[\n${item}\n]`)).toMatch(message);
  });
});

async function render(markdown: string, work: string) {
  const processor = await createMarkdownProcessor({ rehypePlugins: [[rehypeCitations, { root: ROOT }]], smartypants: false });
  const { code, metadata } = await processor.render(markdown, { frontmatter: { work } });
  const citations = (metadata.frontmatter as { citations?: { id: string; keys: string[]; text: string; note?: boolean }[] }).citations ?? [];
  return { code, citations, texts: citations.map((c) => c.text) };
}

describe('each work renders in its own style, with the Indonesian locale', () => {
  it('borotoding-2024: APA 7, "dkk." for three or more authors, "&" for two, "hlm." for pages', async () => {
    const { texts } = await render('Teks [@momani2006international]. Lagi [@suwarno2018ntt, 26]. Dua [@keohane2012twenty; @goma2020manusia].', 'borotoding-2024');
    expect(texts).toEqual(['(Momani dkk., 2006)', '(Suwarno dkk., 2018, hlm. 26)', '(Goma, 2020; Keohane, 2012)']);
  });

  it('iom-ntt-2014-2018: Chicago author-date, bare page numbers', async () => {
    const { texts } = await render('Teks [@goma2020manusia, 40] dan [@suwarno2018ntt, 114].', 'iom-ntt-2014-2018');
    expect(texts).toEqual(['(Goma 2020, 40)', '(Suwarno dkk. 2018, 114)']);
  });

  it('kokomakingi-2024: Vancouver numbers from the printed list, not from the order of citation', async () => {
    const { texts } = await render('Pertama [@suwarno2018ntt]. Kedua [@niko2017fenomena].', 'kokomakingi-2024');
    expect(texts).toEqual(['(6)', '(2)']);
  });

  it('dw4fs-kupang: Chicago notes, numbered with the author’s own footnotes, a repeat shortened', async () => {
    const { code, citations } = await render('Satu.[@ilo2007sekilas] Dua.[^a] Tiga.[@ilo2007sekilas]\n\n[^a]: Catatan penulis.\n', 'dw4fs-kupang');
    expect(citations.map((c) => [c.text, c.note])).toEqual([['1', true], ['3', true]]);
    const notes = [...code.matchAll(/<li id="user-content-fn-(\d)">([\s\S]*?)<\/li>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '').trim()]);
    // The full note first (the entry as 000's list prints it, journal and all), then the short form.
    expect(notes[0]![1]).toMatch(/^ILO, “Sekilas Tentang ILO,”.*2007.*https:\/\/www\.ilo\.org\/\S+\.pdf\./);
    expect(notes[1]![1]).toMatch(/^Catatan penulis\./);
    expect(notes[2]![1]).toMatch(/^ILO, “Sekilas Tentang ILO\.?”\.? Lihat di daftar pustaka/);
    expect(code).toContain('<h2 class="sr-only" id="footnote-label">Catatan kaki</h2>');
    // The first note keeps what the source printed.
    expect(code).toContain('“Sekilas Tentang ILO,” International Labor Organization (2007).');
  });

  it('links each cite of a cluster to its own entry and gives the cluster a stable id', async () => {
    const { code, citations } = await render('Dua [@keohane2012twenty; @goma2020manusia]. Lagi [@keohane2012twenty].', 'borotoding-2024');
    expect(citations.map((c) => c.id)).toEqual(['sitasi-keohane2012twenty-1', 'sitasi-keohane2012twenty-2']);
    expect(code).toContain('<a class="citation-link" href="/borotoding-2024/daftar-pustaka/#goma2020manusia" data-cites="goma2020manusia" aria-describedby="rujukan-goma2020manusia">Goma, 2020</a>; <a class="citation-link" href="/borotoding-2024/daftar-pustaka/#keohane2012twenty"');
  });

  it('stops on an unknown key, naming it', async () => {
    await expect(render('Teks [@tidakada2020].', 'borotoding-2024')).rejects.toThrow('unknown citation key "tidakada2020" in [@tidakada2020]');
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
