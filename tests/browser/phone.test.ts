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
import { CONTENT, DIST, works } from '../support/site.ts';
import { existsSync } from 'node:fs';

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
const longestWord = (e: object) => Math.max(...JSON.stringify(e).split(/[\s"]+/).map((w) => w.length));
const entry = [...entries].filter((e) => existsSync(join(DIST, 'daftar-pustaka', e.id))).sort((a, b) => longestWord(b) - longestWord(a))[0]!.id;
/** A word of the first work's title, to search for. */
const term = all[0]!.title.split(/\s+/).find((w) => w.length > 6)!.toLowerCase();

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
  entry: `${prefix}/daftar-pustaka/${entry}/`,
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
      if (r > right && getComputedStyle(el).position !== 'fixed') (right = r), (out = `${el.tagName.toLowerCase()}.${el.className}`);
    }
    return out;
  }, width);

async function setLook(page: Page, step: number, theme: string) {
  await page.evaluate(
    ([s, th]) => {
      const root = document.documentElement;
      if (s) root.dataset.font = String(s);
      else delete root.dataset.font;
      root.dataset.theme = th as string;
    },
    [step, theme] as const,
  );
}

describe('no page is wider than the phone', () => {
  it.each(['', '/en'])('interface %s: every page type at 320, 360 and 414 px, every text size, both themes', async (prefix) => {
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
  }, 240_000);
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
  }, 120_000);
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
      await expect.poll(() => page.locator('.hl-toolbar').isHidden().catch(() => true)).toBe(true);
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
      await expect.poll(() => page.locator('.hl-toolbar').evaluate((el) => !el.hidden && !!el.style.top), { timeout: 20_000 }).toBe(true);
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
      expect(found.words.filter((w) => overlap(w, found.bar)), `${where}: toolbar over the selection`).toEqual([]);
      expect(overlap(found.messages, found.bar), `${where}: toolbar and messages overlap`).toBe(false);
      expect(found.covered, where).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
