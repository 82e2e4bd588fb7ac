// Figures on a weak link (measure/weak-link.ts: 50 KB/s, 400 ms a request, in the server), on a
// 360 px phone: a text chapter's first load (every request until the network is idle) against stock
// Starlight's for the same text, and the first search in the header box, from the last keystroke
// to the results drawn, on a first visit and once the service worker holds the index.
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../../tests/support/static-server.ts';
import { WEAK_LINK, weakLink } from '../../measure/weak-link.ts';
import { STARLIGHT_CHAPTER, type Figure } from '../../measure/pages.ts';
import { hasCharts, works } from '../../tests/support/site.ts';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const QUERY = 'kemiskinan';
/** A reader's pace on a phone keyboard. */
const KEY_GAP = 180;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Types the query into the header box as a reader does; ms from the last keystroke to the results drawn. */
async function searchFromHeader(page: Page, query: string): Promise<number> {
  await page.evaluate((q) => {
    const w = window as unknown as { lastKey?: number; drawn?: Promise<number> };
    const box = document.querySelector<HTMLInputElement>('[data-search-box] input')!;
    box.addEventListener('keydown', () => (w.lastKey = performance.now()));
    w.drawn = new Promise((resolve) => {
      const form = box.form!;
      const seen = () =>
        box.value === q &&
        form.querySelector('[data-search-status]')?.textContent?.includes(`“${q}”`) &&
        form.querySelector('.search-hit') &&
        resolve(performance.now());
      new MutationObserver(seen).observe(form, { childList: true, subtree: true, characterData: true });
    });
  }, query);
  // A header that hides the box behind a button (data-search-open) opens it first.
  const opener = page.locator('[data-search-open]').first();
  if ((await opener.count()) && (await opener.isVisible())) await opener.tap();
  await page.locator('[data-search-box] input').first().tap();
  await page.keyboard.type(query, { delay: KEY_GAP });
  return page.evaluate(async () => {
    const w = window as unknown as { lastKey: number; drawn: Promise<number> };
    return (await w.drawn) - w.lastKey;
  });
}

