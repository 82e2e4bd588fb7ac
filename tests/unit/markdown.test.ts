// The rehype plugins that shape every chapter: section ids, their anchor links, scrollable tables.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../src/markdown/pipeline.ts';
import { slugify } from '../../src/markdown/slug.ts';
import { ROOT } from '../support/site.ts';

async function render(md: string) {
  const p = await createMarkdownProcessor(markdownOptions(ROOT, ['gfm', 'sectionAnchors', 'scrollableTables']));
  return p.render(md);
}

describe('slugify', () => {
  it('keeps section numbers apart and drops accents and punctuation', () => {
    expect(slugify('1.1. Latar Belakang')).toBe('1-1-latar-belakang');
    expect(slugify('1.11 Kegunaan')).not.toBe(slugify('11.1 Kegunaan'));
    expect(slugify('Organisasi Buruh Internasional (ILO) nyaéta')).toBe('organisasi-buruh-internasional-ilo-nyaeta');
  });
});

describe('rehypeSectionAnchors', () => {
  it('gives headings stable ids and a labelled link to themselves, keeping the heading text clean', async () => {
    const { code, metadata } = await render('## 1.2. Rumusan Masalah\n\n### Rumusan\n\n### Rumusan\n');
    expect(code).toContain('<h2 id="1-2-rumusan-masalah">1.2. Rumusan Masalah<a class="self-link heading-anchor" href="#1-2-rumusan-masalah"');
    expect(code).toContain('data-l10n="reading.linkToSection" data-l10n-arg="1.2. Rumusan Masalah" aria-label="Tautan ke bagian ini: 1.2. Rumusan Masalah"');
    expect(metadata.headings.map((h) => h.slug)).toEqual(['1-2-rumusan-masalah', 'rumusan', 'rumusan-2']);
    expect(metadata.headings[0]?.text).toBe('1.2. Rumusan Masalah');
  });
});

describe('rehypeScrollableTables', () => {
  it('wraps each table once in a focusable, labelled scroll region', async () => {
    const { code } = await render('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(code).toMatch(/^<section class="table-scroll" tabindex="0" data-l10n="reading.scrollableTable" aria-label="Tabel \(dapat digulir\)"><table>/);
    expect(code.match(/table-scroll/g)).toHaveLength(1);
  });
});

describe('table labels', () => {
  it('names each table region after the caption printed above it, uniquely', async () => {
    const { code } = await render('**Tabel 1.1** Jumlah korban\n\n| a |\n|---|\n| 1 |\n\n**Tabel 1.1** Jumlah korban\n\n| b |\n|---|\n| 2 |\n');
    expect(code).toContain('aria-label="Tabel 1.1 Jumlah korban"');
    expect(code).toContain('aria-label="Tabel 1.1 Jumlah korban (2)"');
  });
});
