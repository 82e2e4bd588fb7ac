// The Content-Security-Policy (src/security/csp.ts) in Chromium: it is enforced (an injected inline
// script is blocked and reported), and no page breaks it while a reader uses everything that runs
// script: the service worker, search (header box, search page, highlighting), charts, footnote
// popovers, the cite panel, theme and text size.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/id.ts';
import { launch, openContext, visit } from '../support/browser.ts';

const BAB_IV = '/borotoding-2024/bab-4-hasil-dan-pembahasan/';
const FOOTNOTES = '/dw4fs-kupang/bab-1-pendahuluan/';

let browser: Browser;
let context: BrowserContext;
let errors: string[];
let page: Page;
/** Every securitypolicyviolation event any page fired, as "page: directive blocked". */
const violations: string[] = [];

beforeAll(async () => {
  browser = await launch();
  ({ context, errors } = await openContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] }));
  await context.exposeBinding('reportViolation', ({ page: p }, text: string) => void violations.push(`${p.url()}: ${text}`));
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (s: string) => void }).reportViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      ),
    ),
  );
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('Content-Security-Policy', () => {
  it('is sent as a header and a meta element, and blocks an inline script it does not list', async () => {
    const response = await visit(page, '/');
    expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).toContain("default-src 'self'");
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.head.append(s);
      return new Promise((resolve) => setTimeout(() => resolve((window as unknown as { injected?: boolean }).injected ?? false), 100));
    });
    expect(ran).toBe(false);
    // One report from each policy: the header's and the meta element's.
    await expect.poll(() => violations.length).toBe(2);
    for (const v of violations) expect(v).toContain('script-src-elem blocked inline');
    violations.length = 0;
    errors.length = 0;
  });

  it('is not violated by the service worker, search, charts, footnotes, the cite panel or the settings', async () => {
    // Service worker: registered, precaches everything, takes the page.
    await visit(page, '/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.locator('[data-offline-status] [role="status"]').textContent()).toBe(t.offline.ready);

    // Search from the header box (Pagefind's WebAssembly and worker), then the search page.
    await page.keyboard.press('/');
    await page.keyboard.type('kemiskinan');
    await page.locator('.site-search .search-hit').first().waitFor();
    await visit(page, '/cari/?q=perdagangan');
    const hit = page.locator('[data-search-page-results] .search-hit-title').first();
    await hit.waitFor();
    // A result opens its page with the terms marked (the highlighter loads).
    await hit.click();
    await page.locator('mark').first().waitFor();

    // Charts: drawn when they come near, on a chapter and on the data page.
    for (const path of [BAB_IV, '/data/']) {
      await visit(page, path);
      await page.locator('figure[data-chart]').first().scrollIntoViewIfNeeded();
      await page.locator('figure[data-chart][data-drawn]').first().waitFor();
    }

    // Footnote popover on a phone-sized screen, the cite panel and its copy button.
    await page.setViewportSize({ width: 390, height: 800 });
    await visit(page, FOOTNOTES);
    await page.locator('a[data-footnote-ref]').first().click();
    await expect.poll(() => page.locator('dialog.note-popover').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('.cite-panel > summary').click();
    await page.getByRole('button', { name: 'Salin sitasi APA 7' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Kupang');

    // Theme and text size (stored, then applied by the hashed inline script on the next page); on a
    // phone they are in the header's menu, whose code loads on its first press.
    await page.locator('[data-header-toggle="menu"]').click();
    await page.locator('[data-theme-toggle]').click();
    await visit(page, '/en/');
    expect(await page.locator('html').getAttribute('data-theme')).not.toBeNull();
    await visit(page, '/404.html');

    expect(violations).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
