// Citations and reference lists as the built site carries them: every citation of the MDX rendered
// (none left as "[@"), in its work's style, each work's list holding what it lists and cites, links
// in references, downloads that parse back, and the citation script only where there are citations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/citations/library.ts';
import { findElements, hasClass } from '../../src/markdown/hast.ts';
import { citationRE } from '../../src/citations/rehype-citation.ts';
import { builtMainText } from '../support/built-text.ts';
import { SOURCES_DIR, words } from '../support/fidelity.ts';
import { builtPages, CONTENT, DIST, readBuilt, ROOT, works } from '../support/site.ts';
import { bibliographyListPages, entryPage } from '../support/bibliography-pages.ts';
import { bare, sourceCitations, type SourceCitation } from '../support/source-citations.ts';

const library = loadLibrary(ROOT);
const allWorks = works();

const tree = (path: string) => fromHtml(readBuilt(path));
/** Each citation's keys, its rendered text, and the source's wording beside it ("[tercetak: …]"), if any. */
const citationsOn = (path: string) =>
  findElements(tree(path), (el) => el.tagName === 'span' && hasClass(el, 'citation')).map((el) => {
    const mark = el.children.find((c): c is Element => c.type === 'element' && hasClass(c, 'cited-as'));
    return {
      keys: String(el.properties.dataCites).split(' '),
      text: toText({ ...el, children: el.children.filter((c) => c !== mark) }).trim(),
      printedAs: mark ? (/^\[tercetak: (.+)\]$/.exec(toText(mark).trim())?.[1] ?? `(unreadable mark: ${toText(mark)})`) : undefined,
    };
  });
