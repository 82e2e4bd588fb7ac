// Citations as a reader meets them in Chromium: every citation leads to its entry, a back-link of an
// entry shows its citation marked (tests/content/citations.test.ts checks every back-link's target in
// the built files), and the reference popover works with a mouse, a
// keyboard and a touch screen; an old link to an entry of the site-wide list reaches it; an entry's
// BibTeX and RIS download from its page, and the retired per-entry file addresses lead there.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { referencesBibtex, referencesRis } from '../../src/bibliography/export.ts';
import { loadLibrary } from '../../src/bibliography/library.ts';
import { ENTRY_DOWNLOADS_ANCHOR } from '../../src/routes.ts';
import { ROOT } from '../support/site.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { works } from '../support/site.ts';
import { bibliographyListPages, entryPage } from '../support/bibliography-pages.ts';

const library = works();
// The walk over every citation visits each chapter and each work's list once per interface: its
// time limit grows with those pages, so a larger library or a busy machine does not reach a fixed one.
const WALK_TIMEOUT = 30_000 + 5_000 * library.reduce((n, w) => n + w.chapters.length + 1, 0);
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
    const absent = await page.evaluate(([ids, cls]) => ids.filter((id) => !document.getElementById(id)?.classList.contains(cls)), [ids, className] as const);
    missing.push(...absent.map((id) => `${path}#${id}`));
  }
  return missing;
}

describe('links between citations and entries', () => {
  it.each(['', '/en'])(
    'every citation links to its entry in its work’s list, in the same interface (%s)',
    async (prefix) => {
      const { context } = await openContext(browser());
      const page = await context.newPage();
      const links: string[] = [];
      for (const work of library) {
        for (const chapter of work.chapters) {
          await visit(page, `${prefix}/${work.slug}/${chapter.slug}/`);
          // (.href: the address as the browser resolves it; the chapters link relatively.)
          const hrefs = await page.locator('a.citation-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
          for (const href of hrefs) expect(new URL(href).pathname, href).toBe(`${prefix}/${work.slug}/daftar-pustaka/`);
          links.push(...hrefs);
        }
      }
      expect(links.length).toBeGreaterThan(5);
      expect(await missingTargets(page, links, 'reference')).toEqual([]);
      await context.close();
    },
    WALK_TIMEOUT,
  );

  it('following a back-link shows the citation marked in its chapter', async () => {
    const { context } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, entryPage('suwarno2018ntt'));
    const link = page.locator('#suwarno2018ntt a.cite-backlink').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    const target = page.locator(`[id="${href.split('#')[1]}"]`);
    await expect.poll(() => target.evaluate((el) => el.matches(':target'))).toBe(true);
    // (The page scrolls smoothly: wait until the citation is in view.)
    await expect
      .poll(async () => {
        const box = (await target.boundingBox())!;
        return box.y >= 0 && box.y < page.viewportSize()!.height;
      })
      .toBe(true);
    await context.close();
  });
});

describe('the reference popover', () => {
  const popover = (page: Page) => page.locator('#citation-popover');
  const isOpen = (page: Page) => popover(page).evaluate((el) => el.matches(':popover-open'));
  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');

  // The references come with the popover's code on the first sign of reaching a citation (#26: not
  // in the chapter's first load); a keyboard's first Tab is one, so they are there before focus
  // reaches a citation.
  it('gives screen readers the full reference as the citation’s description, from the first Tab', async () => {
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, CHAPTER);
    expect(await page.locator('a.citation-link[aria-describedby]').count()).toBe(0);
    await page.keyboard.press('Tab');
    const described = () =>
      page
        .locator('a.citation-link')
        .evaluateAll((as) =>
          as.map((a) => (a.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim() ?? '')),
        );
    await expect.poll(async () => (await described()).every((texts) => texts.every(Boolean))).toBe(true);
    const texts = await described();
    expect(texts.length).toBeGreaterThan(0);
    for (const list of texts) for (const text of list) expect(text).toMatch(/\(\d{4}[a-z]?\)\. .{10,}/);
    expect(errors).toEqual([]);
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

  it('shows a footnote that cites as the author printed it in the footnote popover, its words leading on to the entry', async () => {
    const { context } = await openContext(browser(), { viewport: { width: 390, height: 760 } });
    const page = await context.newPage();
    await visit(page, '/dw4fs-kupang/bab-1-pendahuluan/');
    // Every citation of this chapter is a footnote: no popover script, the note itself is the citation.
    expect(await page.locator('#citation-popover').count()).toBe(0);
    await page.locator('a[data-footnote-ref][href$="fn-3"]').click();
    const note = page.locator('dialog.note-popover');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain(
      '“History of the ILO,” Internasional Labor Organization, modifikasi terakhir 2019, diakses pada 5 April, 2022, https://www.ilo.org/',
    );
    await note.locator('a.citation-link').click();
    await page.waitForURL('**/dw4fs-kupang/daftar-pustaka/#ilo2019history');
    await context.close();
  });

  it('an "Ibid." note leads to the entry of the note before it', async () => {
    const { context } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, '/dw4fs-kupang/bab-1-pendahuluan/');
    const ibid = page.locator('li[id$="fn-2"] a.citation-link');
    expect(await ibid.textContent()).toBe('Ibid.');
    expect(await ibid.getAttribute('href')).toBe(await page.locator('li[id$="fn-1"] a.citation-link').getAttribute('href'));
    await context.close();
  });
});

