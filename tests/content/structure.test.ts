// The structure of each source survives: every heading of its own table of contents (or, where it
// prints none, every numbered heading line) is an anchored heading; every table and footnote is there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { words } from '../../measure/fidelity.ts';
import { readBuilt, works, type WorkInfo } from '../support/site.ts';
import { SOURCES_DIR } from '../../measure/fidelity.ts';

const library = new Map(works().map((w) => [w.slug, w]));

function sourceLines(work: WorkInfo): string[] {
  return readFileSync(join(SOURCES_DIR, work.sourceFile), 'utf8').split('\n');
}

function elements(node: Root | Element, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    elements(child, test, out);
  }
  return out;
}

/** Anchored headings (h1 chapter titles and h2-h4 sections with an id) of all the work's chapters. */
function builtHeadings(work: WorkInfo): { text: string; id?: string }[] {
  return work.chapters.flatMap((c) => {
    const tree = fromHtml(readBuilt(`/${work.slug}/${c.slug}/`));
    return elements(tree, (el) => /^h[1-4]$/.test(el.tagName)).map((h) => ({
      text: words(toText(h)).join(' '),
      id: typeof h.properties.id === 'string' ? h.properties.id : undefined,
    }));
  });
}

function expectHeadings(work: WorkInfo, printed: string[], aliases: Record<string, string> = {}) {
  const headings = builtHeadings(work);
  const missing = printed.filter((line) => {
    const want = aliases[line] ?? words(line).join(' ');
    return !headings.some((h) => h.text === want && (h.id || /^bab /.test(want) || !/\d/.test(want.slice(0, 3))));
  });
  expect(missing).toEqual([]);
  expect(printed.length).toBeGreaterThan(3);
}

describe('headings', () => {
  it("borotoding-2024: every entry of the printed DAFTAR ISI is a heading", () => {
    const work = library.get('borotoding-2024')!;
    const lines = sourceLines(work);
    const start = lines.findIndex((l) => /^BAB I PENDAHULUAN/.test(l));
    const end = lines.findIndex((l, i) => i > start && /^DAFTAR PUSTAKA/.test(l));
    const printed = lines
      .slice(start, end)
      .map((l) => l.replace(/\.{2,}|\t+\s*[ivx\d]+\s*$|<\/?i>/g, '').trim())
      .filter(Boolean);
    // Where the body prints a heading differently from the table of contents, the body wins (the
    // chapter marks the difference with an editor's note); these are the known cases.
    const aliases = {
      '2.2.2. Konsep Human Traficking': 'i konsep human trafficking',
      '2.2.3. Konsep pekerja migran': 'ii konsep pekerja migran',
      '5.1. Kesimpulan': 'kesimpulan',
    };
    expectHeadings(work, printed, aliases);
  });

  it.each(['iom-ntt-2014-2018', 'dw4fs-kupang'])('%s: every numbered heading line of the source is a heading', (slug) => {
    const work = library.get(slug)!;
    const printed = sourceLines(work)
      .map((l) => l.trim())
      .filter((l) => /^\d\.\d+(\.\d+)*\.?\s+\S/.test(l) && l.length < 100);
    expectHeadings(work, printed);
  });
});

describe('tables and footnotes', () => {
  const captions: Record<string, RegExp> = {
    'borotoding-2024': /^(\*\*)?(Tabel \d\.\d|Gambar 4\.1)/,
    'iom-ntt-2014-2018': /^Tabel \d\. /,
    'kokomakingi-2024': /^Tabel\. \d\.\d\. /,
  };

  it.each(Object.entries(captions))('%s: every table the source captions is a table on the site', (slug, caption) => {
    const work = library.get(slug)!;
    const lines = sourceLines(work);
    const printedToc = lines.findIndex((l) => /^DAFTAR (TABEL|ISI)/.test(l));
    const labels = lines
      .map((l, i) => ({ l: l.trim(), i }))
      .filter(({ l, i }) => caption.test(l) && !(printedToc >= 0 && i > printedToc && i < printedToc + 60))
      .map(({ l }) => l.match(/(Tabel\.? \d(\.\d)?\.?|Gambar 4\.1)/)![0]);
    expect(labels.length).toBeGreaterThan(0);
    const html = work.chapters.map((c) => readBuilt(`/${slug}/${c.slug}/`)).join('\n');
    const tables = (html.match(/<table[\s>]/g) ?? []).length;
    expect(tables).toBeGreaterThanOrEqual(labels.length);
    for (const label of labels) expect(html).toContain(label);
  });

  it('dw4fs-kupang: the 13 footnotes are real footnotes, linked both ways', () => {
    const tree = fromHtml(readBuilt('/dw4fs-kupang/bab-1-pendahuluan/'));
    const refs = elements(tree, (el) => el.tagName === 'a' && 'dataFootnoteRef' in el.properties);
    const notes = elements(tree, (el) => el.tagName === 'li' && String(el.properties.id ?? '').includes('fn-'));
    expect(refs).toHaveLength(13);
    expect(notes).toHaveLength(13);
    for (const [i, ref] of refs.entries()) {
      const note = notes[i]!;
      expect(ref.properties.href).toBe(`#${note.properties.id}`);
      const back = elements(note, (el) => el.tagName === 'a' && 'dataFootnoteBackref' in el.properties)[0];
      expect(back?.properties.href).toBe(`#${ref.properties.id}`);
    }
  });
});
