// The reader on a phone (issue 23): touch, 360×780 at DPR 2. Every page type fits 320, 360 and 414 px
// at every text size, in both themes and both interfaces; a chapter's text is on the first screen;
// the header is one structure everywhere; the selection toolbar and the messages stay out of each
// other's way; targets are big enough; a keyboard reaches the text quickly. Pages derived from content/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FONT_SIZES } from '../../src/browser/safe.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { CONTENT, DIST, ROOT, works } from '../support/site.ts';
import { existsSync } from 'node:fs';
import { offlineText } from '../../src/i18n/offline-id.ts';
import { offlineManifest } from '../../src/offline/build.ts';
import { cacheName, packFiles, saved, status } from '../support/offline.ts';
import { serveStatic } from '../support/static-server.ts';

const PHONE = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
const WIDTHS = [320, 360, 414];
const browser = useBrowser();

const all = works();
/** Chapters with body text (the reference lists are lists, not paragraphs). */
const chapters = all.flatMap((w) => w.chapters.filter((c) => c.slug !== 'daftar-pustaka').map((c) => `/${w.slug}/${c.slug}/`));
/** A work with a list of abbreviations (its page is built for every work; the list is there for some). */
const withAbbreviations = all.find((w) => /data-abbreviation|<table/.test(readFileSync(join(DIST, w.slug, 'singkatan', 'index.html'), 'utf8'))) ?? all[0]!;
/** The chapter with the most tables: the widest content a chapter has. */
const tableChapter = chapters
  .map((p) => ({ p, n: (readFileSync(join(DIST, p, 'index.html'), 'utf8').match(/<table/g) ?? []).length }))
  .sort((a, b) => b.n - a.n)[0]!.p;
/** The bibliography entry with the longest unbroken word (a URL, a DOI): the hardest record to fit. */
const entries = JSON.parse(readFileSync(join(CONTENT, 'bibliography.json'), 'utf8')) as { id: string }[];
const longestWord = (e: object) =>
  Math.max(
    ...JSON.stringify(e)
      .split(/[\s"]+/)
      .map((w) => w.length),
  );
const entry = [...entries].filter((e) => existsSync(join(DIST, 'daftar-pustaka', e.id))).sort((a, b) => longestWord(b) - longestWord(a))[0]!.id;
/** A word of the first work's title, to search for. */
const term = all[0]!.title
  .split(/\s+/)
  .find((w) => w.length > 6)!
  .toLowerCase();

const PAGE_TYPES = (prefix: string) => ({
  home: `${prefix}/`,
  work: `${prefix}/${all[0]!.slug}/`,
  chapter: `${prefix}${tableChapter}`,
  data: `${prefix}/data/`,
  search: `${prefix}/cari/?q=${encodeURIComponent(term)}`,
  notes: `${prefix}/catatan/`,
  bibliography: `${prefix}/daftar-pustaka/`,
  'work bibliography': `${prefix}/${all[0]!.slug}/daftar-pustaka/`,
  abbreviations: `${prefix}/singkatan/`,
  'work abbreviations': `${prefix}/${withAbbreviations.slug}/singkatan/`,
  'tables and figures': `${prefix}/${all[0]!.slug}/daftar-tabel-gambar/`,
  // An entry's page has one interface (entry-pages.test.ts): the same page under both prefixes.
  entry: `/daftar-pustaka/${entry}/`,
  'not found': `${prefix}/tidak-ada-halaman-ini/`,
});

/** The page's width as a phone shows it: a page wider than the screen widens the layout viewport too. */
const pageWidth = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, innerWidth));
/** What sticks out furthest past `width` (for the failure message). */
const widest = (page: Page, width: number) =>
  page.evaluate((w) => {
    let out = '';
    let right = w;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect().right + scrollX;
      if (r > right && getComputedStyle(el).position !== 'fixed') {
        right = r;
        out = `${el.tagName.toLowerCase()}.${el.className}`;
      }
    }
    return out;
  }, width);

