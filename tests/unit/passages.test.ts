// List items and footnotes as linkable passages (src/passages/): ids from their own words, so an
// edit elsewhere leaves them; nested lists and notes apart; the same words twice get -2; the notes'
// GFM ids kept; English labels; the passage id pattern the browser checks links with.
import { createHash } from 'node:crypto';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { id as t } from '../../src/i18n/id.ts';
import { localizeHtml } from '../../src/i18n/localize-html.ts';
import { rehypeFootnotes } from '../../src/markdown/rehype-footnotes.ts';
import { rehypeParagraphAnchors } from '../../src/markdown/rehype-paragraph-anchors.ts';
import { PASSAGE_ID } from '../../src/passages/ids.ts';
import { rehypePassageAnchors } from '../../src/passages/rehype-passage-anchors.ts';

async function render(md: string) {
  const p = await createMarkdownProcessor({
    gfm: false,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeFootnotes, rehypeParagraphAnchors, rehypePassageAnchors],
    smartypants: false,
  });
  return (await p.render(md)).code;
}
const hash = (prefix: string, words: string) => `${prefix}-${createHash('sha256').update(words).digest('hex').slice(0, 8)}`;
const items = (html: string) => [...html.matchAll(/<li id="(li-[^"]+)" data-item="(\d+)">/g)].map((m) => ({ id: m[1]!, n: m[2]! }));

describe('list item anchors', () => {
  it('give each item the hash of its own words, its number in the chapter and a link control', async () => {
    const html = await render('Tujuan:\n\n1. Satu dua.\n2. Tiga *empat*.\n\n- Lima\n');
    expect(items(html)).toEqual([
      { id: hash('li', 'Satu dua.'), n: '1' },
      { id: hash('li', 'Tiga empat.'), n: '2' },
      { id: hash('li', 'Lima'), n: '3' },
    ]);
    expect(html).toContain(
      `<a class="self-link para-anchor" href="#${hash('li', 'Satu dua.')}" tabindex="-1" data-mark="• 1" data-l10n="reading.linkToListItem" data-l10n-arg="1" aria-label="${t.reading.linkToListItem('1')}"></a>Satu dua.`,
    );
    expect(localizeHtml(html, en, 'en')).toContain(`aria-label="${en.reading.linkToListItem('1')}" lang="en"`);
  });

  it("keep an item's id when another item or a paragraph changes; a changed item gets a new one", async () => {
    const before = items(await render('Awal.\n\n- Satu\n- Dua\n- Tiga\n'));
    const after = items(await render('Awal yang dikoreksi.\n\n- Satu\n- Dua diubah\n- Tiga\n'));
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[2]!.id).toBe(before[2]!.id);
    expect(after[1]!.id).not.toBe(before[1]!.id);
  });

  it('leave nested lists to their own items, loose items whole, and number repeated words -2', async () => {
    const html = await render('- Induk\n  - Anak\n- Induk\n\n1. Paragraf pertama.\n\n   Paragraf kedua.\n');
    expect(items(html).map((i) => i.id)).toEqual([
      hash('li', 'Induk'),
      hash('li', 'Anak'),
      `${hash('li', 'Induk')}-2`,
      hash('li', 'Paragraf pertama. Paragraf kedua.'),
    ]);
    for (const i of items(html)) expect(PASSAGE_ID.test(i.id)).toBe(true);
  });

  it("leave the footnotes' list and block quotes' lists to their own rules", async () => {
    const html = await render('Teks[^1].\n\n> - Kutipan butir\n\n[^1]: Catatan satu.\n');
    expect(items(html).map((i) => i.id)).toEqual([hash('li', 'Kutipan butir')]);
  });
});

describe('footnote anchors', () => {
  it("give a note's first paragraph the hash of its words and a link control; GFM's id stays on the note", async () => {
    const html = await render('Teks[^a] lagi[^b].\n\n[^a]: Catatan *satu*.\n[^b]: Catatan dua.\n');
    const one = hash('fn', 'Catatan satu.');
    expect(html).toMatch(
      new RegExp(
        `<li id="user-content-fn-a">\\s*<p id="${one}" data-fn="1"><a class="self-link para-anchor" href="#${one}" tabindex="-1" data-mark="\\[1\\]" data-l10n="reading.linkToFootnote" data-l10n-arg="1" aria-label="${t.reading.linkToFootnote('1')}"></a>Catatan`,
      ),
    );
    expect(html).toContain(`<p id="${hash('fn', 'Catatan dua.')}" data-fn="2">`);
    // The margin copy of a note has no id.
    expect(html.match(new RegExp(one, 'g'))!.length).toBe(2);
  });

  it('the passage id pattern takes paragraphs, list items and notes, nothing else', () => {
    for (const ok of ['p-0123abcd', 'li-0123abcd', 'fn-0123abcd-2']) expect(PASSAGE_ID.test(ok)).toBe(true);
    for (const no of ['user-content-fn-1', 'li-xyz', 'tabel-1-1', 'p-0123abc']) expect(PASSAGE_ID.test(no)).toBe(false);
  });
});
