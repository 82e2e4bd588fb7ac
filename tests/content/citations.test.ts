// Citations and reference lists as the built site carries them: every citation of the MDX shown with
// its printed words and linked to an entry that exists, no generated citation left, each work's
// list being its printed list in printed order (or, where the source prints none, the editor's list
// with nothing from another work unattributed), links in references, downloads that parse back,
// and the citation script only where there are citations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLibrary } from '../../src/bibliography/library.ts';
import { citationsInMdx } from '../../src/bibliography/rehype-cite-links.ts';
import { findElements, hasClass } from '../../src/markdown/hast.ts';
import { builtMainText } from '../support/built-text.ts';
import { SOURCES_DIR, words } from '../../measure/fidelity.ts';
import { readMarkup } from '../support/printed.ts';
import { builtPages, CONTENT, DIST, readBuilt, ROOT, works } from '../support/site.ts';
import { bibliographyListPages, entryPage } from '../support/bibliography-pages.ts';

const library = loadLibrary(ROOT);
const allWorks = works();
const workYaml = (slug: string) => parse(readFileSync(join(CONTENT, 'works', `${slug}.yaml`), 'utf8')) as { referenceListPrinted?: boolean };
const printsList = (slug: string) => workYaml(slug).referenceListPrinted !== false;

const tree = (path: string) => fromHtml(readBuilt(path));
/** The citation links of a built page (not the margin's copies of its notes): key, the words shown. */
const citationsOn = (path: string) => {
  const page = tree(path);
  const copies = new Set(findElements(page, (el) => hasClass(el, 'sidenote')).flatMap((note) => findElements(note, (el) => el.tagName === 'a')));
  return findElements(page, (el) => el.tagName === 'a' && hasClass(el, 'citation-link') && !copies.has(el)).map((el) => ({
    key: String(el.properties.dataCites),
    href: String(el.properties.href),
    id: String(el.properties.id),
    text: toText(el),
  }));
};
const mdxBody = (work: string, chapter: string) =>
  readFileSync(join(CONTENT, 'chapters', work, `${chapter}.mdx`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const chapterPages = (work: (typeof allWorks)[number]) => work.chapters.map((c) => ({ chapter: c.slug, path: `/${work.slug}/${c.slug}/` }));
const plain = (s: string) => s.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();

describe('every citation is shown as printed', () => {
  it('no built page has a citation in a generated or unrendered form', () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => readBuilt(p).includes('[@') || /href="@/.test(readBuilt(p)))).toEqual([]);
  });

  it.each(allWorks.map((w) => [w.slug, w] as const))('%s: each chapter shows its MDX citations with their printed words, each linked to its entry', (_slug, work) => {
    for (const { chapter, path } of chapterPages(work)) {
      const mdx = citationsInMdx(mdxBody(work.slug, chapter));
      const site = citationsOn(path);
      expect(site.map((c) => [c.key, plain(c.text)]), path).toEqual(mdx.map((c) => [c.key, plain(c.printed)]));
      for (const c of site) expect(c.href, `${path}#${c.id}`).toBe(`../daftar-pustaka/#${c.key}`);
    }
  });

  it.each(allWorks.map((w) => [w.slug, w] as const))('%s: every citation links to an entry its Daftar Pustaka shows', (slug, work) => {
    const listed = new Set(findElements(tree(`/${slug}/daftar-pustaka/`), (el) => el.tagName === 'li' && hasClass(el, 'reference')).map((li) => String(li.properties.id)));
    const missing = chapterPages(work).flatMap(({ path }) => citationsOn(path).filter((c) => !listed.has(c.key)).map((c) => `${path}#${c.id} → ${c.key}`));
    expect(missing).toEqual([]);
  });

  it.each(allWorks.map((w) => [w.slug, w] as const))('%s: each citation’s words stand in the source, in the order of the text', (_slug, work) => {
    const source = plain(readMarkup(readFileSync(join(SOURCES_DIR, work.sourceFile), 'utf8')).replace(/-\s*\n\s*/g, '-'));
    let from = 0;
    const bad: string[] = [];
    for (const { path } of chapterPages(work)) {
      for (const c of citationsOn(path)) {
        const at = source.indexOf(plain(c.text), from);
        if (at < 0) bad.push(`${path}#${c.id}: “${c.text}” is not in ${work.sourceFile} after the citation before it`);
        else from = at;
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('reference lists', () => {
  const listedOrCited = (slug: string, pages: string[]) => {
    const cited = new Set(pages.flatMap((p) => citationsOn(p).map((c) => c.key)));
    return new Set(library.references.filter((r) => r.listedIn.includes(slug) || cited.has(r.id)).map((r) => r.id));
  };
  const entriesOn = (path: string) => findElements(tree(path), (el) => el.tagName === 'li' && hasClass(el, 'reference'));

  it.each(allWorks.map((w) => [w.slug, w] as const))('%s: its Daftar Pustaka holds what it lists (cited or not) and cites', (slug, work) => {
    const expected = listedOrCited(slug, chapterPages(work).map((c) => c.path));
    const shown = entriesOn(`/${slug}/daftar-pustaka/`).map((li) => String(li.properties.id));
    expect(new Set(shown)).toEqual(expected);
    expect(shown).toHaveLength(expected.size);
  });

  it.each(allWorks.filter((w) => printsList(w.slug)).map((w) => [w.slug] as const))('%s: shows its printed list as printed, in printed order', (slug) => {
    const shown = entriesOn(`/${slug}/daftar-pustaka/`).map((li) => ({
      id: String(li.properties.id),
      text: toText(findElements(li, (el) => hasClass(el, 'reference-entry'))[0]!).replace(/^\d+\.\s*/, ''),
    }));
    const printed = library.references.filter((r) => r.listedIn.includes(slug)).sort((a, b) => a.printedOrder[slug]! - b.printedOrder[slug]!);
    expect(shown.map((e) => e.id)).toEqual(printed.map((r) => r.id));
    for (const [i, r] of printed.entries()) expect(words(shown[i]!.text).join(' '), r.id).toBe(words(r.printed[slug]!).join(' '));
  });

  it.each(allWorks.filter((w) => !printsList(w.slug)).map((w) => [w.slug] as const))('%s: the editor’s list says so, and shows nothing of another work without naming it', (slug) => {
    const page = tree(`/${slug}/daftar-pustaka/`);
    expect(findElements(page, (el) => hasClass(el, 'compiled-heading'))).toHaveLength(1);
    const bad: string[] = [];
    for (const li of entriesOn(`/${slug}/daftar-pustaka/`)) {
      const ref = library.byId.get(String(li.properties.id))!;
      // What a reader sees of the entry without opening anything, apart from the blocks naming
      // another work and the editor's note on the record (which says where each thing is printed).
      const apart = (c: Element) => hasClass(c, 'reference-elsewhere') || hasClass(c, 'reference-gap') || c.tagName === 'div';
      const open: Root = { type: 'root', children: li.children.filter((c) => !(c.type === 'element' && apart(c))) };
      const seen = words(toText(open)).join(' ');
      for (const field of ['title', 'container-title', 'DOI', 'URL'] as const) {
        const value = ref.csl[field];
        if (typeof value !== 'string') continue;
        const own = Object.entries(ref.printed).some(([w, text]) => w === slug && words(text).join(' ').includes(words(value).join(' ')));
        if (!own && seen.includes(words(value).join(' '))) bad.push(`${ref.id}: its ${field} “${value}” is shown without naming the work that prints it`);
      }
      for (const [w, text] of Object.entries(ref.printed)) {
        if (w === slug) continue;
        const named = findElements(li, (el) => hasClass(el, 'reference-elsewhere')).some((el) => words(toText(el)).join(' ').includes(words(text).join(' ')));
        if (!named) bad.push(`${ref.id}: what ${w} prints of it is not shown apart, naming ${w}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the site-wide list holds every entry once (over its pages)', () => {
    const shown = bibliographyListPages().flatMap((p) => entriesOn(p).map((li) => String(li.properties.id)));
    expect(shown.toSorted()).toEqual(library.references.map((r) => r.id).toSorted());
  });

  it('marks incomplete entries with their note', () => {
    const incomplete = library.references.filter((r) => r.incomplete);
    expect(incomplete.length).toBeGreaterThan(0);
    for (const r of incomplete) expect(builtMainText(entryPage(r.id))).toContain(`Entri tidak lengkap: ${r.note}`);
    // and every note on an entry is there for readers on its page, incomplete or not
    for (const r of library.references.filter((x) => x.note)) expect(builtMainText(entryPage(r.id)), r.id).toContain(r.note!);
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

describe('back-links', () => {
  // Every back-link of every entry (each work's list and each entry's own page of the site-wide
  // list) lands on the citation it names: an element of that id, a citation link, on the page it
  // points to. Read from the built files, so the check costs the same on a busy machine;
  // tests/browser/citations.test.ts follows one in Chromium.
  it('every back-link of every entry lands on the citation it names', () => {
    const pages = [...library.references.map((r) => entryPage(r.id)), ...allWorks.map((w) => `/${w.slug}/daftar-pustaka/`)];
    const targets = new Map<string, Set<string>>();
    const citationIds = (path: string) => {
      if (!targets.has(path)) {
        const ids = findElements(tree(path), (el) => el.tagName === 'a' && hasClass(el, 'citation-link')).map((el) => String(el.properties.id));
        targets.set(path, new Set(ids));
      }
      return targets.get(path)!;
    };
    let count = 0;
    const missing: string[] = [];
    for (const path of pages) {
      for (const a of findElements(tree(path), (el) => el.tagName === 'a' && hasClass(el, 'cite-backlink'))) {
        const url = new URL(String(a.properties.href), `http://site${path}`);
        count++;
        if (!citationIds(url.pathname).has(decodeURIComponent(url.hash.slice(1)))) missing.push(`${path} → ${url.pathname}${url.hash}`);
      }
    }
    expect(count).toBeGreaterThan(5);
    expect(missing).toEqual([]);
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
  it('the citation popover and its script ship only on pages with citations in the running text (not only in footnotes)', () => {
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
      const page = fromHtml(html);
      const notes = new Set(findElements(page, (el) => 'dataFootnotes' in el.properties || hasClass(el, 'sidenote')).flatMap((n) => findElements(n, (el) => el.tagName === 'a')));
      const cites = findElements(page, (el) => el.tagName === 'a' && hasClass(el, 'citation-link') && !notes.has(el)).length > 0;
      expect(html.includes('id="citation-popover"'), path).toBe(cites);
      expect(scripts(html).includes('a.citation-link'), path).toBe(cites);
    }
  });
});