const mdxBody = (work: string, chapter: string) =>
  readFileSync(join(CONTENT, 'chapters', work, `${chapter}.mdx`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const chapterPages = (work: (typeof allWorks)[number]) => work.chapters.map((c) => ({ chapter: c.slug, path: `/${work.slug}/${c.slug}/` }));

describe('every citation is rendered', () => {
  it('no built page has "[@" left', () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(20);
    const left = pages.filter((p) => readBuilt(p).includes('[@'));
    expect(left).toEqual([]);
  });

  it.each(allWorks.map((w) => [w.slug, w] as const))('%s: each chapter shows as many citations as its MDX has', (_slug, work) => {
    for (const { chapter, path } of chapterPages(work)) {
      const inMdx = [...mdxBody(work.slug, chapter).matchAll(new RegExp(citationRE.source, 'gu'))].length;
      expect(citationsOn(path).length, path).toBe(inMdx);
    }
  });
});

describe('each work in its own style', () => {
  const cites = (slug: string) => allWorks.find((w) => w.slug === slug)!.chapters.flatMap((c) => citationsOn(`/${slug}/${c.slug}/`));
  const authors = (key: string) => ((library.byId.get(key)!.csl.author as unknown[] | undefined) ?? []).length;

  it('borotoding-2024: APA 7 "(Author, 2020)", "dkk." for three or more authors', () => {
    const list = cites('borotoding-2024');
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) {
      expect(c.text).toMatch(/^\(.+, (\d{4}[a-z]?|t\.t\.)(, hlm\. [\d–-]+)?\)$/);
      if (c.keys.length === 1 && authors(c.keys[0]!) >= 3) expect(c.text).toMatch(/^\([^()]+ dkk\., /);
    }
    expect(list.some((c) => c.text.includes('dkk.'))).toBe(true);
  });

  it('iom-ntt-2014-2018: Chicago author-date "(Author 2020, 40)"', () => {
    const list = cites('iom-ntt-2014-2018');
    expect(list.length).toBeGreaterThan(0);
    // Parenthetical citations; a narrative one ("Iskandar dan Nursiti (2021)") or one whose authors the
    // sentence already names ("Daniel, Mulyana, dan Wibhawa (2017)": [-@key]) gives the year in brackets.
    for (const c of list) expect(c.text).toMatch(/^\([^,]+ \d{4}[a-z]?(, [\d–-]+)?\)$|^[^()]+ \(\d{4}[a-z]?(, [\d–-]+)?\)$|^\(\d{4}[a-z]?(, [\d–-]+)?\)$/);
  });

  it('kokomakingi-2024: Vancouver numbers, each the entry’s number in the printed list', () => {
    const list = cites('kokomakingi-2024');
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) {
      expect(c.text).toMatch(/^\(\d+([,–]\d+)*\)$/);
      const printed = library.byId.get(c.keys[0]!)!.number['kokomakingi-2024'];
      if (c.keys.length === 1 && printed) expect(c.text).toBe(`(${printed})`);
    }
  });

  it('kokomakingi-2024: the numbers in the text run as in the source', () => {
    const numbers = (text: string) => [...text.matchAll(/\((\d{1,3}(?:[,–-]\s*\d{1,3})*)\)/g)].map((m) => m[1]);
    const source = readFileSync(join(SOURCES_DIR, allWorks.find((w) => w.slug === 'kokomakingi-2024')!.sourceFile), 'utf8');
    const body = source.slice(0, source.search(/^#* *DAFTAR PUSTAKA/m));
    const site = allWorks.find((w) => w.slug === 'kokomakingi-2024')!.chapters.filter((c) => c.slug !== 'daftar-pustaka');
    // The chapters' text only (the cite panel above it prints the article's "4(5)").
    const built = site.flatMap((c) => findElements(tree(`/kokomakingi-2024/${c.slug}/`), (el) => hasClass(el, 'prose')).map((el) => toText(el))).join('\n');
    expect(numbers(built)).toEqual(numbers(body));
  });

  it('dw4fs-kupang: Chicago notes among the author’s footnotes, the first keeping its printed wording', () => {
    const page = tree('/dw4fs-kupang/bab-1-pendahuluan/');
    const notes = findElements(page, (el) => el.tagName === 'li' && String(el.properties.id ?? '').startsWith('user-content-fn-'));
    const cited = citationsOn('/dw4fs-kupang/bab-1-pendahuluan/');
    expect(cited.length).toBeGreaterThan(0);
    expect(notes).toHaveLength(13);
    for (const [i, c] of cited.entries()) {
      expect(c.text).toMatch(/^\d+$/);
      const note = notes[Number(c.text) - 1]!;
      expect(findElements(note, (el) => hasClass(el, 'csl-note')), `note ${c.text}`).toHaveLength(1);
      const printed = library.byId.get(c.keys[0]!)!.printed['dw4fs-kupang'];
      const first = cited.findIndex((d) => d.keys[0] === c.keys[0]) === i;
      if (printed && first) expect(words(toText(note)).join(' ')).toContain(words(printed).join(' '));
    }
  });
});

describe('where the style renders another author or year than the source prints', () => {
  // The n-th citation on the site stands for the n-th of the source (citations-source.test.ts). Where
  // the rendering names another author, or another year, than the print (000 cites Goma 2020 as
  // "Edwardus Iwantri, 2020"; APA letters BPS's three 2024 pages a–c where the print has "", a, b),
  // the source's wording stands beside it, and nowhere else. Style alone ("et al." as "dkk.", "n.d."
  // as "t.t.", three authors shortened, page ranges) is no difference.
  const YEAR = /(?:19|20)\d\d[a-z]?|t\.t\./;
  function differs(printed: SourceCitation, rendered: string): boolean {
    const year = YEAR.exec(rendered);
    if (!year) return true;
    const author = rendered.slice(0, year.index);
    const printedYear = printed.year === 'n.d.' ? 't.t.' : printed.year;
    return year[0] !== printedYear || (bare(author) !== '' && !bare(author).includes(bare(printed.name!)));
  }

  it.each(['borotoding-2024', 'iom-ntt-2014-2018'])('%s: the printed wording stands beside exactly those citations', (slug) => {
    const site = allWorks.find((w) => w.slug === slug)!.chapters.flatMap((c) => citationsOn(`/${slug}/${c.slug}/`));
    const source = sourceCitations(slug);
    expect(site.length).toBe(source.length);
    const bad = source.flatMap((s, i) => {
      const c = site[i]!;
      const expected = differs(s, c.text) ? s.text.replace(/^\(|\)$/g, '') : undefined;
      return c.printedAs === expected ? [] : [`#${i + 1}: source ${s.text}, site ${c.text}: marked ${c.printedAs ?? '—'}, expected ${expected ?? 'no mark'}`];
    });
    expect(bad).toEqual([]);
    if (slug === 'borotoding-2024') expect(site.filter((c) => c.printedAs).length).toBeGreaterThan(0);
  });

  it('the check can fail: a different author or year counts, style does not', () => {
    const print = (text: string, name: string, year: string): SourceCitation => ({ text, name, year });
    expect(differs(print('(Edwardus Iwantri, 2020)', 'Edwardus Iwantri', '2020'), '(Goma, 2020)')).toBe(true);
    expect(differs(print('(STATISTIK, 2024a)', 'STATISTIK', '2024a'), '(STATISTIK, 2024b)')).toBe(true);
    expect(differs(print('(Suwarno et al., 2018)', 'Suwarno', '2018'), '(Suwarno dkk., 2018)')).toBe(false);
    expect(differs(print('(IOM, n.d.)', 'IOM', 'n.d.'), '(IOM, t.t.)')).toBe(false);
  });
});

describe('reference lists', () => {
  const listedOrCited = (slug: string, pages: string[]) => {
    const cited = new Set(pages.flatMap((p) => citationsOn(p).flatMap((c) => c.keys)));
    return new Set(library.references.filter((r) => r.listedIn.includes(slug) || cited.has(r.id)).map((r) => r.id));
  };
  const entriesOn = (path: string) => findElements(tree(path), (el) => el.tagName === 'li' && hasClass(el, 'reference'));

  it.each(allWorks.map((w) => [w.slug, w] as const))('%s: its Daftar Pustaka holds what it lists (cited or not) and cites', (slug, work) => {
    const expected = listedOrCited(slug, chapterPages(work).map((c) => c.path));
    const shown = entriesOn(`/${slug}/daftar-pustaka/`).map((li) => String(li.properties.id));
    expect(new Set(shown)).toEqual(expected);
    expect(shown).toHaveLength(expected.size);
  });

  it('the site-wide list holds every entry once (over its pages)', () => {
    const shown = bibliographyListPages().flatMap((p) => entriesOn(p).map((li) => String(li.properties.id)));
    expect(shown.toSorted()).toEqual(library.references.map((r) => r.id).toSorted());
  });

  it('marks incomplete entries with their note', () => {
    const incomplete = library.references.filter((r) => r.incomplete);
    expect(incomplete.length).toBeGreaterThan(0);
    for (const r of incomplete) expect(builtMainText(entryPage(r.id))).toContain(`Entri tidak lengkap: ${r.note}`);
  });

  it('every URL and DOI in a formatted reference is a link', () => {
    const pages = [...bibliographyListPages(), ...library.references.map((r) => entryPage(r.id)), ...allWorks.map((w) => `/${w.slug}/daftar-pustaka/`)];
    let seen = 0;
    for (const path of pages) {
      for (const entry of findElements(tree(path), (el) => hasClass(el, 'csl-entry'))) {
        const bare = (node: Element): string[] =>
          node.children.flatMap((c) => (c.type === 'text' ? [c.value] : c.type === 'element' && c.tagName !== 'a' ? bare(c) : []));
        expect(bare(entry).join(' '), path).not.toMatch(/https?:\/\/|doi:\s?10\./);
        seen += findElements(entry, (el) => el.tagName === 'a').length;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('no printed entry is kept twice: a references chapter drops each line that the bibliography holds', () => {
    const norm = (s: string) => words(s.replace(/^\s*(-|\d+\.)\s+/, '')).join(' ');
    for (const work of allWorks) {
      const file = join(CONTENT, 'chapters', work.slug, 'daftar-pustaka.mdx');
      const lines = readFileSync(file, 'utf8').split('\n').map(norm).filter((l) => l.split(' ').length > 5);
      const printed = library.references.flatMap((r) => (r.printed[work.slug] ? [{ id: r.id, text: norm(r.printed[work.slug]!) }] : []));
      const twice = printed.filter((p) => lines.includes(p.text)).map((p) => `${p.id} (still printed in ${file})`);
      expect(twice).toEqual([]);
    }
  });
});

describe('downloads', () => {
  const parse = (path: string) => new Cite(readFileSync(join(DIST, path), 'utf8')).data;
  const lists = [{ name: 'ruang-baca-ntt', page: '/daftar-pustaka/' }, ...allWorks.map((w) => ({ name: w.slug, page: `/${w.slug}/daftar-pustaka/` }))];

  it.each(lists.map((l) => [l.name, l] as const))('%s: BibTeX and RIS parse back with the entries and keys of its list', (_name, list) => {
    const pages = list.page === '/daftar-pustaka/' ? bibliographyListPages() : [list.page];
    const keys = pages.flatMap((p) => findElements(tree(p), (el) => el.tagName === 'li' && hasClass(el, 'reference')).map((li) => String(li.properties.id))).toSorted();
    expect(keys.length).toBeGreaterThan(0);
    expect(parse(`daftar-pustaka/${list.name}.bib`).map((d) => d['citation-key']).toSorted()).toEqual(keys);
    expect(parse(`daftar-pustaka/${list.name}.ris`).map((d) => d.id).toSorted()).toEqual(keys);
  });

  it('are linked from the reference pages', () => {
    const html = readBuilt('/daftar-pustaka/');
    expect(html).toContain('href="/daftar-pustaka/ruang-baca-ntt.bib"');
    expect(html).toContain('href="/daftar-pustaka/ruang-baca-ntt.ris"');
    for (const w of allWorks) expect(readBuilt(`/${w.slug}/daftar-pustaka/`)).toContain(`href="/daftar-pustaka/${w.slug}.ris"`);
  });
});

describe('scripts', () => {
  it('the citation popover and its script ship only on pages with in-text citations', () => {
    // Inline scripts and the local files scripts load (the popover's own code loads on first use).
    const scripts = (html: string) =>
      [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
        .map(([, attrs, inline]) => {
          const src = /\bsrc="(\/[^"]+)"/.exec(attrs!)?.[1];
          return src ? readFileSync(join(DIST, src), 'utf8') : inline!;
        })
        .join('\n');
    for (const path of builtPages().filter((p) => p.endsWith('/'))) {
      const html = readBuilt(path);
      const cites = html.includes('class="citation-link"');
      expect(html.includes('id="citation-popover"'), path).toBe(cites);
      expect(scripts(html).includes('a.citation-link'), path).toBe(cites);
    }
  });
});
