// Reading offline, as a reader on a bad connection meets it: after a first visit, the network goes
// and any chapter (also one never opened) still opens, and search still answers. A new build then
// replaces the stored library in one step, when the reader accepts it, never page by page.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/id.ts';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { readResults } from '../support/search.ts';
import { DIST, works } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';

const library = works();
const browser = useBrowser();

const status = (page: Page) => page.locator('[data-offline-status] [role="status"]');

/** Waits until the service worker is active, which happens only once everything is precached. */
async function untilReady(page: Page, ready = t.offline.ready) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe(ready);
}

describe('offline', () => {
  it('after one visit, opens a chapter never visited and searches without a network', async () => {
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, '/');
    await untilReady(page);

    await context.setOffline(true);
    const work = library.at(-1)!;
    const chapter = work.chapters.at(-1)!;
    const response = await visit(page, `/${work.slug}/${chapter.slug}/`);
    expect(response.fromServiceWorker()).toBe(true);
    expect(await page.locator('h1').textContent()).toContain(chapter.title);
    // The stylesheet came from the cache too: the page is laid out, not bare HTML.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).display)).toBe('flex');

    // Search from the header box of that page ...
    await page.keyboard.press('/');
    await page.keyboard.type('kemiskinan');
    await expect.poll(() => page.locator('.site-search .search-hit').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // ... and on the search page, with a filter, from a shared link.
    await visit(page, '/cari/?q=miskin&jenis=bab');
    const found = await readResults(page);
    expect(found.count).toBeGreaterThan(0);
    // A result opens offline, its terms marked.
    await page.locator('.search-hit-title').first().click();
    await page.waitForURL((u) => u.searchParams.has('sorot'));
    await expect.poll(() => page.locator('main mark.search-term').count()).toBeGreaterThan(0);

    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so in English on an English page', async () => {
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, '/en/');
    await untilReady(page, en.offline.ready);
    expect(await page.locator('[data-offline-close]').getAttribute('aria-label')).toBe(en.offline.close);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a new build in one step, when the reader accepts it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rbntt-offline-'));
    cpSync(DIST, root, { recursive: true });
    const server = await serveStatic(root);
    const { context } = await openContext(browser(), { baseURL: server.url });
    try {
      const page = await context.newPage();
      const work = library[0]!;
      const [first, second] = work.chapters.map((c) => `/${work.slug}/${c.slug}/`);
      await visit(page, first!);
      await untilReady(page);

      // A second build: one chapter changes, the worker's manifest with it.
      const changed = join(root, second!, 'index.html');
      writeFileSync(changed, readFileSync(changed, 'utf8').replace('</h1>', ' <span id="versi-baru">(versi baru)</span></h1>'));
      await writeServiceWorker(root);

      // The open library notices the new version and says so; until the reader accepts it, every
      // page still comes from the old build, even one that changed.
      await page.reload();
      await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe(t.offline.update);
      const accept = page.getByRole('button', { name: t.offline.reload });
      expect(await accept.isVisible()).toBe(true);
      await context.setOffline(true);
      await visit(page, second!);
      expect(await page.locator('#versi-baru').count()).toBe(0);
      await expect.poll(() => status(page).textContent()).toBe(t.offline.update);
      // A second tab, also on the old build.
      const other = await context.newPage();
      await visit(other, second!);
      expect(await other.locator('#versi-baru').count()).toBe(0);

      // Accepting reloads the page under the new worker: the new build, offline, nothing of the old.
      await Promise.all([page.waitForEvent('load'), accept.click()]);
      expect(await page.locator('#versi-baru').count()).toBe(1);
      await visit(page, first!);
      await visit(page, second!);
      expect(await page.locator('#versi-baru').count()).toBe(1);
      // The other tab still shows the old page, and offers to load the new version.
      await expect.poll(() => status(other).textContent()).toBe(t.offline.update);
      await Promise.all([other.waitForEvent('load'), other.getByRole('button', { name: t.offline.reload }).click()]);
      expect(await other.locator('#versi-baru').count()).toBe(1);
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const urls = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)));
        return { names, urls: urls.flat() };
      });
      // One cache, one entry per file: the old revisions are gone.
      expect(cached.names).toHaveLength(1);
      const paths = cached.urls.map((u) => new URL(u).pathname);
      expect(new Set(paths).size).toBe(paths.length);
    } finally {
      await context.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
