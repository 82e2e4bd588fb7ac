// What Google Scholar, Zotero and search engines read from the built site: Highwire tags, JSON-LD,
// Open Graph, canonical and alternate links, sitemap.xml, robots.txt, and the BibTeX/RIS downloads
// read back with citation-js's own parsers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { pageMeta, workYaml, zoteroItemType } from '../support/metadata.ts';
import { DIST, builtPages, works } from '../support/site.ts';

const SITE = process.env.SITE_URL ?? 'https://ruangbaca-ntt.example.org';
const library = works();
const pagesOf = (w: (typeof library)[number]) => [`/${w.slug}/`, ...w.chapters.map((c) => `/${w.slug}/${c.slug}/`)];

describe.each(library.map((w) => [w.slug, w] as const))('Highwire tags of %s', (slug, work) => {
  const y = workYaml(slug);
  const title = y.title[y.language]!;

  it.each(pagesOf(work).flatMap((p) => [p, `/en${p}`]))('%s carries the work’s facts and nothing invented', (path) => {
    const { meta } = pageMeta(path);
    expect(meta.get('citation_title')).toEqual([title]);
    expect(meta.get('citation_author') ?? []).toEqual(y.authors.map((a) => a.name));
    expect(meta.get('citation_publication_date') ?? []).toEqual(y.year === undefined ? [] : [String(y.year)]);
    expect(meta.get('citation_language')).toEqual([y.language]);
    expect(meta.get('citation_keywords') ?? []).toEqual(y.keywords[y.language] ?? []);
    expect(meta.get('citation_abstract_html_url')).toEqual([`${SITE}/${slug}/`]);
    if (y.type === 'journal-article') {
      const j = y.journal!;
      expect(meta.get('citation_journal_title')).toEqual([j.name]);
      expect(meta.get('citation_volume')).toEqual([j.volume]);
      expect(meta.get('citation_issue')).toEqual([j.issue]);
      expect(meta.get('citation_firstpage')).toEqual([String(j.firstPage)]);
      expect(meta.get('citation_lastpage')).toEqual([String(j.lastPage)]);
      expect(meta.get('citation_issn')).toEqual([j.eissn, j.pissn].filter(Boolean));
      expect(zoteroItemType(meta)).toBe('journalArticle');
    } else {
      expect(meta.get('citation_dissertation_institution') ?? []).toEqual(y.institution ? [y.institution] : []);
      expect(meta.has('citation_journal_title')).toBe(false);
      expect(zoteroItemType(meta)).toBe('thesis');
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

  it('BibTeX and RIS of the work parse back to its metadata', () => {
    for (const ext of ['bib', 'ris']) {
      const file = join(DIST, 'kutip', `${slug}.${ext}`);
      const [item] = new Cite(readFileSync(file, 'utf8')).data as Record<string, any>[];
      expect(item?.title, `${ext} title`).toBe(title);
      expect((item?.author ?? []).map((a: { given?: string; family?: string; literal?: string }) => a.literal ?? `${a.given} ${a.family}`)).toEqual(y.authors.map((a) => a.name));
      expect(item?.issued?.['date-parts']?.[0]?.[0]).toBe(y.year);
      expect(item?.URL).toBe(`${SITE}/${slug}/`);
      expect(item?.language).toBe(y.language);
      if (y.journal) {
        expect(item).toMatchObject({ type: 'article-journal', 'container-title': y.journal.name, volume: y.journal.volume, issue: y.journal.issue });
        expect(item?.page).toMatch(new RegExp(`^${y.journal.firstPage}[-–]+${y.journal.lastPage}$`));
      } else {
        expect(item?.type).toBe('thesis');
        expect(item?.publisher).toBe(y.institution);
        expect(item?.['publisher-place']).toBe(y.city);
      }
    }
  });

  it('every chapter has its own BibTeX and RIS, pointing at the chapter', () => {
    for (const c of work.chapters) {
      for (const ext of ['bib', 'ris']) {
        const [item] = new Cite(readFileSync(join(DIST, 'kutip', slug, `${c.slug}.${ext}`), 'utf8')).data as Record<string, any>[];
        expect(item?.URL).toBe(`${SITE}/${slug}/${c.slug}/`);
        expect(item?.[y.journal ? 'title' : 'container-title']).toBe(title);
      }
    }
  });
});

describe('every page', () => {
  it('has a canonical URL, Open Graph tags and both language alternates on the one configured site', () => {
    for (const path of builtPages().filter((p) => p !== '/404.html')) {
      const { meta, links, lang } = pageMeta(path);
      expect(links.find((l) => l.rel === 'canonical')?.href, path).toBe(`${SITE}${path}`);
      expect(meta.get('og:url'), path).toEqual([`${SITE}${path}`]);
      expect(meta.get('og:title')?.[0], path).toBeTruthy();
      expect(meta.get('og:locale'), path).toEqual([lang === 'en' ? 'en_US' : 'id_ID']);
      const base = path.startsWith('/en/') ? path.slice(3) : path;
      expect(links.filter((l) => l.rel === 'alternate').map((l) => [l.hreflang, l.href])).toEqual([
        ['id', `${SITE}${base}`],
        ['en', `${SITE}/en${base}`],
      ]);
    }
  });

  it('is listed in sitemap.xml, which robots.txt names', () => {
    // An index of child sitemaps (src/scale/sitemap.ts), which list the pages.
    const index = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    const children = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(children.length).toBeGreaterThan(0);
    const locs = children.flatMap((c) => [...readFileSync(join(DIST, c), 'utf8').matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(locs.sort()).toEqual(builtPages().filter((p) => p !== '/404.html').map((p) => `${SITE}${p}`).sort());
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('cite panels are pre-formatted: no citation library is shipped to the browser', () => {
    const page = readFileSync(join(DIST, 'borotoding-2024', 'index.html'), 'utf8');
    expect(page).toMatch(/<p id="kutip-apa" class="citation-text" data-style="apa" lang="id">Borotoding, J\. \(2024\)\. <i>Upaya International Labour Organization/);
    const scripts = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(readFileSync(join(DIST, '_astro', f), 'utf8'), f).not.toMatch(/citeproc|csl-bib-body|@citation-js/i);
  });
});
