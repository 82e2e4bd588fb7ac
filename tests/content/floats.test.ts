// The lists of tables, figures and charts of each work (built pages), held against content/: every
// caption the chapters print above a table or figure is listed, as printed and in reading order;
// every <Chart> too; and every entry links to an element that exists, each with its own anchor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTION } from '../../src/figures/rehype-floats.ts';
import { CONTENT, readBuilt, works } from '../support/site.ts';

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const plain = (s: string) => decode(s.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

/** Captions as the MDX prints them: a paragraph starting with a label, right above a table, figure or image. */
function printedCaptions(work: string, chapter: string): string[] {
  const lines = readFileSync(join(CONTENT, 'chapters', work, `${chapter}.mdx`), 'utf8').split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const text = line.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
    if (!CAPTION.test(text) || (i > 0 && lines[i - 1]!.trim())) return;
    const next = lines.slice(i + 1).find((l) => l.trim());
    if (next && /^\s*(\||<table|<figure|!\[)/.test(next)) out.push(text);
  });
  return out;
}

const list = (path: string, key: string) =>
  [...(new RegExp(`<ol class="float-list" data-float-list="${key}">([\\s\\S]*?)</ol>`).exec(readBuilt(path))?.[1] ?? '').matchAll(/<li><a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: m[1]!, text: plain(m[2]!) }));

describe.each(works().map((w) => [w.slug, w] as const))('lists of tables, figures and charts: %s', (slug, work) => {
  const page = `/${slug}/daftar-tabel-gambar/`;
  const entries = ['tabel', 'gambar', 'grafik'].flatMap((k) => list(page, k));

  it('lists every printed caption as printed, in reading order, and every chart', () => {
    const captions = work.chapters.flatMap((c) => printedCaptions(slug, c.slug));
    const listed = [...list(page, 'tabel'), ...list(page, 'gambar')].map((e) => e.text);
    expect(listed.sort()).toEqual(captions.sort());
    const charts = work.chapters.flatMap((c) => readFileSync(join(CONTENT, 'chapters', slug, `${c.slug}.mdx`), 'utf8').match(/<Chart\b/g) ?? []);
    expect(list(page, 'grafik')).toHaveLength(charts.length);
  });

  it('links each entry to an element that exists, each to its own', () => {
    expect(new Set(entries.map((e) => e.href)).size).toBe(entries.length);
    for (const e of entries) {
      const [path, id] = e.href.split('#');
      const html = readBuilt(path!);
      expect(html.split(`id="${id}"`).length - 1, e.href).toBe(1);
      // The English page has the same anchors.
      expect(readBuilt(`/en${path}`)).toContain(`id="${id}"`);
    }
  });

  it('a table or figure is described by its printed caption, right above it', () => {
    for (const e of [...list(page, 'tabel'), ...list(page, 'gambar')]) {
      const [path, id] = e.href.split('#');
      const html = readBuilt(path!);
      const described = new RegExp(`id="${id}" aria-describedby="(p-[0-9a-f-]+)"|aria-describedby="(p-[0-9a-f-]+)"[^>]*id="${id}"`).exec(html);
      expect(described, e.href).not.toBeNull();
      const captionId = described![1] ?? described![2];
      const caption = new RegExp(`<p id="${captionId}"[^>]*>([\\s\\S]*?)</p>`).exec(html)?.[1];
      expect(plain(caption ?? '')).toBe(e.text);
    }
  });
});
