// What Google Scholar, Zotero and search engines read from the built site: the item Zotero saves
// from every work and chapter page (by the rules of its translators, tests/support/zotero.ts), the
// COinS of every reference list, Highwire tags, JSON-LD, Open Graph, canonical and alternate links,
// sitemap.xml with lastmod, robots.txt, and the BibTeX/RIS downloads read back with citation-js's
// parsers and with Zotero's type mappings. Expected values come from content/works/*.yaml and
// content/bibliography.json.
import { fileDate } from '../../src/metadata/lastmod.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { pageMeta, workYaml } from '../support/metadata.ts';
import { BIBTEX_IMPORT_TYPES, RIS_IMPORT_TYPES, cleanAuthor, parseContextObject, savePage } from '../support/zotero.ts';
import { CONTENT, DIST, NOINDEX, ROOT, SITE, builtPages, readBuilt, works } from '../support/site.ts';

/** Elements with this tag name and class, in document order. */
function selectAll(selector: string, node: Root | Element): Element[] {
  const [tag, cls] = selector.split('.');
  const out: Element[] = [];
  (function walk(n: Root | Element) {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === tag && (!cls || ([] as unknown[]).concat(c.properties.className ?? []).includes(cls))) out.push(c);
      walk(c);
    }
  })(node);
  return out;
}
const select = (selector: string, node: Root | Element) => selectAll(selector, node)[0];

const library = works();
const pagesOf = (w: (typeof library)[number]) => [`/${w.slug}/`, ...w.chapters.map((c) => `/${w.slug}/${c.slug}/`)];
/** The site's tagline (its count of works follows content/), which no work's description may be. */
const TAGLINES = [/\p{L}+ kajian tentang perdagangan orang/u, /\p{L}+ stud(y|ies) of human trafficking/iu];
/** A work's list pages that were built (tables and figures; abbreviations only where the work spells some out): a reference manager saves them as the work too. */
const listPagesOf = (w: (typeof library)[number]) =>
  [`/${w.slug}/daftar-tabel-gambar/`, `/${w.slug}/singkatan/`].filter((p) => existsSync(join(DIST, p, 'index.html')));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string) => norm(s).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** The work's abstract in its language as a reader sees it: emphasis marks gone, white space as Zotero trims it. */
const wholeAbstract = (y: ReturnType<typeof workYaml>) => {
  const paras = y.abstracts?.[y.language];
  return paras?.length ? norm(paras.join(' ').replace(/[*_]/g, '')) : undefined;
};

