// Figures for offline saving within a data budget, on the built site in Chromium: what a first
// visit costs with and without Save-Data (the page's own responses, then what the service worker
// stores: the automatic core), the packs a reader can save, and on a slow 3G profile the time to a
// chapter's text and to the first search results on a first visit (the core copy running or not).
import type { Browser } from 'playwright-core';
import { offlineManifest } from '../../src/offline/build.ts';
import type { Figure } from '../../measure/pages.ts';

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

async function firstVisit(browser: Browser, baseURL: string, path: string, saveData: boolean, slow: boolean) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (saveData) await cdp.send('Emulation.setDataSaverOverride' as never, { dataSaverEnabled: true } as never);
  if (slow) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  }
  let pageBytes = 0;
  page.on(
    'requestfinished',
    (r) =>
      void r
        .sizes()
        .then((s) => (pageBytes += s.responseBodySize + s.responseHeadersSize))
        .catch(() => undefined),
  );
  await page.goto(path, { waitUntil: 'commit' });
  await page.locator('main p').first().waitFor();
  const text = await page.evaluate(() => performance.now());
  await page.locator('input#cari').click();
  await page.keyboard.type('kemiskinan');
  await page.locator('.site-search .search-hit').first().waitFor({ timeout: 120_000 });
  const results = await page.evaluate(() => performance.now());
  await page.waitForTimeout(slow ? 1000 : 5000);
  const stored = await page.evaluate(async () => {
    let n = 0;
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) n += (await (await caches.match(r, { cacheName: name }))!.arrayBuffer()).byteLength;
    return n;
  });
  await context.close();
  return { text, results, pageBytes, stored };
}

export async function benchOffline(browser: Browser, baseURL: string, dist: string, root: string): Promise<Figure[]> {
  const { manifest } = offlineManifest(dist, root);
  const chapter = Object.keys(manifest.files).find(
    (f) => /^[^/]+\/[^/]+\/index\.html$/.test(f) && manifest.files[f]![2].startsWith('id/') && !f.startsWith('en/'),
  )!;
  const path = `/${chapter.replace(/index\.html$/, '')}`;
  const figures: Figure[] = [
    {
      name: 'automatic core (shell, home, search pages, search index, 404, work pages while they fit)',
      value: `${kb(manifest.packs.core!.size)} in ${manifest.packs.core!.count} files, budget ${kb(manifest.budget)}`,
    },
  ];
  for (const [id, p] of Object.entries(manifest.packs))
    if (id !== 'core' && id.startsWith('id/')) figures.push({ name: `  pack ${id} (saved on request)`, value: `${kb(p.size)} in ${p.count} pages` });
  for (const saveData of [true, false]) {
    const v = await firstVisit(browser, baseURL, path, saveData, false);
    figures.push({
      name: `first visit to ${path}, ${saveData ? 'Save-Data on' : 'no Save-Data'}: page and search / stored by the worker`,
      value: `${kb(v.pageBytes)} / ${kb(v.stored)}`,
    });
  }
  for (const saveData of [true, false]) {
    const v = await firstVisit(browser, baseURL, path, saveData, true).catch(() => undefined);
    if (!v) figures.push({ name: `slow 3G, first visit, ${saveData ? 'Save-Data on' : 'no Save-Data'}`, value: 'no search result within 120 s' });
    else
      figures.push({
        name: `slow 3G, first visit, ${saveData ? 'Save-Data on' : 'no Save-Data'}: to the chapter's text / to first search results`,
        value: `${(v.text / 1000).toFixed(1)} s / ${(v.results / 1000).toFixed(1)} s`,
      });
  }
  return figures;
}
