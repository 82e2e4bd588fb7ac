// Citations as a reader meets them in Chromium: every citation leads to its entry, every back-link
// of an entry lands on the citation it names, and the reference popover works with a mouse, a
// keyboard and a touch screen; the site-wide list filters by work without a script.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { works } from '../support/site.ts';

const library = works();
const REFERENCE_PAGES = ['/daftar-pustaka/', ...library.map((w) => `/${w.slug}/daftar-pustaka/`)];
const CHAPTER = '/borotoding-2024/bab-4-hasil-dan-pembahasan/';
const browser = useBrowser();

/** Visits each page once and returns the ids (from `links`' fragments) missing there, with the class they must carry. */
async function missingTargets(page: Page, links: string[], className: string): Promise<string[]> {
  const byPage = new Map<string, string[]>();
  for (const href of links) {
    const url = new URL(href, 'http://x');
    byPage.set(url.pathname, [...(byPage.get(url.pathname) ?? []), decodeURIComponent(url.hash.slice(1))]);
  }
  const missing: string[] = [];
  for (const [path, ids] of byPage) {
    await visit(page, path);
    const absent = await page.evaluate(
      ([ids, cls]) => ids.filter((id) => !document.getElementById(id)?.classList.contains(cls)),
      [ids, className] as const,
    );
    missing.push(...absent.map((id) => `${path}#${id}`));
  }
  return missing;
}

describe('links between citations and entries', () => {
  it('every back-link of every entry lands on the citation it names', async () => {
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    const links: string[] = [];
    for (const path of REFERENCE_PAGES) {
      await visit(page, path);
      links.push(...(await page.locator('a.cite-backlink').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))));
    }
    expect(links.length).toBeGreaterThan(5);
    expect(await missingTargets(page, links, 'citation')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['', '/en'])('every citation links to its entry in its work’s list, in the same interface (%s)', async (prefix) => {
    const { context } = await openContext(browser());
    const page = await context.newPage();
    const links: string[] = [];
    for (const work of library) {
      for (const chapter of work.chapters) {
        await visit(page, `${prefix}/${work.slug}/${chapter.slug}/`);
        // (.href: the address as the browser resolves it; the chapters link relatively.)
        const hrefs = await page.locator('a.citation-link, a.note-entry-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) expect(new URL(href).pathname, href).toBe(`${prefix}/${work.slug}/daftar-pustaka/`);
        links.push(...hrefs);
      }
    }
    expect(links.length).toBeGreaterThan(5);
    expect(await missingTargets(page, links, 'reference')).toEqual([]);
    await context.close();
  });

  it('following a back-link shows the citation marked in its chapter', async () => {
    const { context } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, '/daftar-pustaka/');
    const link = page.locator('#suwarno2018ntt a.cite-backlink').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    const target = page.locator(`[id="${href.split('#')[1]}"]`);
    await expect.poll(() => target.evaluate((el) => el.matches(':target'))).toBe(true);
    // (The page scrolls smoothly: wait until the citation is in view.)
    await expect.poll(async () => {
      const box = (await target.boundingBox())!;
      return box.y >= 0 && box.y < page.viewportSize()!.height;
    }).toBe(true);
    await context.close();
  });
});