/** A description is the start of `source`: the whole of it, whole sentences, or whole words and "…". */
function expectExcerptOf(description: string, source: string, where: string) {
  const d = norm(description);
  const body = d.endsWith('…') ? d.slice(0, -1) : d;
  const src = norm(source);
  const dw = words(body);
  const sw = words(src);
  // Every word of the description, in order, at the start of the source (citations and footnote
  // numbers the page prints between them are skipped).
  let j = sw.findIndex((_, i) => dw.slice(0, 3).every((w, k) => sw[i + k] === w));
  expect(j, `${where}: the description's first words are not in the text`).toBeGreaterThanOrEqual(0);
  // A footnote's number stands against the word it follows on the page ("saja1"), not in the description.
  const same = (page: string, w: string) => page === w || (page.startsWith(w) && /^\d+$/.test(page.slice(w.length)));
  for (const w of dw) {
    while (j < sw.length && !same(sw[j]!, w)) j++;
    expect(j < sw.length, `${where}: "${w}" of the description is not in the text`).toBe(true);
    j++;
  }
  if (d.endsWith('…')) expect(body, `${where}: cut after a whole word`).toMatch(/[\p{L}\p{N})”"]$/u);
  else expect(d === src || /[.!?…]["”’)]?$/.test(d), `${where}: ends the text or a sentence`).toBe(true);
}

describe.each(library.map((w) => [w.slug, w] as const))('what Zotero saves from %s', (slug, work) => {
  const y = workYaml(slug);
  const title = y.title[y.language]!;
  const abstract = wholeAbstract(y);

  it.each([...pagesOf(work), ...listPagesOf(work)].flatMap((p) => [p, `/en${p}`]))('%s: the whole work, with the right type and whole, true fields', (path) => {
    const { item, unmodelled, translator, coins } = savePage(path);
    const base = path.replace(/^\/en\//, '/');
    expect(unmodelled, 'the page carries something the modelled rules do not cover').toEqual([]);
    // Embedded Metadata.js: the type comes from citation_journal_title or
    // citation_dissertation_institution; without them, from DC.type through RDF.js.
    expect(item.itemType).toBe(y.type === 'journal-article' ? 'journalArticle' : 'thesis');
    // A chapter page gives the whole work (docs/reading.md, "For machines"), at the chapter's own address.
    expect(item.title).toBe(title);
    expect(item.creators).toEqual(y.authors.map((a) => cleanAuthor(a.name, false)));
    expect(item.date).toBe(y.year === undefined ? undefined : String(y.year));
    expect(item.language).toBe(y.language);
    expect(item.url).toBe(`${SITE}${base}`);
    // citation_pdf_url: Zotero saves the work's PDF with the item.
    expect(item.attachments).toEqual([{ title: 'Full Text PDF', url: `${SITE}/${slug}/${slug}.pdf`, mimeType: 'application/pdf' }]);
    if (abstract) {
      // citation_abstract, whole, overrides og:description and the meta description.
      expect(item.abstractNote).toBe(abstract);
    } else {
      // No abstract: none saved, not a chapter's first words cut with "…" (Zotero's last fallback is
      // the meta description), not the tagline or the title.
      expect(item.abstractNote, 'a work without an abstract gets none').toBeUndefined();
    }
    for (const t of TAGLINES) expect(item.abstractNote ?? '').not.toMatch(t);
    expect(item.abstractNote ?? '').not.toBe(title);
    if (y.type === 'journal-article') {
      const j = y.journal!;
      expect(item).toMatchObject({ publicationTitle: j.name, volume: j.volume, issue: j.issue, pages: `${j.firstPage}-${j.lastPage}` });
      // Embedded Metadata joins every citation_issn into the one ISSN field.
      expect(item.ISSN).toBe([j.eissn, j.pissn].filter(Boolean).join(', '));
    } else {
      expect(item.university).toBe(y.institution);
      // RDF.js: eprints.thesis_type for a thesis; otherwise the DC.type value ("Thesis").
      expect(item.thesisType).toBe(y.type === 'skripsi' ? 'Skripsi' : 'Thesis');
      expect(item.publicationTitle).toBeUndefined();
    }
    // COinS.js runs before Embedded Metadata: only reference lists offer their entries instead.
    expect(translator).toBe(coins.length ? 'COinS' : 'Embedded Metadata');
  });

  it.each([...pagesOf(work), ...listPagesOf(work)])('%s: its description is the authors’ own words, cut on a sentence or word end', (path) => {
    const { meta } = pageMeta(path);
    const description = meta.get('description')?.[0];
    expect(meta.get('og:description')?.[0]).toBe(description);
    if (description === undefined) return;
    for (const t of TAGLINES) expect(description).not.toMatch(t);
    expect(description.length).toBeLessThanOrEqual(201);
    const isWorkPage = path === `/${slug}/`;
    const main = toText(select('article.chapter', fromHtml(readBuilt(path))) ?? { type: 'root', children: [] });
    const fromAbstract = abstract !== undefined && words(abstract).slice(0, 3).join(' ') === words(description).slice(0, 3).join(' ');
    if (!isWorkPage && !fromAbstract) expectExcerptOf(description, main, path);
    else {
      expect(abstract, `${path}: a description that is not the page’s own text must be the abstract`).toBeDefined();
      expectExcerptOf(description, abstract!, path);
    }
  });

  it('gives its references (citation_reference) on the Indonesian work page only, and its abstract once a page', () => {
    const refs = (path: string) => pageMeta(path).meta.get('citation_reference') ?? [];
    // One for each entry of the work's reference list, where it has one.
    const list = join(DIST, slug, 'daftar-pustaka', 'index.html');
    const listed = existsSync(list) ? (readFileSync(list, 'utf8').match(/<li id="[^"]+" class="reference"/g) ?? []).length : 0;
    if (listed) expect(refs(`/${slug}/`).length).toBe(listed);
    expect(refs(`/en/${slug}/`), 'the English work page leaves them to the Indonesian one').toEqual([]);
    for (const c of work.chapters) expect(refs(`/${slug}/${c.slug}/`), c.slug).toEqual([]);
    for (const p of listPagesOf(work)) expect(refs(p), p).toEqual([]);
    for (const p of [...pagesOf(work), ...listPagesOf(work)]) {
      const { meta } = pageMeta(p);
      expect((meta.get('citation_abstract') ?? []).length, p).toBe(abstract ? 1 : 0);
      expect(meta.get('DC.description'), p).toBeUndefined();
    }
  });

  it('describes the work and each chapter in JSON-LD', () => {
    const [ld] = pageMeta(`/${slug}/`).jsonLd;
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': y.type === 'journal-article' ? 'ScholarlyArticle' : 'Thesis', name: title, url: `${SITE}/${slug}/`, inLanguage: y.language });
    expect(ld?.author ?? []).toEqual(y.authors.map((a) => expect.objectContaining({ '@type': 'Person', name: a.name })));
    expect(ld?.datePublished).toBe(y.year === undefined ? undefined : String(y.year));
    if (y.journal) {
      expect(JSON.stringify(ld?.isPartOf)).toContain(`"issueNumber":"${y.journal.issue}"`);
      expect(JSON.stringify(ld?.isPartOf)).toContain(`"volumeNumber":"${y.journal.volume}"`);
      expect(JSON.stringify(ld?.isPartOf)).toContain(`"name":${JSON.stringify(y.journal.name)}`);
    }
    for (const c of work.chapters) {
      const [chapterLd] = pageMeta(`/${slug}/${c.slug}/`).jsonLd;
      expect(chapterLd).toMatchObject({ '@type': 'Chapter', url: `${SITE}/${slug}/${c.slug}/`, isPartOf: { '@id': `${SITE}/${slug}/`, name: title } });
    }
  });

  it.each([`/kutip/${slug}`, ...work.chapters.map((c) => `/kutip/${slug}/${c.slug}`)])('%s.bib and .ris give the item the page gives', (file) => {
    const page = file === `/kutip/${slug}` ? `/${slug}/` : `/${slug}/${file.split('/').pop()}/`;
    const saved = savePage(page).item;
    const bib = readFileSync(join(DIST, `${file}.bib`), 'utf8');
    const ris = readFileSync(join(DIST, `${file}.ris`), 'utf8');
    // The type Zotero's importers give each file (BibTeX.js bibtex2zoteroTypeMap, RIS.js TY map).
    expect(BIBTEX_IMPORT_TYPES[/^@(\w+)\{/.exec(bib)![1]!.toLowerCase()], 'BibTeX entry type').toBe(saved.itemType);
    expect(RIS_IMPORT_TYPES[/^TY {2}- (\w+)/m.exec(ris)![1]!], 'RIS TY').toBe(saved.itemType);
    for (const [ext, text] of [['bib', bib], ['ris', ris]] as const) {
      const [item] = new Cite(text).data as unknown as CslEntry[];
      expect(item?.title, `${ext} title`).toBe(title);
      expect((item?.author ?? []).map((a: { given?: string; family?: string; literal?: string }) => a.literal ?? `${a.given} ${a.family}`)).toEqual(y.authors.map((a) => a.name));
      expect(item?.issued?.['date-parts']?.[0]?.[0]).toBe(y.year);
      expect(item?.URL, `${ext} URL`).toBe(saved.url);
      expect(item?.language).toBe(y.language);
      if (abstract) expect(norm(String(item?.abstract ?? '')).replace(/``|''/g, (q) => (q === '``' ? '“' : '”'))).toBe(abstract);
      if (y.journal) {
        const j = y.journal;
        expect(item).toMatchObject({ type: 'article-journal', 'container-title': j.name, volume: j.volume, issue: j.issue });
        expect(item?.page).toMatch(new RegExp(`^${j.firstPage}[-–]+${j.lastPage}$`));
        expect(item?.ISSN, `${ext}: both ISSNs`).toBe(saved.ISSN);
      } else {
        expect(item?.type).toBe('thesis');
        expect(item?.publisher).toBe(y.institution);
        expect(item?.['publisher-place']).toBe(y.city);
      }
    }
    if (y.journal) {
      // The page range as RIS's SP and EP.
      expect(/^SP {2}- (.*?)\r?$/m.exec(ris)?.[1]).toBe(String(y.journal.firstPage));
      expect(/^EP {2}- (.*?)\r?$/m.exec(ris)?.[1]).toBe(String(y.journal.lastPage));
    }
    else {
      // The thesis type as Zotero's importers read it: biblatex `type` (BibTeX.js fieldMap), RIS M3.
      const kind = y.type === 'skripsi' ? 'Skripsi' : undefined;
      expect(/^\s*type = \{([^}]*)\}/m.exec(bib)?.[1]).toBe(kind);
      expect(/^M3 {2}- (.*?)\r?$/m.exec(ris)?.[1]).toBe(kind);
      expect(bib).not.toMatch(/entrysubtype/);
    }
  });
});

/** A CSL-JSON item, as content/bibliography.json and citation-js hold it (the fields these checks read). */
interface CslEntry {
  id: string;
  type: string;
  title?: string;
  author?: { given?: string; family?: string; literal?: string }[];
  issued?: { 'date-parts'?: (string | number)[][] };
  DOI?: string;
  URL?: string;
  ISSN?: string;
  page?: string;
  volume?: string | number;
  issue?: string | number;
  'container-title'?: string;
  abstract?: string;
  language?: string;
  publisher?: string;
  'publisher-place'?: string;
  'citation-key'?: string;
  custom?: Record<string, unknown>;
}
const bibliography = JSON.parse(readFileSync(join(CONTENT, 'bibliography.json'), 'utf8')) as CslEntry[];
const byKey = new Map(bibliography.map((e) => [e.id, e]));
const referencePages = builtPages().filter((p) => /\/daftar-pustaka\/$/.test(p));
/** What Zotero keeps of a CSL name: a person's family and given names, or an organisation whole. */
const creatorOf = (n: { family?: string; given?: string; literal?: string }) =>
  n.literal ? { lastName: n.literal, single: true } : { lastName: n.family, firstName: n.given ?? '' };
/** openurl.js reads "+" as a space. */
const plusAsSpace = (s: string | undefined) => s?.replace(/\+/g, ' ');

describe('COinS on every reference list (Zotero: "multiple items")', () => {
  it('there are reference lists to check', () => expect(referencePages.length).toBeGreaterThan(library.length));

  it.each(referencePages)('%s: one span per titled entry, parsing to that entry’s fields', (path) => {
    const tree = fromHtml(readBuilt(path));
    const entries = selectAll('li.reference', tree);
    expect(entries.length).toBeGreaterThan(0);
    let offered = 0;
    for (const li of entries) {
      const key = String(li.properties.id);
      const csl = byKey.get(key);
      expect(csl, `${path}: entry ${key} is in content/bibliography.json`).toBeDefined();
      const spans = selectAll('span.Z3988', li);
      // COinS.js: a span without a title is looked up by Zotero's search translators, so an
      // entry without a title has none (src/metadata/coins.ts).
      if (!csl!.title) {
        expect(spans, key).toHaveLength(0);
        continue;
      }
      expect(spans, key).toHaveLength(1);
      const span = spans[0]!;
      expect(span.children, `${key}: the span is empty`).toHaveLength(0);
      const item = parseContextObject(String(span.properties.title));
      expect(item, key).not.toBe(false);
      if (!item) continue;
      offered++;
      expect(item.title, key).toBe(plusAsSpace(csl!.title));
      expect(item.creators, key).toEqual((csl!.author ?? []).map(creatorOf));
      const year = csl!.issued?.['date-parts']?.[0]?.[0];
      if (year !== undefined) expect(item.date?.slice(0, 4), key).toBe(String(year));
      if (csl!.DOI) expect(item.DOI, key).toBe(csl!.DOI);
      if (csl!.URL) expect(item.url, key).toBe(String(csl!.URL).replace(/\+/g, '%2B'));
      if (csl!.page) expect(item.pages, key).toBe(String(csl!.page).replace(/[–—]/g, '-'));
      // The Zotero item type each CSL type should be saved as (any other: a document).
      const expectedType: Record<string, string> = {
        'article-journal': 'journalArticle', article: 'journalArticle', review: 'journalArticle', book: 'book', classic: 'book',
        collection: 'book', pamphlet: 'book', chapter: 'bookSection', 'paper-conference': 'conferencePaper', report: 'report',
        thesis: 'thesis', webpage: 'webpage', 'article-newspaper': 'newspaperArticle', 'article-magazine': 'magazineArticle',
        post: 'forumPost', 'post-weblog': 'blogPost', legislation: 'statute', bill: 'bill', legal_case: 'case', manuscript: 'manuscript',
        dataset: 'dataset', map: 'map', patent: 'patent', interview: 'interview', speech: 'presentation', motion_picture: 'film',
        song: 'audioRecording', software: 'computerProgram', 'entry-encyclopedia': 'encyclopediaArticle',
        'entry-dictionary': 'dictionaryEntry', personal_communication: 'letter', graphic: 'artwork',
      };
      expect(item.itemType, key).toBe(expectedType[csl!.type] ?? 'document');
      if (['article-journal', 'chapter', 'paper-conference', 'webpage', 'article-newspaper'].includes(csl!.type) && csl!['container-title']) {
        expect(item.publicationTitle, key).toBe(plusAsSpace(csl!['container-title']));
      }
      if (csl!.volume && csl!.type === 'article-journal') expect(item.volume, key).toBe(String(csl!.volume));
      if (csl!.issue) expect(item.issue, key).toBe(String(csl!.issue));
    }
    // COinS.js detectWeb: more than one item makes the page "multiple".
    const { translator, coins } = savePage(path);
    expect(coins.filter((c) => c.item)).toHaveLength(offered);
    expect(translator).toBe(offered ? 'COinS' : 'Embedded Metadata');
  });
});

describe('the reference lists’ BibTeX and RIS downloads', () => {
  const downloads = readdirSync(join(DIST, 'daftar-pustaka')).filter((f) => f.endsWith('.bib')).map((f) => f.slice(0, -4));
  // The generic CSL type `document` is @misc and GEN, each format's generic type: JabRef, Mendeley
  // and citation-js read both as generic; Zotero's RIS.js alone imports GEN as a journal article.
  // A newspaper article is @article in classic BibTeX (Zotero: journal article) and NEWS in RIS;
  // legislation is @misc (Zotero: document; no BibTeX type gives a statute) and STAT (statute).
  // Where Zotero reads the two files differently, how (classic BibTeX has no type for these).
  const ZOTERO_DISAGREES: Record<string, [string, string]> = {
    document: ['document', 'journalArticle'],
    'article-newspaper': ['journalArticle', 'newspaperArticle'],
    'article-magazine': ['journalArticle', 'magazineArticle'],
    legislation: ['document', 'statute'],
  };
  /** What citation-js reads a BibTeX entry back as: its own type where BibTeX has one, else a document. */
  const BIBTEX_HAS = new Set(['article-journal', 'book', 'chapter', 'paper-conference', 'report', 'thesis', 'webpage', 'document']);
  const BIBTEX_READS_AS: Record<string, string> = { 'article-newspaper': 'article-journal', 'article-magazine': 'article-journal' };

  it.each(downloads)('%s.bib and .ris round-trip through citation-js to the same entries and fields', (name) => {
    const bib = new Cite(readFileSync(join(DIST, 'daftar-pustaka', `${name}.bib`), 'utf8')).data as unknown as CslEntry[];
    const ris = new Cite(readFileSync(join(DIST, 'daftar-pustaka', `${name}.ris`), 'utf8')).data as unknown as CslEntry[];
    const risText = readFileSync(join(DIST, 'daftar-pustaka', `${name}.ris`), 'utf8');
    const bibText = readFileSync(join(DIST, 'daftar-pustaka', `${name}.bib`), 'utf8');
    const risTypes = [...risText.matchAll(/^TY {2}- (\w+)/gm)].map((m) => m[1]!);
    const bibTypes = [...bibText.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => [m[2]!, m[1]!.toLowerCase()] as const);
    expect(bib.length).toBe(ris.length);
    expect(bib.length).toBeGreaterThan(0);
    const risById = new Map(ris.map((e, i) => [String(e.id ?? e['citation-key']), { e, ty: risTypes[i]! }]));
    for (const [key, bibType] of bibTypes) {
      const csl = byKey.get(key)!;
      expect(csl, key).toBeDefined();
      const fromBib = bib.find((e) => e['citation-key'] === key || e.id === key)!;
      const fromRis = risById.get(key);
      expect(fromRis, `${key} in RIS`).toBeDefined();
      // Both files read back as the entry's own type (a web page's @online included).
      expect(fromBib.type, `${key} bib type`).toBe(BIBTEX_READS_AS[csl.type] ?? (BIBTEX_HAS.has(csl.type) ? csl.type : 'document'));
      expect(fromRis!.e.type, `${key} ris type`).toBe(csl.type);
      // The authors as Zotero's RIS import reads them (AU and A1 lines; citation-js reads none for
      // NEWS or STAT records), and as citation-js reads the BibTeX.
      const record = risText.split(/^ER {2}- ?\r?$/m).find((r) => new RegExp(`^ID {2}- ${key}\\r?$`, 'm').test(r)) ?? '';
      expect(record.match(/^A[U1] {2}- /gm)?.length ?? 0, `${key} RIS authors`).toBe((csl.author ?? []).length);
      expect((fromBib.author ?? []).length, `${key} BibTeX authors`).toBe((csl.author ?? []).length);
      for (const e of [fromBib, fromRis!.e]) {
        expect(e.title, key).toBe(csl.title);
        expect(e.issued?.['date-parts']?.[0]?.[0], key).toBe(csl.issued?.['date-parts']?.[0]?.[0] !== undefined ? Number(csl.issued['date-parts'][0][0]) : undefined);
        if (csl.DOI) expect(e.DOI, key).toBe(csl.DOI);
        if (csl.page) expect(String(e.page).replace(/[–—]+|--/g, '-'), key).toBe(String(csl.page).replace(/[–—]/g, '-'));
      }
      const zBib = BIBTEX_IMPORT_TYPES[bibType];
      const zRis = RIS_IMPORT_TYPES[fromRis!.ty];
      if (ZOTERO_DISAGREES[csl.type]) expect([zBib, zRis], key).toEqual(ZOTERO_DISAGREES[csl.type]);
      else if (zBib === 'document' && csl.type !== 'document') expect(zRis, `${key}: the RIS type is not the journal-article default`).not.toBe('journalArticle');
      else expect(zRis, `${key}: Zotero reads the .bib and the .ris as one type`).toBe(zBib);
    }
  });
});

describe('every page', () => {
  it('has a canonical URL, Open Graph tags and both language alternates on the one configured site', () => {
    const pages = builtPages();
    // Pages that only lead to another (an entry page's old English address: entry-pages.test.ts).
    const leading = new Set(builtPages({ leading: true }).filter((p) => !pages.includes(p)));
    for (const path of pages.filter((p) => p !== '/404.html')) {
      const { meta, links, lang } = pageMeta(path);
      expect(links.find((l) => l.rel === 'canonical')?.href, path).toBe(`${SITE}${path}`);
      expect(meta.get('og:url'), path).toEqual([`${SITE}${path}`]);
      expect(meta.get('og:title')?.[0], path).toBeTruthy();
      expect(meta.get('og:locale'), path).toEqual([lang === 'en' ? 'en_US' : 'id_ID']);
      const base = path.startsWith('/en/') ? path.slice(3) : path;
      // A page whose English address only leads to it has one interface, and names no alternate.
      const twins = !leading.has(`/en${base}`);
      expect(links.filter((l) => l.rel === 'alternate').map((l) => [l.hreflang, l.href]), path).toEqual(
        twins
          ? [
              ['id', `${SITE}${base}`],
              ['en', `${SITE}/en${base}`],
            ]
          : [],
      );
    }
  });

  it('is listed in sitemap.xml, which robots.txt names', () => {
    // An index of child sitemaps (src/scale/sitemap.ts), which list the pages.
    const index = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    const children = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(children.length).toBeGreaterThan(0);
    const locs = children.flatMap((c) => [...readFileSync(join(DIST, c), 'utf8').matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(locs.sort()).toEqual(builtPages().filter((p) => p !== '/404.html' && !NOINDEX.test(readBuilt(p))).map((p) => `${SITE}${p}`).sort());
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('sitemap.xml dates each page by the last commit of its sources, never the build time', () => {
    // The index lists the child sitemaps, which list the pages.
    const index = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    const sitemap = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((m) => readFileSync(join(DIST, new URL(m[1]!).pathname), 'utf8')).join('\n');
    const urls = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => ({ loc: m[1]!, lastmod: m[2] }));
    let commits: Set<string>;
    const git = (...files: string[]) => execFileSync('git', ['log', '-1', '--format=%cI', '--', ...files], { cwd: ROOT, encoding: 'utf8' }).trim();
    try {
      commits = new Set(execFileSync('git', ['log', '--format=%cI', '--', 'content'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean));
    } catch {
      // No git here: the sitemap must then carry no dates at all.
      for (const u of urls) expect(u.lastmod, u.loc).toBeUndefined();
      return;
    }
    // A file not committed yet (a new work's draft) is dated by its own modification time.
    const drafts = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', 'content'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const f of drafts) commits.add(fileDate(f)!);
    for (const u of urls) {
      expect(u.lastmod, `${u.loc} has a lastmod`).toBeDefined();
      expect(commits.has(u.lastmod!), `${u.loc}: ${u.lastmod} is a commit date of content/ or the date of an uncommitted file`).toBe(true);
    }
    for (const w of library) {
      for (const c of w.chapters) {
        const files = [`content/chapters/${w.slug}/${c.slug}.mdx`, `content/works/${w.slug}.yaml`];
        const own = git(...files);
        if (!own || files.some((f) => drafts.includes(f))) continue;
        for (const loc of [`${SITE}/${w.slug}/${c.slug}/`, `${SITE}/en/${w.slug}/${c.slug}/`]) {
          const lastmod = urls.find((u) => u.loc === loc)?.lastmod;
          expect(Date.parse(lastmod!), `${loc}: not before its own files' last commit`).toBeGreaterThanOrEqual(Date.parse(own));
          expect(Date.parse(lastmod!), `${loc}: no later than the last commit of what it shows`).toBeLessThanOrEqual(Date.parse(git(...files, 'content/bibliography.json', 'content/data')));
        }
      }
    }
  });

  it('cite panels are pre-formatted: no citation library is shipped to the browser', () => {
    const page = readFileSync(join(DIST, 'borotoding-2024', 'index.html'), 'utf8');
    expect(page).toMatch(/<p id="kutip-apa" class="citation-text" data-style="apa" lang="id">Borotoding, J\. \(2024\)\. <i>Upaya International Labour Organization/);
    const scripts = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(readFileSync(join(DIST, '_astro', f), 'utf8'), f).not.toMatch(/citeproc|csl-bib-body|@citation-js/i);
  });
});
