// Tables and figures of a chapter (src/figures/rehype-floats.ts): readable, distinct anchors for
// each printed caption, and names in the text linked to them with the words unchanged.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { rehypeFloats } from '../../src/figures/rehype-floats.ts';
import { rehypeParagraphAnchors } from '../../src/markdown/rehype-paragraph-anchors.ts';
import { rehypeScrollableTables } from '../../src/markdown/rehype-scrollable-tables.ts';

async function render(md: string) {
  const p = await createMarkdownProcessor({
    gfm: false,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeParagraphAnchors, rehypeScrollableTables, rehypeFloats],
    smartypants: false,
  });
  return (await p.render(md)).code;
}
const table = '| a | b |\n| --- | --- |\n| 1 | 2 |\n';
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('tables and figures', () => {
  it('give each printed caption the anchor of its table, a label printed twice a second one', async () => {
    const html = await render(`**Gambar 4.1** Satu\n\n${table}\nTeks.\n\nGambar 4.1 Dua\n\n${table}\n**Tabel 1.** Tiga\n\n${table}`);
    const ids = [...html.matchAll(/<section class="table-scroll" tabindex="0" aria-label="[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['gambar-4-1', 'gambar-4-1-2', 'tabel-1']);
  });

  it('a paragraph that starts with a label but stands above no table is not a caption', async () => {
    const html = await render('Tabel 1.1 berikut menunjukkan jumlahnya.\n\nTeks lain.\n');
    expect(html).not.toMatch(/id="tabel-/);
  });

  it('link the names of tables and figures in the text, words unchanged, nearest earlier one first', async () => {
    const md = `Lihat Tabel 1.1 di bawah.\n\n**Tabel 1.1** Jumlah korban\n\n${table}\nData Tabel 1.1 dan Tabel 9.9 di atas.\n`;
    const html = await render(md);
    const links = [...html.matchAll(/<a class="xref" href="#([^"]+)" data-preview="([^"]+)" aria-describedby="(p-[0-9a-f]+)">([^<]+)<\/a>/g)];
    expect(links.map((m) => [m[1], m[2], m[4]])).toEqual([
      ['tabel-1-1', 'Tabel 1.1 Jumlah korban', 'Tabel 1.1'],
      ['tabel-1-1', 'Tabel 1.1 Jumlah korban', 'Tabel 1.1'],
    ]);
    // The caption the link describes itself by is the caption paragraph.
    expect(html).toContain(`<p id="${links[0]![3]}"`);
    // The words are as before; an unknown label (Tabel 9.9) stays plain text.
    expect(text(html)).toContain('Data Tabel 1.1 dan Tabel 9.9 di atas.');
    expect(text(html)).toContain('Lihat Tabel 1.1 di bawah.');
  });
});