describe('the reference popover', () => {
  const popover = (page: Page) => page.locator('#citation-popover');
  const isOpen = (page: Page) => popover(page).evaluate((el) => el.matches(':popover-open'));
  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');

  it('gives screen readers the full reference as the citation’s description', async () => {
    const { context } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, CHAPTER);
    const described = await page.locator('a.citation-link').evaluateAll((as) =>
      as.map((a) => (a.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim() ?? '')),
    );
    expect(described.length).toBeGreaterThan(0);
    for (const texts of described) for (const text of texts) expect(text).toMatch(/\(\d{4}[a-z]?\)\. .{10,}/);
    await context.close();
  });

  it('opens on hover with the full reference, and closes when the mouse leaves', async () => {
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, CHAPTER);
    const cite = page.locator('a.citation-link[data-cites="keohane2012twenty"]').first();
    expect(await isOpen(page)).toBe(false);
    await cite.hover();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await popover(page).textContent()).toContain('Keohane, R. O. (2012). Twenty years of institutional liberalism.');
    expect(await popover(page).locator('a[href="https://doi.org/10.1177/0047117812438451"]').count()).toBe(1);
    expect(await popover(page).isVisible()).toBe(true);
    await page.mouse.move(5, 5);
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens on keyboard focus, lets Arrow Down into it (not Tab), closes with Escape and gives focus back', async () => {
    const { context } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, CHAPTER);
    const cite = page.locator('a.citation-link').first();
    // Tab to the first citation from the element just before it.
    await cite.evaluate((a) => {
      const before = document.createElement('button');
      a.before(before);
      before.focus();
    });
    await page.keyboard.press('Tab');
    expect(await cite.evaluate((a) => a === document.activeElement)).toBe(true);
    await expect.poll(() => isOpen(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await popover(page).evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await cite.evaluate((a) => a === document.activeElement)).toBe(true);
    await context.close();
  });

  it('opens on tap without leaving the page, closes with its button and returns focus', async () => {
    const { context } = await openContext(browser(), { hasTouch: true, isMobile: true, viewport: { width: 390, height: 760 } });
    const page = await context.newPage();
    await visit(page, '/kokomakingi-2024/pendahuluan/');
    const cite = page.locator('a.citation-link[data-cites="suwarno2018ntt"]').first();
    await cite.scrollIntoViewIfNeeded();
    await cite.tap();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/kokomakingi-2024/pendahuluan/');
    expect(await popover(page).textContent()).toContain('6. Suwarno WP, Wiloso PG, Therik WMA.');
    expect(await activeId(page)).toBe('citation-popover');
    // Fits the phone's screen.
    const box = (await popover(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await popover(page).getByRole('button', { name: 'Tutup' }).tap();
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await cite.evaluate((a) => a === document.activeElement)).toBe(true);
    // A tap elsewhere closes it too; the popover's link leads on to the entry.
    await cite.tap();
    await expect.poll(() => isOpen(page)).toBe(true);
    await page.touchscreen.tap(10, 10);
    await expect.poll(() => isOpen(page)).toBe(false);
    await cite.tap();
    await popover(page).getByRole('link', { name: 'Lihat di daftar pustaka' }).tap();
    await page.waitForURL('**/kokomakingi-2024/daftar-pustaka/#suwarno2018ntt');
    await context.close();
  });

  it('shows a note-style citation as its Chicago note in the footnote popover, leading on to the entry', async () => {
    const { context } = await openContext(browser(), { viewport: { width: 390, height: 760 } });
    const page = await context.newPage();
    await visit(page, '/dw4fs-kupang/bab-1-pendahuluan/');
    expect(await page.locator('#citation-popover').count()).toBe(0);
    await page.locator('a[data-footnote-ref][data-cites="ilo2019history"]').click();
    const note = page.locator('dialog.note-popover');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('“History of the ILO,” Internasional Labor Organization, 2019, https://www.ilo.org/');
    await note.getByRole('link', { name: 'Lihat di daftar pustaka' }).click();
    await page.waitForURL('**/dw4fs-kupang/daftar-pustaka/#ilo2019history');
    await context.close();
  });
});

describe('the site-wide bibliography', () => {
  it('filters by work without a script', async () => {
    const { context } = await openContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, '/daftar-pustaka/');
    const visible = () => page.locator('li.reference:visible').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-works')!));
    const all = await visible();
    for (const work of library) {
      const label = page.locator('.reference-filter label').filter({ has: page.locator(`#saring-${work.slug}`) });
      await label.click();
      const shown = await visible();
      expect(shown.length, work.slug).toBe(Number(/\((\d+)\)\s*$/.exec((await label.textContent())!)![1]));
      for (const works of shown) expect(works.split(' ')).toContain(work.slug);
    }
    await page.locator('#saring-semua').check();
    expect(await visible()).toEqual(all);
    await context.close();
  });
});
