// Searching the library as a reader does, in Chromium against the built site: real Indonesian
// queries, stemmed forms, several words, text that only a footnote, a table or a bibliography
// holds, the filters, a shared ?q= link, and the keyboard alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/id.ts';
import { builtMainText } from '../support/built-text.ts';
import { baseURL, launch, openContext, visit } from '../support/browser.ts';
import { indexedPages, isFootnotes, isTag, readResults, search, wordsOnlyIn, wordsOnlyInPartOf } from '../support/search.ts';
import { CONTENT, builtPages, readBuilt, works, chapterLabel } from '../support/site.ts';

const library = works();
const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
const indexed = indexedPages();
const ofKind = (kind: string) => indexed.filter((p) => p.kind === kind).map((p) => p.path);

/** The first indexed page (of those given) with words found only in its table cells. */
function tableOnlyWords(paths: string[]) {
  return paths
    .filter((path) => readBuilt(path).includes('<table'))
    .map((path) => ({ path, candidates: wordsOnlyIn(path, isTag('td', 'th', 'caption')) }))
    .find((p) => p.candidates.length > 0);
}

let browser: Browser;
let context: BrowserContext;
let errors: string[];
let page: Page;

beforeAll(async () => {
  browser = await launch();
  // No service worker here: these tests are about search; offline.test.ts covers the worker.
  ({ context, errors } = await openContext(browser, { serviceWorkers: 'block' }));
  page = await context.newPage();
});
afterAll(async () => {
  // The 404 page answers with status 404, which Chromium reports; anything else is a fault.
  const faults = errors.filter((e) => !e.includes('/tidak-ada/halaman-ini/'));
  expect(faults, faults.join('\n')).toEqual([]);
  await browser?.close();
});

