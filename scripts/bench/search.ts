// Figures for search and offline reading, measured on the built site (dist/) in Chromium:
// the size of the search index, what the first query fetches, how long until the first result,
// the script a page runs before the reader does anything, and what the service worker precaches.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';

import type { Figure } from '../../measure/pages.ts';

export type { Figure };

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function filesUnder(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const path = join(d.parentPath, d.name);
      return { path: relative(dir, path), size: statSync(path).size };
    });
}

const sum = (xs: { size: number }[]) => xs.reduce((n, x) => n + x.size, 0);

/** Bytes of every response the page receives while `action` runs (body sizes as served). */
async function bytesDuring(page: Page, action: () => Promise<void>): Promise<{ bytes: number; files: string[] }> {
  const seen: Promise<{ url: string; size: number }>[] = [];
  const listener = (req: import('playwright-core').Request) =>
    seen.push(req.sizes().then((s) => ({ url: new URL(req.url()).pathname, size: s.responseBodySize })));
  page.on('requestfinished', listener);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', listener);
  const done = await Promise.all(seen);
  return { bytes: done.reduce((n, r) => n + r.size, 0), files: done.map((r) => r.url) };
}

/**
 * Milliseconds from the first keystroke in the header box to the results for the whole query
 * drawn (the live status names the query once its results are in the list).
 */
async function typeToFirstResult(page: Page, query: string): Promise<number> {
  await page.evaluate((q) => {
    const w = window as unknown as { benchStart?: number; benchFirst?: Promise<number> };
    w.benchStart = undefined;
    w.benchFirst = new Promise((resolve) => {
      const status = document.querySelector('.site-search [data-search-status]')!;
      const seen = () => status.textContent?.includes(`“${q}”`) && document.querySelector('.site-search .search-hit') && resolve(performance.now());
      new MutationObserver(seen).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    document.querySelector('.site-search input')?.addEventListener('keydown', () => (w.benchStart ??= performance.now()), { once: true });
  }, query);
  await page.keyboard.type(query);
  return page.evaluate(async () => {
    const w = window as unknown as { benchStart: number; benchFirst: Promise<number> };
    return (await w.benchFirst) - w.benchStart;
  });
}

export async function benchSearch(browser: Browser, baseURL: string, dist: string): Promise<Figure[]> {
  const index = filesUnder(join(dist, 'pagefind'));
  const runtime = index.filter((f) => /^(pagefind(-worker|-highlight)?\.js|wasm\..*)$/.test(f.path));
  const data = index.filter((f) => !runtime.includes(f));
  const chapter = '/borotoding-2024/bab-1-pendahuluan/';
  const query = 'kemiskinan';

  const cold: number[] = [];
  const warm: number[] = [];
  let first = { bytes: 0, files: [] as string[] };
  let before = 0;
  const viaLink: number[] = [];
  for (let run = 0; run < 3; run++) {
    // A fresh context each time: an empty HTTP cache and no service worker, as on a first visit.
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    const load = await bytesDuring(page, async () => void (await page.goto(chapter)));
    before = load.files.filter((f) => f.endsWith('.js')).reduce((n, f) => n + statSync(join(dist, f)).size, 0);
    await page.keyboard.press('/');
    let ms1 = 0;
    const fetched = await bytesDuring(page, async () => void (ms1 = await typeToFirstResult(page, query)));
    cold.push(ms1);
    if (run === 0) first = fetched;
    await page.locator('.site-search input').fill('');
    warm.push(await typeToFirstResult(page, 'perdagangan'));
    const linked = await context.newPage();
    await linked.goto(`/cari/?q=${query}`);
    await linked.waitForSelector('.search-hit');
    viaLink.push(await linked.evaluate(() => performance.now()));
    await context.close();
  }

  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');

  return [
    { name: 'search index on disk (dist/pagefind)', value: `${kib(sum(index))} in ${index.length} files` },
    { name: '  of which search code (pagefind.js, worker, highlighter, wasm)', value: kib(sum(runtime)) },
    { name: '  of which index data (meta, index chunks, fragments, filters)', value: `${kib(sum(data))} (Pagefind gzips these itself)` },
    { name: `bytes fetched for the first query ("${query}", from a chapter page)`, value: `${kib(first.bytes)} in ${first.files.length} requests` },
    { name: 'first keystroke to results, first query (median of 3; code loads from focus on)', value: ms(median(cold)) },
    { name: 'first keystroke to results, next query (median of 3)', value: ms(median(warm)) },
    { name: `/cari/?q=${query}: navigation start to first result (median of 3)`, value: ms(median(viaLink)) },
    { name: 'JavaScript a chapter page runs before any interaction', value: kib(before) },
    { name: 'service worker (sw.js, its manifest inlined; what is saved offline: see "Offline")', value: kib(sw.length) },
  ];
}
