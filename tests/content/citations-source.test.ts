// The shared bibliography (content/bibliography.json) and the citations in the chapters, checked on
// the content files alone (no build), so they hold before and after the renderer exists.
//
// How the sources' citations are counted (content/sources/*.txt, whitespace collapsed):
// - borotoding-2024, APA: every parenthesis "(Author, 2020)", "(Author, 2024a)" or "(Author, n.d.)"
//   before the DAFTAR PUSTAKA heading. The source groups none with ";", so each is one citation.
// - iom-ntt-2014-2018, Chicago author-date: every "(Author 2020)" or "(Author 2020, 40)" /
//   "(…, 36-37)", and every narrative "Author (2016)" (a parenthesis holding only a year).
// - kokomakingi-2024, numeric: every "(n)" before the DAFTAR PUSTAKA heading.
// - dw4fs-kupang, notes: every footnote (the lines content/sources/exclusions.yaml marks as moved
//   footnotes, one per "n text" line, n running 1, 2, 3 …); each cites one work, "Ibid." the previous.
// In the MDX a citation is one cited item, read with rehype-citation's own pattern and parser:
// `[@a; @b]` counts two, `[@a, 26]`, narrative `@a` and `-@a` (author suppressed) one each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
// Deep imports by path: the package's exports map only offers the plugin itself.
import { parseCitation } from '../../node_modules/rehype-citation/dist/node/src/parse-citation.js';
import { citationRE } from '../../node_modules/rehype-citation/dist/node/src/regex.js';
import { CONTENT, works } from '../support/site.ts';
import { bare, flat, footnotes004, sourceCitations, sourceText, splitAtReferences, type SourceCitation } from '../support/source-citations.ts';

// ---------------------------------------------------------------------------------------------
// The bibliography

interface Name {
  family?: string;
  given?: string;
  literal?: string;
}
interface Entry {
  id: string;
  'citation-key': string;
  type: string;
  author?: Name[];
  editor?: Name[];
  title?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  [field: string]: unknown;
  custom: {
    listedIn: string[];
    incomplete?: true;
    note?: string;
    printed: Record<string, string>;
    printedOrder: Record<string, number>;
  };
}

const bibliography = JSON.parse(readFileSync(join(CONTENT, 'bibliography.json'), 'utf8')) as Entry[];
const byKey = new Map(bibliography.map((e) => [e.id, e]));
const WORKS = works();
const SLUGS = WORKS.map((w) => w.slug);
const FROM_CITATIONS_NOTE = 'Entri disusun dari kutipan dalam teks; daftar pustaka sumber tidak tersedia.';

const CSL_TYPES = new Set(['article-journal', 'article-newspaper', 'article-magazine', 'book', 'chapter', 'document', 'legislation', 'paper-conference', 'report', 'thesis', 'webpage']);

/**
 * What an entry of each type needs to be usable as a reference (each inner list: one of these).
 * A type not listed here (`document`: the sources do not say what the work is) is never complete.
 */
const ESSENTIAL: Record<string, string[][]> = {
  'article-journal': [['author'], ['title'], ['issued'], ['container-title']],
  'article-newspaper': [['author'], ['title'], ['issued'], ['container-title']],
  chapter: [['author', 'editor'], ['title'], ['issued'], ['container-title']],
  'paper-conference': [['author', 'editor'], ['title'], ['issued'], ['container-title']],
  book: [['author', 'editor'], ['title'], ['issued'], ['publisher']],
  report: [['author', 'publisher'], ['title'], ['issued']],
  legislation: [['title'], ['issued']],
  webpage: [['title'], ['URL']],
};

function missingFields(e: Entry): string[] {
  const needs = ESSENTIAL[e.type];
  if (!needs) return [`type (${e.type})`];
  return needs.filter((anyOf) => !anyOf.some((f) => e[f] !== undefined && e[f] !== '')).map((anyOf) => anyOf.join('|'));
}

const year = (e: Entry): number | undefined => e.issued?.['date-parts'][0]?.[0];


/** Everything an entry is known by: its authors' names and its printed forms. */
function knownBy(e: Entry): string {
  const names = [...(e.author ?? []), ...(e.editor ?? [])].flatMap((n) => [n.family, n.given, n.literal]);
  return bare([...names, ...Object.values(e.custom.printed)].filter(Boolean).join(' '));
}

// ---------------------------------------------------------------------------------------------
// The chapters

interface MdxCitation {
  key: string;
  locator?: string;
  suppressAuthor: boolean;
  where: string;
  /** 004: the footnote whose definition holds the citation. */
  footnote?: number;
}