describe('what the index finds', () => {
  it('finds "kemiskinan" when the reader types "miskin" (Indonesian stemming)', async () => {
    const onlyDerived = indexed.filter(({ path }) => {
      const w = words(builtMainText(path));
      return w.has('kemiskinan') && !w.has('miskin');
    });
    expect(onlyDerived.length, 'a page that says "kemiskinan" but never "miskin"').toBeGreaterThan(0);
    const { results } = await search(page, 'miskin');
    const paths = results.map((r) => r.path);
    expect(
      paths.some((p) => onlyDerived.some((c) => c.path === p)),
      paths.join('\n'),
    ).toBe(true);
  });

  it('finds every word of a multi-word query, the page with the phrase first', async () => {
    const one = await search(page, 'perjanjian');
    const both = await search(page, 'perjanjian versailles');
    expect(both.results[0]?.path).toBe('/dw4fs-kupang/bab-1-pendahuluan/');
    expect(both.count).toBeGreaterThan(0);
    expect(both.count).toBeLessThan(one.count);
    for (const r of both.results) expect(words(builtMainText(r.path)).has('versailles'), r.path).toBe(true);
  });

  it('finds a word that only a footnote holds', async () => {
    // 004's notes are formatted references, which its Daftar Pustaka page also holds: a word that
    // only the notes hold within the chapter, searched among chapters, must still find the chapter.
    const path = '/dw4fs-kupang/bab-1-pendahuluan/';
    const candidates = wordsOnlyIn(path, isFootnotes, { otherPages: false });
    expect(candidates.length, 'a word found only in the footnotes of dw4fs-kupang').toBeGreaterThan(0);
    for (const word of candidates.slice(0, 3)) {
      const { results } = await search(page, word, { karya: ['dw4fs-kupang'], jenis: ['bab'] });
      expect(
        results.map((r) => r.path),
        word,
      ).toContain(path);
    }
  });

  it('finds a word that only a table cell holds', async () => {
    const table = tableOnlyWords(ofKind('bab'));
    expect(table, 'a chapter with a word found only in one of its table cells').toBeDefined();
    for (const word of table!.candidates.slice(0, 3)) {
      const { results } = await search(page, word);
      expect(
        results.map((r) => r.path),
        word,
      ).toContain(table!.path);
    }
  });

  // Data pages (charts with their data tables) come with the charts; until then there is none.
  it.runIf(ofKind('data').length > 0)('finds a word that only a chart’s data table holds, under "Data"', async () => {
    // The data page repeats tables the chapters print, so its table words are on other pages too;
    // under the "Data" filter only data pages answer, so a word only its tables hold will do.
    const table = ofKind('data')
      .map((path) => ({ path, candidates: wordsOnlyInPartOf(path, isTag('td', 'th', 'caption')) }))
      .find((p) => p.candidates.length > 0);
    expect(table, 'a data page with a word found only in its tables').toBeDefined();
    const word = table!.candidates[0]!;
    expect(
      (await search(page, word, { jenis: ['data'] })).results.map((r) => r.path),
      word,
    ).toContain(table!.path);
  });

  it('finds a word that only a bibliography holds, and the "Daftar pustaka" filter keeps it', async () => {
    const bibliographies = ofKind('pustaka');
    expect(bibliographies.length).toBeGreaterThan(0);
    // A word found on the site only on one bibliography page is found only in its entries.
    const bib = bibliographies.map((path) => ({ path, candidates: wordsOnlyIn(path, isTag('main')) })).find((b) => b.candidates.length);
    expect(bib, 'a word found only in one bibliography').toBeDefined();
    const word = bib!.candidates[0]!;
    expect(
      (await search(page, word)).results.map((r) => r.path),
      word,
    ).toContain(bib!.path);
    expect(
      (await search(page, word, { jenis: ['pustaka'] })).results.map((r) => r.path),
      word,
    ).toContain(bib!.path);
    expect(
      (await search(page, word, { jenis: ['bab'] })).results.map((r) => r.path),
      word,
    ).not.toContain(bib!.path);
  });

  it('leaves navigation, footers and other repeated interface text out of the index', async () => {
    // A page matches a query only if it holds every word, as every page would if its header, footer
    // or offline note were indexed.
    const sentences = [t.footer, [t.skipToContent, t.search.shortcut].join(' '), t.offline.ready];
    for (const q of sentences) {
      const { count } = await search(page, q);
      expect(count, `"${q}" is interface text`).toBe(0);
    }
    // The chapter navigation's words are common in the works themselves ("sebelumnya", "kembali"),
    // and Pagefind's stemming can match a long chapter on them; so check the markup that keeps it out.
    for (const { path } of indexed.filter((p) => p.kind === 'bab')) {
      expect(readBuilt(path), path).toMatch(/<nav class="chapter-nav"[^>]*data-pagefind-ignore/);
    }
  });

  it('shows the chapter and the work on each result, and links sections to their heading', async () => {
    const { results } = await search(page, 'versailles');
    const dw4fs = library.find((w) => w.slug === 'dw4fs-kupang')!;
    const hit = results.find((r) => r.path === '/dw4fs-kupang/bab-1-pendahuluan/')!;
    expect(hit.title).toBe(chapterLabel('/dw4fs-kupang/bab-1-pendahuluan/'));
    expect(hit.work).toBe(dw4fs.title);
    expect(hit.sections.length).toBeGreaterThan(0);
    const section = hit.sections[0]!;
    const id = decodeURIComponent(section.href.split('#')[1] ?? '');
    expect(id).not.toBe('');
    // The section link opens the chapter at that heading, with the searched term marked.
    await page.locator('.search-hit-sections a').first().click();
    await page.waitForURL((u) => u.pathname === '/dw4fs-kupang/bab-1-pendahuluan/' && u.hash === `#${id}`);
    const heading = page.locator(`[id="${id}"]`);
    expect(await heading.evaluate((h) => /^H[2-4]$/.test(h.tagName))).toBe(true);
    expect(await heading.textContent()).toContain(section.title);
    await expect.poll(() => page.locator('main mark.search-term').count()).toBeGreaterThan(0);
    expect((await page.locator('main mark.search-term').first().textContent())?.toLowerCase()).toBe('versailles');
  });
});

