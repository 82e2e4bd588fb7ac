// Paragraph anchors (stable across unrelated edits), footnote sidenotes, and the English labels.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { id } from '../../src/i18n/id.ts';
import { localizeHtml } from '../../src/i18n/localize-html.ts';
import { markdownOptions } from '../../src/markdown/pipeline.ts';
import { paragraphId } from '../../src/markdown/rehype-paragraph-anchors.ts';
import { ROOT } from '../support/site.ts';

async function render(md: string) {
  const p = await createMarkdownProcessor(markdownOptions(ROOT, ['gfm', 'footnotes', 'sectionAnchors', 'paragraphAnchors']));
  return (await p.render(md)).code;
}

const ids = (html: string) => [...html.matchAll(/<p id="(p-[^"]+)" data-para="(\d+)"/g)].map((m) => ({ id: m[1], n: m[2] }));

describe('paragraph anchors', () => {
  it('number paragraphs in reading order and link each to itself with a ¶ mark', async () => {
    const html = await render('## 1.1. A\n\nSatu dua tiga.\n\n> Kutipan panjang.\n\nEmpat lima.\n');
    expect(ids(html).map((p) => p.n)).toEqual(['1', '2', '3']);
    expect(html).toContain(
      `<p id="${paragraphId('Satu dua tiga.')}" data-para="1"><a class="self-link para-anchor" href="#${paragraphId('Satu dua tiga.')}" tabindex="-1" data-mark="¶ 1"`,
    );
    expect(html).toContain('aria-label="Tautan ke paragraf 1"');
  });

  it('keep every id when another paragraph is inserted, removed or corrected', async () => {
    const before = ids(await render('Alpha beta.\n\nGamma delta.\n\nEpsilon zeta.\n'));
    const after = ids(await render('Baru di depan.\n\nAlpha beta.\n\nGamma delta (dikoreksi).\n\nEpsilon zeta.\n'));
    expect(after.find((p) => p.id === before[0]!.id)?.n).toBe('2');
    expect(after.find((p) => p.id === before[2]!.id)?.n).toBe('4');
    // The corrected paragraph gets a new id: an old link to it finds nothing rather than a neighbour.
    expect(after.some((p) => p.id === before[1]!.id)).toBe(false);
  });

  it('ignore footnote numbers and whitespace, and tell identical paragraphs apart', async () => {
    const a = ids(await render('Kalimat yang sama.[^1]\n\n[^1]: Catatan.\n'))[0]!.id;
    const b = ids(await render('Kalimat   yang\nsama.\n'))[0]!.id;
    expect(a).toBe(b);
    const twice = ids(await render('Bandung, 2024\n\nBandung, 2024\n'));
    expect(twice.map((p) => p.id)).toEqual([paragraphId('Bandung, 2024'), `${paragraphId('Bandung, 2024')}-2`]);
  });
});

describe('footnotes', () => {
  it('put a copy of each note before the paragraph that calls it, hidden from assistive technology', async () => {
    const html = await render('Teks dengan catatan.[^a] Lalu [lagi](https://contoh.org).[^b]\n\n[^a]: Catatan A.\n[^b]: Lihat <https://contoh.org/b>.\n');
    const asides = [...html.matchAll(/<div class="sidenote" aria-hidden="true" data-note="(user-content-fn-[ab])" data-pagefind-ignore="">/g)].map((m) => m[1]);
    expect(asides).toEqual(['user-content-fn-a', 'user-content-fn-b']);
    expect(html.indexOf('<div class="sidenote"')).toBeLessThan(html.indexOf('<p id="p-'));
    // Links inside a hidden copy must not take keyboard focus; the copy has no ids or back links.
    expect(html).toMatch(
      /<div class="sidenote"[^>]*data-note="user-content-fn-b"[^>]*><span class="sidenote-number">2<\/span><p>Lihat <a href="https:\/\/contoh.org\/b" tabindex="-1">/,
    );
    const aside = html.slice(html.indexOf('<aside'), html.lastIndexOf('</aside>'));
    expect(aside).not.toMatch(/ id=|data-footnote-backref/);
  });
});

describe('localizeHtml', () => {
  it('rewrites every marked label into the page language and drops the markers', async () => {
    const html = await render('## Bagian "Satu" & Dua\n\nTeks.[^1]\n\n[^1]: Catatan.\n');
    const english = localizeHtml(html, en);
    expect(english).toContain('aria-label="Link to this section: Bagian &quot;Satu&quot; &amp; Dua"');
    expect(english).toContain('aria-label="Link to paragraph 1"');
    expect(english).toContain('aria-label="Back to reference 1"');
    expect(english).toMatch(/id="footnote-label">Footnotes<a[^>]*aria-label="Link to this section: Footnotes"/);
    expect(english).not.toContain('data-l10n');
    // A visible label in another language than the text says which (WCAG 3.1.2).
    expect(localizeHtml(html, en, 'en')).toMatch(/id="footnote-label" lang="en">Footnotes</);
    expect(localizeHtml(html, en, 'en')).toContain('aria-label="Link to paragraph 1" lang="en"');
    const indonesian = localizeHtml(html, id);
    expect(indonesian).toContain('aria-label="Tautan ke paragraf 1"');
    expect(indonesian).not.toContain('data-l10n');
  });

  it('stops the build on a marker the dictionary does not know', () => {
    expect(() => localizeHtml('<a data-l10n="noSuchKey" aria-label="x"></a>', en)).toThrow(/noSuchKey/);
  });
});

describe('dictionaries', () => {
  it('English has every key Indonesian has, and no string is left untranslated by accident', () => {
    // Every string by its path through the feature groups ("reading.linkToParagraph").
    const leaves = (o: object, path = ''): [string, unknown][] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, `${path}${k}.`) : [[`${path}${k}`, v] as [string, unknown]]));
    const english = new Map(leaves(en));
    expect([...english.keys()].sort()).toEqual(
      leaves(id)
        .map(([k]) => k)
        .sort(),
    );
    const same = leaves(id)
      .filter(([k, v]) => typeof v === 'string' && english.get(k) === v)
      .map(([k]) => k);
    // Names, style and format names, and labels in the works' own languages, the same in both.
    expect(same.sort()).toEqual(
      [
        'appShortName',
        'motto',
        'navData',
        'header.menu',
        'siteName',
        'data.title',
        'abstractHeading.id',
        'abstractHeading.en',
        'abstractHeading.su',
        'keywordsLabel.id',
        'keywordsLabel.en',
        'keywordsLabel.su',
        'citationStyles.apa',
        'cite.styles.apa',
        'cite.styles.vancouver',
        'bibliography.downloadFormats.bib',
        'bibliography.downloadFormats.ris',
        'bibliography.fields.volume',
        'bibliography.fields.DOI',
        'bibliography.fields.URL',
        // The previous-studies table's number column: "No." in both.
        'matrix.number',
        // The player's name for a paragraph, its ¶ mark and number.
        'listen.paragraph',
      ].sort(),
    );
  });
});