async function setLook(page: Page, step: number, theme: string) {
  await page.evaluate(
    ([s, th]) => {
      const root = document.documentElement;
      if (s) root.dataset.font = String(s);
      else delete root.dataset.font;
      root.dataset.theme = th;
    },
    [step, theme] as const,
  );
}

describe('no page is wider than the phone', () => {
  it.each(['', '/en'])(
    'interface %s: every page type at 320, 360 and 414 px, every text size, both themes',
    async (prefix) => {
      const { context } = await openContext(browser(), PHONE);
      const page = await context.newPage();
      const wide: string[] = [];
      for (const [type, path] of Object.entries(PAGE_TYPES(prefix))) {
        await page.setViewportSize({ width: 360, height: 780 });
        await page.goto(path, { waitUntil: 'load' });
        // What a tap opens must fit too: the contents, the cite panel, a record's fields.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 780 });
          for (const step of FONT_SIZES) {
            for (const theme of ['light', 'dark']) {
              await setLook(page, step, theme);
              const w = await pageWidth(page);
              if (w > width) wide.push(`${type} ${path} at ${width} px, text ${step}, ${theme}: ${w} px (${await widest(page, width)})`);
            }
          }
        }
      }
      expect(wide).toEqual([]);
      await context.close();
    },
    240_000,
  );
});

describe('a chapter on a phone', () => {
  it('shows its first paragraph in the top 60% of 360×780, and two of its lines on 360×640', async () => {
    const { context } = await openContext(browser(), PHONE);
    const page = await context.newPage();
    const far: string[] = [];
    for (const path of chapters) {
      await page.setViewportSize({ width: 360, height: 780 });
      await visit(page, path);
      const p = page.locator('.prose p[data-para]').first();
      if (!(await p.count())) continue;
      const top = await p.evaluate((el) => el.getBoundingClientRect().top + scrollY);
      const line = await p.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      console.log(`first paragraph of ${path}: y = ${Math.round(top)} px`);
      if (top > 0.6 * 780) far.push(`${path}: first paragraph at y = ${Math.round(top)} of 780`);
      if (top + 2 * line > 640) far.push(`${path}: two lines end at y = ${Math.round(top + 2 * line)} of 640`);
    }
    expect(far).toEqual([]);
    await context.close();
  });
});

