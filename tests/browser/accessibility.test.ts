// axe-core (injected into the page) on every page type, in the light and the dark theme, with the
// cite panel open and with a footnote popover open, so what they show is checked too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { axe } from '../support/axe.ts';
import { builtPages, CONTENT, readBuilt, works } from '../support/site.ts';

// One page of each type, found in content/ and the built pages (a type the library has none of,
// such as a chapter with a table in a library without tables, is left out).
const library = works();
const chapters = library.flatMap((w) => w.chapters.map((c) => ({ work: w, path: `/${w.slug}/${c.slug}/` })));
const yaml = (slug: string) => parse(readFileSync(join(CONTENT, 'works', `${slug}.yaml`), 'utf8')) as { authors?: unknown[]; year?: unknown; type?: string };
const chapterWith = (test: RegExp) => chapters.find((c) => test.test(readBuilt(c.path)))?.path;
const first = library[0]!;
const bare = library.find((w) => !yaml(w.slug).authors?.length || yaml(w.slug).year === undefined);
const article = chapters.find((c) => yaml(c.work.slug).type === 'journal-article');
const footnotes = chapterWith(/<section data-footnotes/);
const entries = builtPages().filter((p) => /^\/daftar-pustaka\/(?!halaman\/)[^/]+\/$/.test(p));
const bibliographyPages = builtPages().filter((p) => /^\/daftar-pustaka\/halaman\/\d+\/$/.test(p));
// A word of the first chapter's text, for the search page with its filters.
const word = /\b\p{L}{7,}\b/u.exec(readBuilt(chapters[0]!.path).replace(/[\s\S]*<article[^>]*>|<[^>]+>/g, ' '))?.[0];
const PAGE_TYPES: Record<string, string | undefined> = {
  library: '/',
  work: `/${first.slug}/`,
  'work without author or year': bare && `/${bare.slug}/`,
  'chapter with tables': chapterWith(/<table\b/),
  'chapter with footnotes': footnotes,
  'article section': article?.path,
  'English library': '/en/',
  'English work': `/en/${library.at(-1)!.slug}/`,
  'English chapter': `/en${footnotes ?? chapters[0]!.path}`,
  'not found': '/404.html',
  'site-wide bibliography, with pager': '/daftar-pustaka/',
  'site-wide bibliography, a later page': bibliographyPages[0],
  'bibliography entry with back-links': entries.find((p) => readBuilt(p).includes('class="cite-backlink"')),
  'search with filters from the index': word && `/cari/?q=${encodeURIComponent(word.toLowerCase())}`,
};
const TYPES = Object.entries(PAGE_TYPES).filter((e): e is [string, string] => e[1] !== undefined);
/** A chapter to open on a phone: one with footnotes where the library has one. */
const PHONE_CHAPTER = footnotes ?? chapters[0]!.path;

const browser = useBrowser();

describe.each(['light', 'dark'] as const)('axe in the %s theme', (scheme) => {
  it.each(TYPES)('%s (%s) has no violations', async (_type, path) => {
    const { context } = await openContext(browser(), { colorScheme: scheme, bypassCSP: true }); // axe is injected as an inline script, which the site's CSP rightly refuses
    const page = await context.newPage();
    await visit(page, path);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    expect(await axe(page), `${path} as loaded`).toEqual([]);
    if (await page.locator('.cite-panel').count()) {
      await page.locator('.cite-panel > summary').click();
      expect(await axe(page), `${path} with the cite panel open`).toEqual([]);
    }
    if (await page.locator('a[data-footnote-ref]').count()) {
      await page.locator('a[data-footnote-ref]').first().click();
      await expect.poll(() => page.locator('dialog.note-popover').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      expect(await axe(page), `${path} with a footnote open`).toEqual([]);
    }
    await context.close();
  });

  it('the theme chosen by the switch is checked too (the other theme than the system one)', async () => {
    const { context } = await openContext(browser(), { colorScheme: scheme, bypassCSP: true }); // axe is injected as an inline script, which the site's CSP rightly refuses
    const page = await context.newPage();
    await visit(page, PHONE_CHAPTER);
    await page.locator('[data-theme-toggle]').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe(scheme === 'dark' ? 'light' : 'dark');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});

describe('axe with the phone header', () => {
  it.each(['light', 'dark'] as const)('a chapter at 360 px in the %s theme, menu closed, open, and search open', async (scheme) => {
    const { context } = await openContext(browser(), {
      colorScheme: scheme,
      bypassCSP: true,
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await visit(page, PHONE_CHAPTER);
    expect(await axe(page), 'menu closed').toEqual([]);
    await page.locator('[data-header-toggle="menu"]').click();
    await page.locator('#header-menu').waitFor();
    expect(await axe(page), 'menu open').toEqual([]);
    await page.locator('[data-header-toggle="search"]').click();
    await page.locator('#cari').waitFor();
    expect(await axe(page), 'search open').toEqual([]);
    await context.close();
  });
});