export async function benchWeakLink(browser: Browser, dist: string, runs = 3): Promise<Figure[]> {
  const link = weakLink(dist);
  const server = await serveStatic(dist, { delay: (p) => link.delay(p) });
  const since = (i: number) => link.log.slice(i);
  const bytes = (xs: { bytes: number }[]) => xs.reduce((n, x) => n + x.bytes, 0);
  const figures: Figure[] = [];
  try {
    // The chapter's first load, and the first search from it, on a first visit (no service worker).
    const chapter: { bytes: number; requests: number }[] = [];
    const first: { ms: number; bytes: number; requests: number; fragments: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ ...PHONE, baseURL: server.url, serviceWorkers: 'block' });
      const page = await context.newPage();
      let mark = link.log.length;
      await page.goto(STARLIGHT_CHAPTER.path);
      await page.waitForLoadState('networkidle');
      chapter.push({ bytes: bytes(since(mark)), requests: since(mark).length });
      mark = link.log.length;
      const ms = await searchFromHeader(page, QUERY);
      const got = since(mark);
      if (process.env.DEBUG) for (const r of got) console.log(`  ${Math.round(r.at - got[0]!.at)} ms ${r.path} ${r.bytes}`);
      first.push({ ms, bytes: bytes(got), requests: got.length, fragments: got.filter((r) => r.path.includes('/fragment/')).length });
      await context.close();
    }
    const c = chapter[0]!;
    figures.push({
      name: `chapter ${STARLIGHT_CHAPTER.path} (a chart, in-text citations), first load until network idle`,
      value: `${kb(c.bytes)} in ${c.requests} requests = ${(c.bytes / STARLIGHT_CHAPTER.bytes).toFixed(3)}× stock Starlight (${kb(STARLIGHT_CHAPTER.bytes)}; target ≤ 0.45×, ≤ 8 requests)`,
    });
    // A text chapter as the budget test picks it: the first chapter of the first work without charts.
    const text = works()
      .map((w) => w.chapters.map((ch) => `/${w.slug}/${ch.slug}/`))
      .find((paths) => paths.every((p) => !hasCharts(p)))?.[0];
    if (text) {
      const context = await browser.newContext({ ...PHONE, baseURL: server.url, serviceWorkers: 'block' });
      const page = await context.newPage();
      const mark = link.log.length;
      await page.goto(text);
      await page.waitForLoadState('networkidle');
      figures.push({ name: `text chapter ${text}, first load until network idle`, value: `${kb(bytes(since(mark)))} in ${since(mark).length} requests` });
      await context.close();
    }
    const f = first.toSorted((a, b) => a.ms - b.ms)[Math.floor(runs / 2)]!;
    figures.push({
      name: `first search "${QUERY}", first visit: last keystroke to results (median of ${runs})`,
      value: `${s(f.ms)} (runs: ${first.map((x) => s(x.ms)).join(', ')}; target ≤ 2.5 s)`,
    });
    figures.push({
      name: '  bytes and requests from the tap on the box to the results',
      value: `${kb(f.bytes)} in ${f.requests} requests, ${f.fragments} of them page texts (fragments); target ≤ 120 KB`,
    });

    // A real first visit: the service worker registers and, once the page is idle, saves the offline
    // core (about 1 MB: 20 s of this link). The reader taps the search box 3 s after the page has
    // loaded. The core's copy waits for a search begun on the page, and the worker lets the page's
    // own requests go first (src/offline/browser/worker.ts): counted here are the search's own
    // requests and the core's that ran meanwhile.
    const withWorker: { ms: number; bytes: number; requests: number; core: number; stopped: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ ...PHONE, baseURL: server.url });
      const page = await context.newPage();
      await page.goto(STARLIGHT_CHAPTER.path);
      await page.waitForLoadState('load');
      await page.waitForTimeout(3000);
      const mark = link.log.length;
      const ms = await searchFromHeader(page, QUERY);
      const got = since(mark);
      const own = got.filter((r) => /^\/(pagefind\/|_astro\/(panel|results|safe-links|header)\.)/.test(r.path));
      if (process.env.DEBUG) for (const r of got) console.log(`  sw: ${Math.round(r.at - got[0]!.at)} ms ${r.path} ${r.bytes}${r.aborted ? ' (stopped)' : ''}`);
      withWorker.push({ ms, bytes: bytes(own), requests: own.length, core: got.length - own.length, stopped: got.filter((r) => r.aborted).length });
      await context.close();
    }
    const w = withWorker.toSorted((a, b) => a.ms - b.ms)[Math.floor(runs / 2)]!;
    figures.push({
      name: `first search "${QUERY}", first visit with the service worker (tapped 3 s after load; median of ${runs})`,
      value: `${s(w.ms)} (runs: ${withWorker.map((x) => s(x.ms)).join(', ')}); the search's ${kb(w.bytes)} in ${w.requests} requests; ${w.core} other requests meanwhile (${w.stopped} stopped by the worker)`,
    });

    // A returning reader: the service worker keeps what the device fetched (the index's files with
    // it). A search on a fast link first, then the same page again on the weak one.
    const stored: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ ...PHONE, baseURL: server.url });
      const page = await context.newPage();
      link.on = false;
      await page.goto(STARLIGHT_CHAPTER.path);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await searchFromHeader(page, QUERY);
      await page.waitForLoadState('networkidle');
      link.on = true;
      await page.reload();
      await page.waitForLoadState('networkidle');
      const mark = link.log.length;
      stored.push(await searchFromHeader(page, QUERY));
      if (process.env.DEBUG) for (const r of since(mark)) console.log(`  stored: ${r.path} ${r.bytes}`);
      await context.close();
    }
    figures.push({
      name: `first search "${QUERY}", index stored by the service worker (median of ${runs})`,
      value: s(median(stored)),
    });
  } finally {
    link.on = false;
    await server.close();
  }
  figures.unshift({
    name: 'profile',
    value: `phone 360 px; ${WEAK_LINK.rate / 1024} KB/s shared, ${WEAK_LINK.latency} ms a request (in the server); typing ${KEY_GAP} ms a key`,
  });
  return figures;
}

// `node scripts/bench/weak-link.ts`: these figures alone, on the built dist/.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/scripts\//, '/scripts/'))) {
  const { chromium } = await import('playwright-core');
  const { ROOT } = await import('../../src/paths.ts');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const f of await benchWeakLink(browser, `${ROOT}/dist`, Number(process.env.RUNS ?? 3))) console.log(`${f.name.padEnd(80)} ${f.value}`);
  } finally {
    await browser.close();
  }
}