function chapterFiles(slug: string): string[] {
  const work = WORKS.find((w) => w.slug === slug)!;
  return work.chapters.map((c) => join(CONTENT, 'chapters', slug, `${c.slug}.mdx`));
}

/** The MDX body with the front matter blanked out, so line numbers stay true. */
function body(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''));
}

const citationsIn = (text: string) => [...text.matchAll(new RegExp(citationRE.source, 'gu'))];

function mdxCitations(slug: string): MdxCitation[] {
  return chapterFiles(slug).flatMap((file) =>
    body(file)
      .split('\n')
      .flatMap((line, i) => {
        const footnote = /^\[\^(\d+)\]:/.exec(line)?.[1];
        return citationsIn(line).flatMap((m) =>
          parseCitation(m)[0].map((item) => ({
            key: item.id ?? '',
            ...(item.locator ? { locator: item.locator } : {}),
            suppressAuthor: item['suppress-author'] === true,
            where: `${file.slice(CONTENT.length + 1)}:${i + 1}`,
            ...(footnote ? { footnote: Number(footnote) } : {}),
          })),
        );
      }),
  );
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

const mdx = createProcessor({ remarkPlugins: [remarkGfm] });

/** Citations as the Markdown parser sees them, with the node type that holds each. */
function citationHolders(file: string): { parent: string; line: number; text: string }[] {
  const found: { parent: string; line: number; text: string }[] = [];
  (function walk(node: MdNode, parent: MdNode | undefined) {
    if (node.type === 'text' && node.value && parent) {
      for (const m of citationsIn(node.value)) found.push({ parent: parent.type, line: node.position?.start.line ?? 0, text: m[0] });
    }
    for (const child of node.children ?? []) walk(child, node);
  })(mdx.parse(body(file)) as MdNode, undefined);
  return found;
}

// ---------------------------------------------------------------------------------------------
// 003: what each printed number cites, with the words that tie the citing sentence to the entry.

const NUMBERED_003: Record<number, { key: string; sentence: string; title: string }> = {
  1: { key: 'ri2007undang', sentence: 'Menurut Pasal 21 Tahun 2007, perdagangan orang adalah', title: 'Nomor 21 Tahun 2007' },
  2: { key: 'niko2017fenomena', sentence: 'penyebab perdagangan manusia', title: 'Trafficking In Person' },
  3: { key: 'niko2016kemiskinan', sentence: 'penyebab ekonomi', title: 'Kemiskinan Sebagai Penyebab' },
  4: { key: 'septia2016upaya', sentence: '', title: 'Pekerja Migran' },
  5: { key: 'kbka2022laporan', sentence: '', title: 'Laporan Tahunan Perdagangan Orang' },
  6: { key: 'suwarno2018ntt', sentence: 'TKI', title: 'Pengiriman Tenaga Kerja Indonesia di Nusa Tenggara Timur' },
  7: { key: 'li2017metamorfosis', sentence: '', title: 'Perbudakan' },
  8: { key: 'montero2018iom', sentence: 'pada tahun 2018 bupati kabupaten TTU', title: 'IOM Komit Wujudkan Kerjasama Dengan Pemkab TTU' },
  9: { key: 'rebon2022iom', sentence: 'diseminasi peraturan menteri PPPA No. 8 tahun 2021', title: 'Diseminasi Permen PPPA Nomor 8 Tahun 2021' },
  10: { key: 'adlini2022metode', sentence: 'studi kepustakaan atau *library research*', title: 'Studi Pustaka' },
};

// ---------------------------------------------------------------------------------------------

describe('content/bibliography.json', () => {
  it('is CSL-JSON with one readable, unique key per entry', () => {
    expect(Array.isArray(bibliography)).toBe(true);
    expect(new Set(bibliography.map((e) => e.id)).size).toBe(bibliography.length);
    const bad = bibliography.flatMap((e) => {
      const problems: string[] = [];
      if (!/^[a-z]+(\d{4}|nd)?[a-z]*$/.test(e.id)) problems.push('key is not family name + year + title word in lowercase ASCII');
      if (e['citation-key'] !== e.id) problems.push('citation-key differs from id');
      if (!CSL_TYPES.has(e.type)) problems.push(`unknown type ${e.type}`);
      for (const d of [e.issued, e.accessed]) if (d && !(d['date-parts'].length === 1 && d['date-parts'][0]!.every(Number.isInteger))) problems.push('bad date');
      const c = e.custom;
      if (!c || !Array.isArray(c.listedIn)) return [`${e.id}: no custom.listedIn`];
      if (c.listedIn.some((w) => !SLUGS.includes(w))) problems.push(`listedIn names an unknown work: ${c.listedIn.join(', ')}`);
      if (Object.keys(c.printed).sort().join() !== [...c.listedIn].sort().join()) problems.push('printed does not match listedIn');
      if (Object.keys(c.printedOrder).sort().join() !== [...c.listedIn].sort().join()) problems.push('printedOrder does not match listedIn');
      return problems.map((p) => `${e.id}: ${p}`);
    });
    expect(bad).toEqual([]);
  });

  it('gives every entry the essential fields of its type, or marks it incomplete with a note readers see', () => {
    const bad = bibliography.flatMap((e) => {
      const missing = missingFields(e);
      if (e.custom.incomplete && !e.custom.note?.trim()) return [`${e.id}: incomplete without a note`];
      if (missing.length && !e.custom.incomplete) return [`${e.id}: lacks ${missing.join(', ')} but is not marked incomplete`];
      return [];
    });
    expect(bad).toEqual([]);
    // The check can fail: a journal article without its journal is not complete.
    expect(missingFields({ id: 'x', 'citation-key': 'x', type: 'article-journal', title: 't', author: [{ family: 'A' }], issued: { 'date-parts': [[2020]] }, custom: { listedIn: [], printed: {}, printedOrder: {} } })).toEqual(['container-title']);
  });

  it('builds the entries no reference list holds from what the in-text citations give, and nothing more', () => {
    const fromCitations = bibliography.filter((e) => e.custom.listedIn.length === 0);
    expect(fromCitations.length).toBeGreaterThan(0);
    const bad = fromCitations.flatMap((e) => {
      const extra = Object.keys(e).filter((k) => !['id', 'citation-key', 'type', 'author', 'issued', 'custom'].includes(k));
      return [
        ...(extra.length ? [`${e.id}: has ${extra.join(', ')}, which no in-text citation gives`] : []),
        ...(e.custom.incomplete && e.custom.note === FROM_CITATIONS_NOTE ? [] : [`${e.id}: not marked incomplete with the note “${FROM_CITATIONS_NOTE}”`]),
      ];
    });
    expect(bad).toEqual([]);
  });

  it('keeps every printed entry word for word, in the order of its work’s list', () => {
    const bad: string[] = [];
    for (const slug of SLUGS) {
      const listed = bibliography.filter((e) => e.custom.listedIn.includes(slug)).sort((a, b) => a.custom.printedOrder[slug]! - b.custom.printedOrder[slug]!);
      if (!listed.length) continue;
      if (slug === 'dw4fs-kupang') {
        // the printed entry is the first footnote citing the work, its number the printed order
        const notes = new Map(footnotes004().map((n) => [n.number, n.text]));
        for (const e of listed) if (notes.get(e.custom.printedOrder[slug]!) !== flat(e.custom.printed[slug]!)) bad.push(`${slug} ${e.id}: printed text is not footnote ${e.custom.printedOrder[slug]}`);
        continue;
      }
      const list = flat(splitAtReferences(sourceText(slug))[1].replace(/^- /gm, ''));
      let from = 0;
      for (const e of listed) {
        const at = list.indexOf(flat(e.custom.printed[slug]!), from);
        if (at < 0) bad.push(`${slug} ${e.id}: printed text not found (in this order) in the source’s list`);
        else from = at + 1;
      }
      // printed order runs 1, 2, 3 …: no entry of the list is left out
      expect(listed.map((e) => e.custom.printedOrder[slug]), slug).toEqual(listed.map((_, i) => i + 1));
    }
    expect(bad).toEqual([]);
  });

  it('holds no entry that is neither listed nor cited', () => {
    const cited = new Set(SLUGS.flatMap((s) => mdxCitations(s).map((c) => c.key)));
    expect(bibliography.filter((e) => !e.custom.listedIn.length && !cited.has(e.id)).map((e) => e.id)).toEqual([]);
  });
});

describe('citations in the chapters', () => {
  it('name entries of the bibliography', () => {
    const unknown = SLUGS.flatMap((s) => mdxCitations(s).filter((c) => !byKey.has(c.key)).map((c) => `${c.where}: @${c.key}`));
    expect(unknown).toEqual([]);
  });

  it('sit where rehype-citation sees them: in a paragraph or table cell, not in emphasis, a link or a heading', () => {
    const bad: string[] = [];
    for (const file of SLUGS.flatMap(chapterFiles)) {
      const holders = citationHolders(file);
      const where = file.slice(CONTENT.length + 1);
      for (const h of holders) if (!['paragraph', 'tableCell'].includes(h.parent)) bad.push(`${where}:${h.line}: ${h.text} inside ${h.parent}`);
      // a citation broken up by markup (e.g. emphasis inside the brackets) is no citation to the parser
      const inText = body(file).split('\n').reduce((n, l) => n + citationsIn(l).length, 0);
      if (inText !== holders.length) bad.push(`${where}: ${inText} citations in the text, ${holders.length} seen by the parser`);
    }
    expect(bad).toEqual([]);
    // The check can fail.
    expect(citationsIn('*lihat [@goma2020manusia]*')).toHaveLength(1);
  });

  describe.each(SLUGS)('%s', (slug) => {
    it('has as many citations as its source, each citing the work the source cites', () => {
      const source = sourceCitations(slug);
      const site = mdxCitations(slug);
      expect(source.length).toBeGreaterThan(0);
      const mismatches: string[] = [];
      for (let i = 0; i < Math.max(source.length, site.length); i++) {
        const s = source[i];
        const c = site[i];
        if (!s || !c) {
          mismatches.push(`#${i + 1}: source ${s?.text ?? '—'} / MDX ${c ? `@${c.key} (${c.where})` : '—'}`);
          continue;
        }
        const e = byKey.get(c.key);
        const problem = !e ? 'unknown key' : mismatch(slug, s, c, e, source.slice(0, i), site.slice(0, i));
        if (problem) mismatches.push(`#${i + 1}: source ${s.text} / MDX @${c.key} (${c.where}): ${problem}`);
      }
      expect(mismatches, `${source.length} citations in the source, ${site.length} in the MDX`).toEqual([]);
    });
  });

  it('kokomakingi-2024: each printed number cites the entry at that place in the printed list', () => {
    const [text] = splitAtReferences(sourceText('kokomakingi-2024'));
    const flatText = text.replace(/\s+/g, ' ');
    const bad: string[] = [];
    for (const [n, { key, sentence, title }] of Object.entries(NUMBERED_003)) {
      const e = byKey.get(key);
      if (!e) {
        bad.push(`(${n}): no entry ${key}`);
        continue;
      }
      if (e.custom.printedOrder['kokomakingi-2024'] !== Number(n)) bad.push(`(${n}): ${key} is number ${e.custom.printedOrder['kokomakingi-2024']} in the list`);
      if (!e.title?.toLowerCase().includes(title.toLowerCase())) bad.push(`(${n}): title of ${key} lacks “${title}”`);
      // the passage before each "(n)" (its sentence, at most 700 characters) carries the words
      // that tie it to the entry; the numbers the text never cites have no such words
      for (const m of flatText.matchAll(new RegExp(`\\(${n}\\)`, 'g'))) {
        const passage = flatText.slice(Math.max(0, m.index - 700), m.index);
        if (!sentence) bad.push(`(${n}) is cited in the text, expected not: “…${passage.slice(-120)}”`);
        else if (!passage.includes(sentence)) bad.push(`(${n}): “${sentence}” not in “…${passage.slice(-200)}”`);
      }
      if (sentence && !flatText.includes(`(${n})`)) bad.push(`(${n}) is never cited in the text`);
    }
    expect(bad).toEqual([]);
  });
});

/** Why an MDX citation does not stand for the source citation at the same place (undefined: it does). */
function mismatch(slug: string, s: SourceCitation, c: MdxCitation, e: Entry, sourceBefore: SourceCitation[], siteBefore: MdxCitation[]): string | undefined {
  switch (slug) {
    case 'kokomakingi-2024':
      return NUMBERED_003[s.number!]?.key === c.key ? undefined : `(${s.number}) should cite ${NUMBERED_003[s.number!]?.key}`;
    case 'dw4fs-kupang': {
      // Each footnote became a Chicago note citation in its place: the n-th citation is note n.
      const note = c.footnote ?? siteBefore.length + 1;
      if (note !== s.number) return `citation stands for note ${note}, not ${s.number}`;
      if (/^Ibid\./.test(s.note!)) return siteBefore.at(-1)?.key === c.key ? undefined : `“Ibid.” should repeat @${siteBefore.at(-1)?.key}`;
      return flat(e.custom.printed['dw4fs-kupang'] ?? '') === s.note || sourceBefore.some((b) => b.note === s.note) ? undefined : 'the entry’s printed text is not this footnote';
    }
    default: {
      const problems: string[] = [];
      if (!knownBy(e).includes(bare(s.name!))) problems.push(`the entry is not known as “${s.name}”`);
      const printedNd = s.year === 'n.d.' && (e.custom.printed[slug] ?? '').includes('(n.d.)');
      if (!printedNd && year(e) !== Number.parseInt(s.year!, 10)) problems.push(`year ${year(e)} is not ${s.year}`);
      if ((s.locator ?? '') !== (c.locator ?? '')) problems.push(`locator ${c.locator ?? '—'} is not ${s.locator ?? '—'}`);
      return problems.join('; ') || undefined;
    }
  }
}
