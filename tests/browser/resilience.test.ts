// Bad connections, bad stored data, odd URLs and the keyboard, in Chromium
// against the built site: requests made to fail and then let through (no reload in between),
// damaged localStorage values, malformed URL fragments, and keyboard paths.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/id.ts';
import { en } from '../../src/i18n/en.ts';
import { builtMainText } from '../support/built-text.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { indexedPages } from '../support/search.ts';
import { builtPages, hasCharts, readBuilt, works } from '../support/site.ts';

const browser = useBrowser();
const library = works();
const chapterPath = (w: (typeof library)[number], i = 0) => `/${w.slug}/${w.chapters[i]!.slug}/`;
const firstChapter = chapterPath(library[0]!);
const chartChapter = builtPages().find((p) => !p.startsWith('/en/') && p.split('/').length === 4 && hasCharts(p))!;
const citingChapter = builtPages().find((p) => !p.startsWith('/en/') && readBuilt(p).includes('id="citation-popover"'))!;

/** A word the index must find: the longest frequent word of the first indexed chapter. */
const term = (() => {
  const chapter = indexedPages().find((p) => p.kind === 'bab')!.path;
  const counts = new Map<string, number>();
  for (const w of builtMainText(chapter)
    .toLowerCase()
    .match(/\p{L}{8,}/gu) ?? [])
    counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
})();
const COUNT = /^\d+ hasil untuk “/;

async function fresh(options: Parameters<typeof openContext>[1] = {}) {
  const { context, errors } = await openContext(browser(), { serviceWorkers: 'block', ...options });
  const pageErrors: string[] = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page, errors, pageErrors };
}

const header = (page: Page) => page.locator('.site-search');
const headerStatus = (page: Page) => header(page).locator('[data-search-status]').textContent();
const headerPanel = (page: Page) => header(page).locator('[data-search-panel]');