describe('the selection toolbar on a phone', () => {
  const overlap = (a: DOMRectLike, b: DOMRectLike) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  type DOMRectLike = { left: number; right: number; top: number; bottom: number };

  it('fits the screen in two rows at most, clear of the selection and the messages, each button on top, while the core is being saved', async () => {
    const { context, errors } = await openContext(browser(), PHONE);
    const page = await context.newPage();
    await visit(page, tableChapter);
    // The offline note as it stands while the core is being saved (its own text and close button).
    await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('[data-offline-status]')!;
      box.querySelector('[role="status"]')!.textContent = (box.dataset.saving ?? '').replace('{size}', '991 KB');
      box.querySelector<HTMLElement>('[data-offline-close]')!.hidden = false;
    });
    for (const where of ['near the top', 'near the foot'] as const) {
      await page.evaluate(() => getSelection()?.removeAllRanges());
      await expect
        .poll(() =>
          page
            .locator('.hl-toolbar')
            .isHidden()
            .catch(() => true),
        )
        .toBe(true);
      await page.evaluate((at) => {
        const p = [...document.querySelectorAll<HTMLElement>('.prose p[data-para]')].find((x) => (x.textContent ?? '').length > 300)!;
        const y = p.getBoundingClientRect().top + scrollY;
        scrollTo({ top: at === 'near the top' ? y - 120 : y - innerHeight + 200, behavior: 'instant' });
        const text = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 40)!;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 40);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, where);
      // Shown and placed: its place follows the selection and the scroll a frame later, so wait for
      // it to settle on the screen (a bar that never does fails here).
      await expect
        .poll(() =>
          page.locator('.hl-toolbar').evaluate((el: HTMLElement) => {
            const r = el.getBoundingClientRect();
            return !el.hidden && !!el.style.top && r.top >= 0 && r.bottom <= innerHeight;
          }),
        )
        .toBe(true);
      const found = await page.evaluate(() => {
        const bar = document.querySelector<HTMLElement>('.hl-toolbar')!;
        const buttons = [...bar.querySelectorAll('button')];
        return {
          bar: bar.getBoundingClientRect().toJSON(),
          words: [...getSelection()!.getRangeAt(0).getClientRects()].map((r) => r.toJSON()),
          messages: document.querySelector('[data-offline-status]')!.getBoundingClientRect().toJSON(),
          rows: new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size,
          covered: buttons
            .filter((b) => {
              const r = b.getBoundingClientRect();
              return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('button') !== b;
            })
            .map((b) => b.textContent),
          screen: { width: innerWidth, height: innerHeight },
        };
      });
      expect(found.bar.left, where).toBeGreaterThanOrEqual(0);
      expect(found.bar.right, where).toBeLessThanOrEqual(found.screen.width);
      expect(found.bar.top, where).toBeGreaterThanOrEqual(0);
      expect(found.bar.bottom, where).toBeLessThanOrEqual(found.screen.height);
      expect(found.rows, where).toBeLessThanOrEqual(2);
      expect(
        found.words.filter((w) => overlap(w, found.bar)),
        `${where}: toolbar over the selection`,
      ).toEqual([]);
      expect(overlap(found.messages, found.bar), `${where}: toolbar and messages overlap`).toBe(false);
      expect(found.covered, where).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stays whole on the screen at the largest text size, words scrolled out of sight', async () => {
    const { context, errors } = await openContext(browser(), PHONE);
    // The largest step of A+ (the reader's stored choice, as the header's buttons store it).
    await context.addInitScript(() => {
      // (about:blank, the first document, has no storage.)
      if (location.protocol.startsWith('http')) localStorage.setItem('rb-font', '3');
    });
    const page = await context.newPage();
    await visit(page, tableChapter);
    // Words of a paragraph below the first screen: the bar keeps to the screen's foot, its rows all on it
    // (its height grows once its styles arrive and it wraps at this size: it must be placed again then).
    await page.evaluate(() => {
      const p = [...document.querySelectorAll<HTMLElement>('.prose p[data-para]')].find((x) => x.getBoundingClientRect().top > innerHeight)!;
      const text = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 20)!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 20);
      getSelection()!.addRange(range);
    });
    await expect.poll(() => page.locator('.hl-toolbar').evaluate((el: HTMLElement) => !el.hidden && !!el.style.top)).toBe(true);
    await page.waitForTimeout(500);
    const bar = await page
      .locator('.hl-toolbar')
      .evaluate((el) => ({ ...el.getBoundingClientRect().toJSON(), screen: innerHeight }) as { top: number; bottom: number; screen: number });
    expect(bar.top).toBeGreaterThanOrEqual(0);
    expect(bar.bottom).toBeLessThanOrEqual(bar.screen);
    expect(errors, JSON.stringify(errors)).toEqual([]);
    await context.close();
  });
});

