// The library as a reader walks it: home -> work -> chapters, heading anchors, the 404 page.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openContext, visit } from '../support/browser.ts';
import { builtPages, works } from '../support/site.ts';

const library = works();
let browser: Browser;
let context: BrowserContext;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  ({ context, errors } = await openContext(browser));
});
afterAll(async () => {
  await browser?.close();
});

describe('library', () => {
  it('lists every work of content/works/ on the home page, in order', async () => {
    const page = await context.newPage();
    await visit(page, '/');
    const cards = page.locator('.work-card h2 a');
    expect(library.length, 'content/works/ has no work file').toBeGreaterThan(0);
    expect(await cards.allTextContents()).toEqual(library.map((w) => w.title));
    expect(await cards.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(library.map((w) => `/${w.slug}/`));
    await page.close();
  });

  it.each(library.map((w) => [w.slug, w] as const))('work page %s links every chapter it has', async (_slug, work) => {
    const page = await context.newPage();
    await visit(page, `/${work.slug}/`);
    expect(await page.locator('h1').count()).toBe(1);
    const links = await page.locator('.work-toc > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(work.chapters.map((c) => `/${work.slug}/${c.slug}/`));
    await page.close();
  });

  it.each(library.map((w) => [w.slug, w] as const))('previous/next walks %s end to end and back', async (_slug, work) => {
    const page = await context.newPage();
    const expected = work.chapters.map((c) => `/${work.slug}/${c.slug}/`);
    const forward: string[] = [];
    await visit(page, expected[0]!);
    for (;;) {
      forward.push(new URL(page.url()).pathname);
      const next = page.locator('.chapter-nav a[rel="next"]');
      if ((await next.count()) === 0) break;
      expect(forward.length).toBeLessThanOrEqual(expected.length);
      await Promise.all([page.waitForURL((u) => u.pathname !== forward.at(-1)), next.click()]);
    }
    expect(forward).toEqual(expected);
    const backward: string[] = [new URL(page.url()).pathname];
    while ((await page.locator('.chapter-nav a[rel="prev"]').count()) > 0) {
      await Promise.all([page.waitForURL((u) => u.pathname !== backward.at(-1)), page.locator('.chapter-nav a[rel="prev"]').click()]);
      backward.push(new URL(page.url()).pathname);
    }
    expect(backward).toEqual([...expected].reverse());
    await page.locator('.chapter-nav .to-work').click();
    await page.waitForURL(`**/${work.slug}/`);
    await page.close();
  });
});

describe('anchors', () => {
  it('every heading of every chapter has an id and a link-to-section control that resolves', async () => {
    const page = await context.newPage();
    for (const work of library) {
      for (const chapter of work.chapters) {
        await visit(page, `/${work.slug}/${chapter.slug}/`);
        const headings = await page
          .locator('.prose :is(h2,h3,h4)')
          .evaluateAll((hs) => hs.map((h) => ({ id: h.id, anchor: h.querySelector('a.heading-anchor')?.getAttribute('href') })));
        for (const h of headings) {
          expect(h.id, `heading without id on ${page.url()}`).not.toBe('');
          expect(h.anchor).toBe(`#${h.id}`);
        }
        // Every in-page link (chapter contents, footnotes) points at an element that exists.
        const targets = await page
          .locator('a[href^="#"]')
          .evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))).filter((id) => !document.getElementById(id)));
        expect(targets, `broken in-page links on ${page.url()}`).toEqual([]);
      }
    }
    await page.close();
  });

  it('a section link from the work page lands on the heading and marks it', async () => {
    const page = await context.newPage();
    const work = library[0]!;
    await visit(page, `/${work.slug}/`);
    const link = page.locator('.work-toc .toc a').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    const id = decodeURIComponent(href.split('#')[1]!);
    const target = page.locator(`[id="${id}"]`);
    await expect.poll(() => target.evaluate((el) => el.matches(':target'))).toBe(true);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 720)).toBe(true);
    await page.close();
  });

  it('the link-to-section control appears on keyboard focus', async () => {
    const page = await context.newPage();
    const work = library[0]!;
    await visit(page, `/${work.slug}/${work.chapters.find((c) => c.slug.startsWith('bab-'))!.slug}/`);
    const anchor = page.locator('.prose h2 a.heading-anchor').first();
    expect(await anchor.evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
    await anchor.focus();
    expect(await anchor.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    expect(await anchor.getAttribute('aria-label')).toMatch(/^Tautan ke bagian ini/);
    await page.close();
  });
});

describe('every page', () => {
  it(
    'loads without console errors and says which interface language it has',
    async () => {
      const page = await context.newPage();
      const pages = builtPages().filter((p) => p !== '/404.html');
      expect(pages.length).toBeGreaterThan(8);
      for (const path of pages) {
        const res = await visit(page, path);
        expect(res.status(), path).toBe(200);
        expect(await page.locator('html').getAttribute('lang'), path).toBe(path.startsWith('/en/') ? 'en' : 'id');
        expect(await page.locator('h1').count(), path).toBe(1);
      }
      expect(errors).toEqual([]);
      await page.close();
      // One visit a page: the time it may take grows with the library (2 s a page on a loaded machine).
    },
    30_000 + builtPages().length * 2_000,
  );

  it('an unknown URL gets the 404 page, which leads home', async () => {
    const page = await context.newPage();
    const res = await visit(page, '/tidak-ada/halaman-ini/');
    expect(res.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Halaman tidak ditemukan');
    await page.getByRole('link', { name: 'Kembali ke pustaka' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.close();
  });

  it('a missing English address gets the same page, which says so in English too and leads to /en/', async () => {
    const page = await context.newPage();
    const res = await visit(page, '/en/no/such-page/');
    expect(res.status()).toBe(404);
    const english = page.locator('main p[lang="en"]');
    await expect.poll(() => english.textContent()).toContain('Page not found.');
    await english.getByRole('link', { name: 'Back to the library' }).click();
    await page.waitForURL((u) => u.pathname === '/en/');
    await page.close();
  });
});