describe('search recovers from a failed request without a reload', () => {
  it('the header box says when its code cannot be fetched, and searches on the next keystroke once it can', async () => {
    const { context, page, pageErrors } = await fresh();
    await visit(page, firstChapter);
    // Every script requested from now on fails: the search code is one.
    await page.route('**/_astro/**', (r) => r.abort());
    await header(page).locator('input').fill(term);
    await expect.poll(() => headerStatus(page)).toBe(t.search.failed);
    expect(await headerPanel(page).isVisible()).toBe(true);
    expect(await headerPanel(page).textContent()).toBe(t.search.failed);
    await page.unroute('**/_astro/**');
    await page.keyboard.type(' ');
    await expect.poll(() => headerStatus(page)).toMatch(COUNT);
    expect(await headerPanel(page).locator('.search-hit-title').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("the header box searches for what was typed before the page's scripts arrived (a slow connection)", async () => {
    const { context, page, pageErrors } = await fresh();
    // The scripts are held back until the reader has typed (the HTML, with its search box, is there).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/_astro/*.js', async (r) => {
      await held;
      await r.continue();
    });
    // Module scripts hold back DOMContentLoaded: wait only for the box itself.
    await page.goto(firstChapter, { waitUntil: 'commit' });
    await header(page).locator('input').fill(term);
    release();
    await expect.poll(() => headerStatus(page)).toMatch(COUNT);
    expect(await headerPanel(page).locator('.search-hit-title').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the header box searches by itself when the connection returns', async () => {
    const { context, page, pageErrors } = await fresh();
    await visit(page, firstChapter);
    await context.setOffline(true);
    await header(page).locator('input').fill(term);
    await expect.poll(() => headerStatus(page)).toBe(t.search.failed);
    await context.setOffline(false);
    await expect.poll(() => headerStatus(page)).toMatch(COUNT);
    expect(await headerPanel(page).locator('.search-hit-title').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('says "cannot be loaded", never "no results", when only the index chunks fail; then finds', async () => {
    const { context, page, pageErrors } = await fresh();
    await visit(page, firstChapter);
    await page.route(/\/pagefind\/(index|filter|fragment)\//, (r) => r.abort());
    await header(page).locator('input').fill(term);
    await expect.poll(() => headerStatus(page)).toBe(t.search.failed);
    expect(await headerPanel(page).textContent()).not.toContain(t.search.none(term));
    await page.unroute(/\/pagefind\/(index|filter|fragment)\//);
    await page.keyboard.type(' ');
    await expect.poll(() => headerStatus(page)).toMatch(COUNT);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('/cari/ says when the index cannot be fetched, and shows the results when the connection returns', async () => {
    const { context, page, pageErrors } = await fresh();
    const status = page.locator('[data-search-page-status]');
    await page.route('**/pagefind/**', (r) => r.abort());
    await visit(page, `/cari/?q=${encodeURIComponent(term)}`);
    await expect.poll(() => status.textContent()).toBe(t.search.failed);
    await page.unroute('**/pagefind/**');
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => status.textContent()).toMatch(COUNT);
    expect(await page.locator('[data-search-page-results] > li').count()).toBeGreaterThan(0);
    // The filters the index knows are shown (not all hidden for want of an answer).
    expect(await page.locator('.search-filters li:not([hidden])').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('/cari/ whose own code cannot be fetched says so in English, and recovers on typing', async () => {
    const { context, page, pageErrors } = await fresh();
    const status = page.locator('[data-search-page-status]');
    await page.route(/\/_astro\/page\.[^/]*\.js$|\/pagefind\//, (r) => r.abort());
    await visit(page, `/en/cari/`);
    await expect.poll(() => status.textContent()).toBe(en.search.failed);
    await page.unroute(/\/_astro\/page\.[^/]*\.js$|\/pagefind\//);
    await page.locator('[data-search-primary]').fill(term);
    await expect.poll(() => status.textContent()).toMatch(/^\d+ results? for “/);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('/cari/ with malformed query parameters loads without an error', async () => {
    const { context, page, pageErrors } = await fresh();
    await visit(page, '/cari/?q=%E0%A4%A&karya=%zz&jenis=%&tahun=<script>');
    await expect.poll(() => page.locator('[data-search-page-status]').textContent()).not.toBe(t.search.loading);
    // The browser's own reading of the query (a cut UTF-8 sequence becomes U+FFFD), not an error.
    // Polled: on a loaded machine the page's status can read "not loading" before its script has run.
    await expect.poll(() => page.locator('[data-search-primary]').inputValue()).toBe(new URLSearchParams('q=%E0%A4%A').get('q'));
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('charts recover from a failed request', () => {
  it('a chart whose code cannot be fetched shows its table and says so, and is drawn when the connection returns', async () => {
    const { context, page, pageErrors } = await fresh();
    await visit(page, chartChapter);
    await context.setOffline(true);
    const figure = page.locator('figure[data-chart]').first();
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.locator('.chart-failed').textContent()).toBe(t.chart.failed);
    expect(await figure.locator('details.chart-data').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    expect(await figure.getAttribute('data-drawn')).toBeNull();
    await context.setOffline(false);
    await expect.poll(() => figure.getAttribute('data-drawn')).toBe('true');
    expect(await figure.locator('.chart-failed').count()).toBe(0);
    expect(await figure.locator('.chart-box').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('damaged stored values are dropped one by one', () => {
  it('one damaged "continue reading" entry hides only itself; off-site paths never become links', async () => {
    const bad: unknown[] = [
      { path: 42, label: 'x' },
      { path: '//evil.example/x/', label: 'x' },
      { path: '/\\evil.example/x/', label: 'x' },
      { path: 'javascript:alert(1)//', label: 'x' },
      'not json {',
    ];
    const valid = library.at(-1)!;
    const entries: Record<string, string> = {};
    library.slice(0, -1).forEach((w, i) => {
      const v = bad[i % bad.length];
      entries[`rb-resume:${w.slug}`] = typeof v === 'string' ? v : JSON.stringify(v);
    });
    entries[`rb-resume:${valid.slug}`] = JSON.stringify({ path: chapterPath(valid), label: valid.chapters[0]!.title, at: 1 });
    for (const [name, value] of [
      ['rb-font', ' 1'],
      ['rb-theme', 'purple'],
    ] as const)
      entries[name] = value;
    const { context, page, pageErrors, errors } = await fresh();
    await context.addInitScript((e) => {
      for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
    }, entries);
    await visit(page, '/');
    const shown = page.locator('[data-resume-work]:not([hidden])');
    await expect.poll(() => shown.count()).toBe(1);
    expect(await shown.getAttribute('data-resume-work')).toBe(valid.slug);
    expect(await shown.locator('a').getAttribute('href')).toBe(chapterPath(valid));
    // No link on the page leads off the site but the ones the build wrote.
    const hrefs = await page.locator('[data-resume-work] a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const h of hrefs) expect(new URL(h).origin).toBe(new URL(page.url()).origin);
    // " 1" is no text size: the page keeps the default and the controls agree with it.
    expect(await page.evaluate(() => document.documentElement.dataset.font ?? null)).toBeNull();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();
    expect(await page.locator('[data-font-step="-1"]').isDisabled()).toBe(false);
    await page.locator('[data-font-step="1"]').click();
    expect(await page.evaluate(() => document.documentElement.dataset.font)).toBe('1');
    expect(pageErrors).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('malformed URL fragments', () => {
  for (const hash of ['#%', '#%zz', '#%E0%A4%A']) {
    it(`${hash}: no error, the progress bar moves and the position is saved`, async () => {
      const { context, page, pageErrors, errors } = await fresh();
      await visit(page, `${firstChapter}${hash}`);
      const work = library[0]!.slug;
      await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), `rb-resume:${work}`)).not.toBeNull();
      await page.mouse.wheel(0, 3000);
      await expect
        .poll(() => page.locator('.reading-progress').evaluate((el) => Number(getComputedStyle(el).getPropertyValue('--progress') || 0)))
        .toBeGreaterThan(0);
      expect(await page.locator('.link-notice:not(.link-moved)').isHidden()).toBe(true);
      expect(pageErrors).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('keyboard', () => {
  it('focus moves to A− when A+ reaches its limit, and back to A+ at the other end', async () => {
    const { context, page } = await fresh();
    await visit(page, firstChapter);
    const larger = page.locator('[data-font-step="1"]');
    const smaller = page.locator('[data-font-step="-1"]');
    await larger.focus();
    for (let i = 0; i < 10 && !(await larger.isDisabled()); i++) await page.keyboard.press('Enter');
    expect(await larger.isDisabled()).toBe(true);
    expect(await smaller.evaluate((b) => b === document.activeElement)).toBe(true);
    for (let i = 0; i < 10 && !(await smaller.isDisabled()); i++) await page.keyboard.press('Enter');
    expect(await smaller.isDisabled()).toBe(true);
    expect(await larger.evaluate((b) => b === document.activeElement)).toBe(true);
    await context.close();
  });

  it('Escape closes the cite panel and gives focus back to its summary', async () => {
    const { context, page } = await fresh();
    await visit(page, firstChapter);
    const summary = page.locator('details.cite-panel > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details.cite-panel').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.cite-panel .cite-body'))).toBe(true);
    // The panel's code comes when it first opens: an Escape before it is lost (src/cite/browser/cite.ts),
    // so it is pressed until the panel closes (on a loaded machine the first press came too early).
    await expect
      .poll(async () => {
        await page.keyboard.press('Escape');
        return page.locator('details.cite-panel').evaluate((d: HTMLDetailsElement) => d.open);
      })
      .toBe(false);
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    await context.close();
  });

  it("a cite panel's copy button, pressed from the keyboard, copies its citation as the panel shows it", async () => {
    const { context, page } = await fresh({ permissions: ['clipboard-read', 'clipboard-write'] });
    await visit(page, firstChapter);
    await page.locator('details.cite-panel > summary').focus();
    await page.keyboard.press('Enter');
    for (const citation of await page.locator('.cite-panel .citation').all()) {
      const shown = (await citation.locator('.citation-text').textContent())!;
      expect(shown.trim()).not.toBe('');
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await citation.locator('button.copy-button').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    }
    await context.close();
  });

  it('tabbing through a chapter never stops inside a citation popover', async () => {
    const { context, page } = await fresh();
    await visit(page, citingChapter);
    const citations = await page.locator('.prose a.citation-link').count();
    expect(citations).toBeGreaterThan(0);
    let inPopover = 0;
    let onCitation = 0;
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        return !a || a === document.body ? 'end' : a.closest('#citation-popover') ? 'popover' : a.matches('a.citation-link') ? 'citation' : 'other';
      });
      if (where === 'end') break;
      if (where === 'popover') inPopover++;
      if (where === 'citation') onCitation++;
      if (onCitation >= citations) break;
    }
    expect(onCitation).toBeGreaterThan(0);
    expect(inPopover).toBe(0);
    await context.close();
  });
});