describe('targets and keys on a phone', () => {
  it("Tab from the top of a chapter reaches its first citation in fewer than 10 presses, the text's own stops aside", async () => {
    const { context } = await openContext(browser(), PHONE);
    const page = await context.newPage();
    const slow: string[] = [];
    for (const path of chapters) {
      await visit(page, path);
      if (!(await page.locator('.prose a.citation-link').count())) continue;
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let presses = 0;
      let own = 0;
      for (; presses < 60;) {
        await page.keyboard.press('Tab');
        presses++;
        const at = await page.evaluate(() => {
          const el = document.activeElement!;
          return el.matches('.prose a.citation-link') ? 'citation' : el.closest('.prose') && !el.matches('a.self-link') ? 'text' : 'other';
        });
        if (at === 'citation') break;
        // The author's own links, abbreviations and footnote marks before the first citation are the text's, not the page's.
        if (at === 'text') own++;
      }
      console.log(`${path}: first citation after ${presses} Tab presses (${own} of them the text's own stops)`);
      if (presses - own >= 10) slow.push(`${path}: ${presses} presses, ${own} in the text`);
    }
    expect(slow).toEqual([]);
    await context.close();
  });

  it('controls outside running text are at least 24×24 px or spaced as WCAG 2.5.8 allows, menu open and closed; footnote marks answer 11 px around', async () => {
    const { context } = await openContext(browser(), PHONE);
    const page = await context.newPage();
    const small: string[] = [];
    const path = chapters.find((p) => readFileSync(join(DIST, p, 'index.html'), 'utf8').includes('data-footnote-ref')) ?? tableChapter;
    for (const p of [tableChapter, path]) {
      await visit(page, p);
      for (const menu of [false, true]) {
        if (menu) await page.locator('[data-header-toggle="menu"]').click();
        if (menu) await page.locator('#header-menu').waitFor();
        small.push(
          ...(await page.evaluate(
            (label) => {
              const running = (el: Element) =>
                !!el.closest(
                  '.prose p, .prose li, .prose td, .prose th, .prose figcaption, .prose blockquote, .footnotes, .sidenote, .toc, .work-toc, .reference, .chart-source',
                );
              const targets = [...document.querySelectorAll<HTMLElement>('a[href], button, summary, input, [tabindex="0"]')]
                .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden' && !running(el))
                .map((el) => ({ el, r: el.getBoundingClientRect() }))
                .filter(({ r }) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight);
              const undersized = targets.filter(({ r }) => r.width < 24 || r.height < 24);
              const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
              const distance = (p: { x: number; y: number }, r: DOMRect) =>
                Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom));
              // The spacing exception: a 24 px circle on the undersized target's centre meets no other target nor another such circle.
              return undersized
                .filter(({ el, r }) =>
                  targets.some(
                    (o) =>
                      o.el !== el &&
                      !o.el.contains(el) &&
                      !el.contains(o.el) &&
                      (undersized.includes(o) ? Math.hypot(centre(r).x - centre(o.r).x, centre(r).y - centre(o.r).y) < 24 : distance(centre(r), o.r) < 12),
                  ),
                )
                .map(
                  ({ el, r }) =>
                    `${label}: ${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
                );
            },
            `${p}${menu ? ' (menu open)' : ''}`,
          )),
        );
      }
    }
    // Footnote marks: raised numbers in the text, with a hit area 11 px around their centre.
    await visit(page, path);
    const refs = page.locator('.prose a[data-footnote-ref]');
    if (await refs.count()) {
      const missed = await refs.evaluateAll((as) =>
        as.slice(0, 5).flatMap((a) => {
          a.scrollIntoView({ block: 'center', behavior: 'instant' });
          const r = a.getBoundingClientRect();
          const c = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          return [
            [-11, 0],
            [11, 0],
            [0, -11],
            [0, 11],
          ]
            .filter(([dx, dy]) => document.elementFromPoint(c.x + dx!, c.y + dy!)?.closest('a') !== a)
            .map(([dx, dy]) => `${a.textContent} at ${dx},${dy}`);
        }),
      );
      expect(missed).toEqual([]);
      await refs.first().click();
      // The popover's code loads on this first tap: its button is measured once it is shown.
      const closeButton = page.locator('dialog.note-popover .note-close');
      await closeButton.waitFor();
      const close = await closeButton.boundingBox();
      expect(Math.min(close!.width, close!.height)).toBeGreaterThanOrEqual(44);
    }
    expect(small).toEqual([]);
    await context.close();
  });
});

describe('one header', () => {
  it('has the same element structure on every page type, in both interfaces', async () => {
    const { context } = await openContext(browser(), PHONE);
    const page = await context.newPage();
    const shapes = new Map<string, string[]>();
    for (const prefix of ['', '/en']) {
      for (const [type, path] of Object.entries(PAGE_TYPES(prefix))) {
        await page.goto(path, { waitUntil: 'load' });
        const shape = await page.locator('header.site-header').evaluate((header) => {
          const describe = (el: Element): string =>
            `<${el.tagName.toLowerCase()} ${[...el.classList].sort().join('.')} ${el
              .getAttributeNames()
              .filter((n) => n.startsWith('data-') || n.startsWith('aria-') || n === 'role' || n === 'id')
              .sort()
              .join(',')}>${[...el.children].map(describe).join('')}`;
          return describe(header);
        });
        shapes.set(shape, [...(shapes.get(shape) ?? []), `${type} ${path}`]);
      }
    }
    expect([...shapes.values()]).toHaveLength(1);
    await context.close();
  });

  it('opens the menu and the search field from their buttons, Escape closes and returns focus, "/" opens search', async () => {
    const { context, errors } = await openContext(browser(), PHONE);
    const page = await context.newPage();
    await visit(page, tableChapter);
    const menu = page.locator('[data-header-toggle="menu"]');
    const search = page.locator('[data-header-toggle="search"]');
    expect(await page.locator('#header-menu').isHidden()).toBe(true);
    expect(await page.locator('#cari').isHidden()).toBe(true);
    // The header is one row: the name and both buttons share it.
    const rows = await page
      .locator('.header-bar > *')
      .evaluateAll((els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))).size);
    expect(rows).toBe(1);
    await menu.click();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#header-menu nav a').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#header-menu [data-font-step="1"]').isVisible()).toBe(true);
    expect(await page.locator('#header-menu [data-theme-toggle]').isVisible()).toBe(true);
    expect(await page.locator('#header-menu .language-switch').isVisible()).toBe(true);
    await page.locator('#header-menu nav a').first().focus();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#header-menu').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-header-toggle'))).toBe('menu');
    await search.click();
    await expect.poll(() => search.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cari');
    await page.keyboard.press('Escape');
    expect(await page.locator('#cari').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-header-toggle'))).toBe('search');
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cari');
    expect(await page.locator('#cari').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the "not saved" and 404 pages', () => {
  it('speak the language of the address and link the work of the address asked for', async () => {
    // The worker's part is played by page.route (which a service worker would bypass).
    const { context, errors } = await openContext(browser(), { ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    const work = all[0]!;
    for (const prefix of ['', '/en']) {
      // As the service worker serves it: the "not saved" page of the interface, at the address asked for.
      const html = readFileSync(join(DIST, prefix.slice(1), 'luring', 'index.html'), 'utf8');
      const asked = `${prefix}/${work.slug}/${work.chapters[0]!.slug}/`;
      await page.route(`**${asked}`, (route) => route.fulfill({ status: 503, contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(asked, { waitUntil: 'load' });
      expect(await page.locator('html').getAttribute('lang')).toBe(prefix ? 'en' : 'id');
      const link = page.locator('[data-work-link]');
      await expect.poll(() => link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe(`${prefix}/${work.slug}/`);
      // The 404 page of the interface exists for the worker (and a host) to serve at /en/ addresses.
      await visit(page, prefix ? '/en/404/' : '/404.html');
      expect(await page.locator('html').getAttribute('lang')).toBe(prefix ? 'en' : 'id');
    }
    expect(errors.filter((e) => !/503|404|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});

describe('the offline note on a phone', () => {
  it('says once that the core is being saved, then leaves the text while the core is still coming, and says once that it is saved', async () => {
    // A file of the core that the page itself does not fetch, held back by the server until the
    // test lets it go: the core is still being saved, however fast or slow the machine.
    const manifest = offlineManifest(DIST, ROOT).manifest;
    const core = packFiles(manifest, 'core');
    const heldPath = core.find((f) => f === '/luring/index.html') ?? core.find((f) => f.endsWith('.html') && f !== '/index.html')!;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = await serveStatic(DIST, { delay: (path) => (path === heldPath ? held : 0) });
    const { context, errors } = await openContext(browser(), { ...PHONE, baseURL: server.url });
    try {
      const page = await context.newPage();
      await visit(page, '/');
      await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toContain(offlineText.saving.split('{size}')[0]!);
      // Gone by itself, though the core is not saved yet: the box takes no room over the page.
      await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toBe('');
      expect(await saved(page, cacheName(manifest, 'core'))).toBe(false);
      expect(await page.locator('[data-offline-status]').evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
      release();
      await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toBe(offlineText.ready);
      await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toBe('');
      expect(errors).toEqual([]);
    } finally {
      release();
      await context.close();
      await server.close();
    }
  });
});