describe('filters and shared links', () => {
  it('lists every work by its title and every year, read from the index when search loads (not written into the page)', async () => {
    expect(readBuilt('/cari/')).not.toContain('name="karya"');
    await search(page, 'perdagangan');
    const works = page.locator('input[name="karya"]');
    await expect.poll(() => works.count()).toBe(library.length);
    for (const w of library) {
      const label = page.locator('label').filter({ has: page.locator(`input[name="karya"][value="${w.slug}"]`) });
      expect(await label.textContent(), w.slug).toContain(w.title);
    }
    const years = new Set(library.map((w) => /^year:\s*(\d{4})$/m.exec(readFileSync(join(CONTENT, 'works', `${w.slug}.yaml`), 'utf8'))?.[1] ?? 'tanpa-tahun'));
    const shown = await page.locator('input[name="tahun"]').evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value));
    expect(shown.toSorted()).toEqual([...years].toSorted());
  });

  it('narrows the results by work, by kind of page and by year', async () => {
    const q = 'perdagangan';
    const all = await search(page, q);
    expect(all.count).toBeGreaterThan(5);

    const byWork = await search(page, q, { karya: ['borotoding-2024'] });
    expect(byWork.count).toBeGreaterThan(0);
    expect(byWork.count).toBeLessThan(all.count);
    for (const r of byWork.results) expect(r.path.startsWith('/borotoding-2024/'), r.path).toBe(true);

    const byKind = await search(page, q, { jenis: ['pustaka'] });
    expect(byKind.count).toBeGreaterThan(0);
    expect(byKind.count).toBeLessThan(all.count);
    for (const r of byKind.results) expect(ofKind('pustaka'), r.path).toContain(r.path);

    const withYear = library.filter((w) => /^year:\s*2024$/m.test(readFileSync(join(CONTENT, 'works', `${w.slug}.yaml`), 'utf8')));
    const byYear = await search(page, q, { tahun: ['2024'] });
    expect(byYear.count).toBeLessThan(all.count);
    for (const r of byYear.results)
      expect(
        withYear.some((w) => r.path.startsWith(`/${w.slug}/`)),
        r.path,
      ).toBe(true);

    const both = await search(page, q, { karya: ['borotoding-2024'], jenis: ['bab'] });
    expect(both.count).toBeLessThan(byWork.count);
  });

  it('shows ten results at a time, and the next ten on request, focus on the first new one', async () => {
    const { count, results } = await search(page, 'perdagangan');
    expect(count).toBeGreaterThan(10);
    expect(results).toHaveLength(10);
    await page.getByRole('button', { name: t.search.more }).click();
    await expect.poll(() => page.locator('[data-search-page-results] > li').count()).toBe(Math.min(20, count));
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.matches('[data-search-page-results] > li:nth-child(11)'))).toBe(true);
  });

  it('opens a shared /cari/?q= link with its query and filters, and keeps the URL in step', async () => {
    const shared = await search(page, 'kemiskinan', { karya: ['dw4fs-kupang'] });
    expect(await page.getByRole('searchbox', { name: t.search.label }).last().inputValue()).toBe('kemiskinan');
    expect(await page.locator('input[name="karya"][value="dw4fs-kupang"]').isChecked()).toBe(true);
    expect(shared.count).toBeGreaterThan(0);
    for (const r of shared.results) expect(r.path.startsWith('/dw4fs-kupang/'), r.path).toBe(true);

    // Clicking a filter and typing change the results and the address at once.
    await page.getByRole('checkbox', { name: /Halaman karya/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('jenis')).toEqual(['karya']);
    await expect.poll(async () => (await readResults(page)).results.map((r) => r.path)).toEqual(['/dw4fs-kupang/']);
    await page.locator('[data-search-primary]').fill('ilo');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('ilo');
    expect(new URL(page.url()).searchParams.getAll('karya')).toEqual(['dw4fs-kupang']);
  });
});

describe('the search box', () => {
  it('loads no search code before the reader starts to search', async () => {
    const fresh = await context.newPage();
    const requested: string[] = [];
    fresh.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await visit(fresh, '/borotoding-2024/bab-1-pendahuluan/');
    await fresh.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await fresh.getByRole('searchbox', { name: t.search.label }).focus();
    await expect.poll(() => requested.some((p) => p === '/pagefind/pagefind.js')).toBe(true);
    await fresh.close();
  });

  it('works from the keyboard alone: "/", type, arrow down to a result, Enter', async () => {
    await visit(page, '/borotoding-2024/bab-1-pendahuluan/');
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: t.search.label });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('versailles');
    const status = page.locator('.site-search [role="status"]');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ hasil untuk “versailles”/);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe(chapterLabel('/dw4fs-kupang/bab-1-pendahuluan/'));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/dw4fs-kupang/bab-1-pendahuluan/' && u.searchParams.get('sorot') === 'versailles');
    await expect.poll(() => page.locator('main mark.search-term').count()).toBeGreaterThan(0);
  });

  it('lets Tab reach the results, and Escape close them', async () => {
    await visit(page, '/');
    await page.keyboard.press('/');
    await page.keyboard.type('kemiskinan');
    await expect.poll(() => page.locator('.site-search .search-hit').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab'); // the "Cari" button
    await page.keyboard.press('Tab'); // the first result
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-hit-title');
    await page.keyboard.press('Escape');
    expect(await page.locator('.site-search [data-search-panel]').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cari');
    // Enter in the box opens the full search page for the same query.
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/cari/' && u.searchParams.get('q') === 'kemiskinan');
    expect((await readResults(page)).count).toBeGreaterThan(0);
  });

  it('is in the header of every page, and on the 404 page in the text too', async () => {
    for (const path of builtPages()) {
      expect(readBuilt(path), path).toMatch(/<header class="site-header"[^>]*>[\s\S]*<form[^>]*action="(\/en)?\/cari\/"[^>]*role="search"/);
    }
    await page.goto('/tidak-ada/halaman-ini/');
    const box = page.locator('main').getByRole('searchbox', { name: t.search.label });
    await box.fill('ilo');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === '/cari/' && u.searchParams.get('q') === 'ilo');
  });

  it('works as a plain form without JavaScript', async () => {
    const noJs = await browser.newContext({ baseURL: new URL(page.url()).origin, javaScriptEnabled: false });
    const p = await noJs.newPage();
    await visit(p, '/kokomakingi-2024/');
    await p.getByRole('searchbox', { name: t.search.label }).fill('trafficking');
    await p.keyboard.press('Enter');
    await p.waitForURL((u) => u.pathname === '/cari/' && u.searchParams.get('q') === 'trafficking');
    expect(await p.locator('main').textContent()).toContain(t.search.noScript);
    await noJs.close();
  });
});