describe('the site-wide bibliography', () => {
  // Before paging every entry was on /daftar-pustaka/ at #key; such links are published.
  it.each(['', '/en'])('an old link /daftar-pustaka/#key reaches the entry, on the first page or on its own page (%s)', async (prefix) => {
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    const pages = bibliographyListPages(undefined, prefix);
    // From a blank page each time: a change of fragment alone is no navigation with a response.
    const open = async (path: string) => {
      await page.goto('about:blank');
      await visit(page, path);
    };
    const ids = async (path: string) => {
      await open(path);
      return page.locator('li.reference').evaluateAll((lis) => lis.map((li) => li.id));
    };
    const first = (await ids(pages[0]!))[0]!;
    expect(first).toBeTruthy();
    await open(`${prefix}/daftar-pustaka/#${first}`);
    await expect.poll(() => page.evaluate(() => location.pathname + location.hash)).toBe(`${prefix}/daftar-pustaka/#${first}`);
    // An entry of a later page (the real library has more entries than one page holds).
    expect(pages.length).toBeGreaterThan(1);
    const later = (await ids(pages.at(-1)!)).at(-1)!;
    await open(`${prefix}/daftar-pustaka/#${later}`);
    // An entry's page has one interface (entry-pages.test.ts).
    await page.waitForURL(`**${entryPage(later)}`);
    expect(await page.locator(`li.reference[id="${later}"]`).count()).toBe(1);
    // A fragment that is no entry stays on the first page.
    await open(`${prefix}/daftar-pustaka/#isi`);
    expect(await page.evaluate(() => location.pathname)).toBe(`${prefix}/daftar-pustaka/`);
    // Nor does a word shaped like a key that is no entry's (the list of keys answered first).
    const keys = page.waitForResponse((r) => r.url().endsWith('/kunci.json'));
    await open(`${prefix}/daftar-pustaka/#constructor`);
    await keys;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(await page.evaluate(() => location.pathname)).toBe(`${prefix}/daftar-pustaka/`);
    expect(errors).toEqual([]);
    await context.close();
  });

  // No file per entry (#30): a static host counts files. Whatever a work's list offers is on the entry's page.
  it.each(['', '/en'])(
    "an entry's BibTeX and RIS download from its page, reached from a work's list; a retired file address leads there (%s)",
    async (prefix) => {
      const { context, errors } = await openContext(browser(), { acceptDownloads: true });
      const page = await context.newPage();
      const refs = new Map(loadLibrary(ROOT).references.map((r) => [r.id, r]));
      const link = page.locator('.reference-record a[href^="/daftar-pustaka/"]').first();
      // The first work whose reference list has entries.
      for (const work of library) {
        await visit(page, `${prefix}/${work.slug}/daftar-pustaka/`);
        if (await link.count()) break;
      }
      const href = (await link.getAttribute('href'))!;
      const key = decodeURIComponent(/\/daftar-pustaka\/([^/]+)\//.exec(href)![1]!);
      // The entry's one page (entry-pages.test.ts), from both interfaces.
      expect(href).toBe(entryPage(encodeURIComponent(key)));
      await visit(page, href);
      for (const [format, text] of [
        ['bib', referencesBibtex([refs.get(key)!])],
        ['ris', referencesRis([refs.get(key)!])],
      ] as const) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#${ENTRY_DOWNLOADS_ANCHOR} a[download$=".${format}"]`).click()]);
        expect(download.suggestedFilename()).toBe(`${key}.${format}`);
        expect(readFileSync(await download.path(), 'utf8')).toBe(text);
      }
      // The retired address of the entry's own file (linked from the lists before): the 404 page sends it on.
      const retired = await page.goto(`/daftar-pustaka/entri/${encodeURIComponent(key)}.ris`);
      expect(retired?.status()).toBe(404);
      await page.waitForURL(`**${entryPage(encodeURIComponent(key))}#${ENTRY_DOWNLOADS_ANCHOR}`);
      expect(await page.locator(`#${ENTRY_DOWNLOADS_ANCHOR} a[download="${key}.bib"]`).count()).toBe(1);
      expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
      await context.close();
    },
  );
});
