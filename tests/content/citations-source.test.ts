// The shared bibliography (content/bibliography.json) and the citations in the chapters, checked on
// the content files alone (no build), so they hold before and after the renderer exists. Everything
// is derived from content/: the works, their chapters, their sources and their printed lists.
//
// A citation in the MDX is a link whose text is the citation as printed and whose address is the
// entry's key: `([Suwarno et al., 2018](@suwarno2018ntt))`, `[Ibid.](@ilo2007sekilas)` in a
// footnote (src/bibliography/rehype-cite-links.ts). That its words are the source's is held by the
// strict fidelity test (tests/browser/fidelity.test.ts) and tests/content/citations.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { citationsInMdx } from '../../src/bibliography/rehype-cite-links.ts';
import { CONTENT, works } from '../support/site.ts';
import { flat, sourceText, splitAtReferences } from '../support/source-citations.ts';

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



// ---------------------------------------------------------------------------------------------
// The chapters

interface MdxCitation {
  key: string;
  printed: string;
  where: string;
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

/** The citation links of a work's chapters, in order, with the line each stands on. */
function mdxCitations(slug: string): MdxCitation[] {
  return chapterFiles(slug).flatMap((file) =>
    body(file)
      .split('\n')
      .flatMap((line, i) =>
        citationsInMdx(line).map((c) => ({ key: c.key ?? '(no key)', printed: c.printed, where: `${file.slice(CONTENT.length + 1)}:${i + 1}` })),
      ),
  );
}

const workData = (slug: string) => parse(readFileSync(join(CONTENT, 'works', `${slug}.yaml`), 'utf8')) as { citationStyle: string; referenceListPrinted?: boolean };

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
      // A printed list is read after the source's DAFTAR PUSTAKA heading; where the source prints
      // none (the list is compiled from its notes), each entry's wording is a note of the source.
      const printedList = workData(slug).referenceListPrinted !== false;
      const [text, list] = splitAtReferences(sourceText(slug));
      const where = flat((printedList ? list : text).replace(/^- /gm, ''));
      let from = 0;
      for (const e of listed) {
        const at = where.indexOf(flat(e.custom.printed[slug]!), printedList ? from : 0);
        if (at < 0) bad.push(`${slug} ${e.id}: printed text not found${printedList ? ' (in this order) in the source’s list' : ' in the source'}`);
        else from = at + 1;
      }
      // a printed list's order runs 1, 2, 3 …: no entry of it is left out (a list compiled from
      // notes is ordered by the number of each entry's first note)
      if (printedList) expect(listed.map((e) => e.custom.printedOrder[slug]), slug).toEqual(listed.map((_, i) => i + 1));
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
    const unknown = SLUGS.flatMap((slug) => mdxCitations(slug).filter((c) => !byKey.has(c.key)).map((c) => `${c.where}: @${c.key}`));
    expect(unknown).toEqual([]);
  });

  it('each have the printed words of the citation as their text', () => {
    const empty = SLUGS.flatMap((slug) => mdxCitations(slug).filter((c) => !c.printed.trim()).map((c) => `${c.where}: @${c.key}`));
    expect(empty).toEqual([]);
  });

  it('in a work with a printed list, cite only entries that list holds', () => {
    const bad = SLUGS.filter((slug) => bibliography.some((e) => e.custom.listedIn.includes(slug))).flatMap((slug) =>
      mdxCitations(slug).filter((c) => byKey.has(c.key) && !byKey.get(c.key)!.custom.listedIn.includes(slug)).map((c) => `${c.where}: @${c.key} is not in ${slug}'s list`),
    );
    expect(bad).toEqual([]);
  });

  it('in a numbered work, print each entry’s number in its printed list', () => {
    const numbered = SLUGS.filter((slug) => workData(slug).citationStyle === 'vancouver');
    const bad = numbered.flatMap((slug) =>
      mdxCitations(slug).flatMap((c) => {
        const n = (byKey.get(c.key)?.custom as { number?: Record<string, number> } | undefined)?.number?.[slug];
        return c.printed.replace(/[()[\]\s]/g, '') === String(n) ? [] : [`${c.where}: “${c.printed}” cites @${c.key}, number ${n ?? '—'} in ${slug}'s list`];
      }),
    );
    expect(bad).toEqual([]);
  });
});