describe('in the English interface', () => {
  const status = () => page.locator('[data-search-page-status]');

  it('answers /en/cari/?q=ilo in English, and its results open English pages', async () => {
    await visit(page, '/en/cari/?q=ilo');
    await expect.poll(() => status().textContent()).toMatch(/^\d+ results? for “ilo”\.$/);
    const titles = page.locator('[data-search-page-results] .search-hit-title');
    expect(await titles.count()).toBeGreaterThan(0);
    const hrefs = await page.locator('[data-search-page-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.filter((h) => !h.startsWith('/en/'))).toEqual([]);
    const sections = page.locator('.search-hit-sections').first();
    expect(await sections.getAttribute('aria-label')).toMatch(/^Matching sections: /);
    await page.locator('[data-search-primary]').fill('xyzzyplugh');
    await expect.poll(() => status().textContent()).toBe(en.search.none('xyzzyplugh'));
    await page.locator('[data-search-primary]').fill('');
    await expect.poll(() => status().textContent()).toBe(en.search.prompt);
    // A result opens the chapter in English, the searched word marked in its text.
    await page.locator('[data-search-primary]').fill('versailles');
    await expect.poll(() => titles.first().getAttribute('href')).toMatch(/^\/en\/dw4fs-kupang\/bab-1-pendahuluan\/\?sorot=versailles/);
    await titles.first().click();
    await page.waitForURL((u) => u.pathname === '/en/dw4fs-kupang/bab-1-pendahuluan/' && u.searchParams.get('sorot') === 'versailles');
    await expect.poll(() => page.locator('main mark.search-term').count()).toBeGreaterThan(0);
  });

  it('pages through the results with an English button', async () => {
    await visit(page, '/en/cari/?q=perdagangan');
    await expect.poll(() => status().textContent()).toMatch(/^\d+ results for “perdagangan”\.$/);
    await page.getByRole('button', { name: en.search.more }).click();
    await expect.poll(() => page.locator('[data-search-page-results] > li').count()).toBeGreaterThan(10);
  });

  it('says in English when the search cannot be loaded', async () => {
    // Its own context: the blocked index is a fault on purpose, not one for the console check.
    // No service worker: its requests are not the page's, so route() would not stop them, and once it
    // controls the page (it claims it on first install) search would answer through it.
    const blocked = await browser.newContext({ baseURL: baseURL(), serviceWorkers: 'block' });
    const p = await blocked.newPage();
    await p.route('**/pagefind/**', (route) => route.abort());
    await visit(p, '/en/cari/?q=ilo');
    await expect.poll(() => p.locator('[data-search-page-status]').textContent()).toBe(en.search.failed);
    await blocked.close();
  });

  it('the header box of an English page answers in English and leads to the English search page', async () => {
    await visit(page, '/en/borotoding-2024/bab-1-pendahuluan/');
    await page.keyboard.press('/');
    await page.keyboard.type('versailles');
    const header = page.locator('.site-search');
    await expect
      .poll(() => header.locator('[role="status"]').textContent())
      .toMatch(/^\d+ results? for “versailles”\. Arrow down or Tab moves to the results; Escape closes them\.$/);
    expect(await header.locator('[data-search-panel]').getAttribute('aria-label')).toBe(en.search.resultsLabel);
    const all = header.locator('.search-all');
    expect(await all.textContent()).toMatch(/^See (the result|all \d+ results) and filters$/);
    expect(await all.getAttribute('href')).toBe('/en/cari/?q=versailles');
    expect(await header.locator('.search-hit-title').first().getAttribute('href')).toMatch(/^\/en\//);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('xyzzyplugh');
    await expect.poll(() => header.locator('.search-hits > li').first().textContent()).toBe(en.search.none('xyzzyplugh'));
    // Enter opens the English search page with the query.
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/en/cari/' && u.searchParams.get('q') === 'xyzzyplugh');
  });
});
