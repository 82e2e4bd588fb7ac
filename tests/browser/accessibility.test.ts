// axe-core (injected into the page) on every page type, in the light and the dark theme, with the
// cite panel open and with a footnote popover open, so what they show is checked too.
import { describe, expect, it } from 'vitest';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { axe } from '../support/axe.ts';

const PAGE_TYPES = {
  library: '/',
  work: '/borotoding-2024/',
  'work without author or year': '/iom-ntt-2014-2018/',
  'chapter with tables': '/borotoding-2024/bab-4-hasil-dan-pembahasan/',
  'chapter with footnotes': '/dw4fs-kupang/bab-1-pendahuluan/',
  'article section': '/kokomakingi-2024/hasil-dan-pembahasan/',
  'English library': '/en/',
  'English work': '/en/kokomakingi-2024/',
  'English chapter': '/en/dw4fs-kupang/bab-1-pendahuluan/',
  'not found': '/404.html',
  'site-wide bibliography, with pager': '/daftar-pustaka/',
  'site-wide bibliography, a later page': '/daftar-pustaka/halaman/2/',
  'bibliography entry with back-links': '/daftar-pustaka/suwarno2018ntt/',
  'search with filters from the index': '/cari/?q=kemiskinan',
};

const browser = useBrowser();

describe.each(['light', 'dark'] as const)('axe in the %s theme', (scheme) => {
  it.each(Object.entries(PAGE_TYPES))('%s (%s) has no violations', async (_type, path) => {
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
    await visit(page, '/dw4fs-kupang/bab-1-pendahuluan/');
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
    await visit(page, PAGE_TYPES['chapter with footnotes']);
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
