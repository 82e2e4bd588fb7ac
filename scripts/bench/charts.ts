// Figures for the charts, measured on the built site (dist/) in Chromium: what the chart code
// weighs, what a chart page fetches before and after a chart comes near, how long until a chart is
// drawn, and what a page without charts fetches of it (nothing).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { Figure } from './search.ts';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
/** A method name only Chart.js code has (property names survive minification). */
const CHART_JS = 'getPixelForValue';

const BAB_IV = '/borotoding-2024/bab-4-hasil-dan-pembahasan/';
const NO_CHARTS = '/borotoding-2024/bab-2-tinjauan-pustaka/';

/** Script files the page fetches while `action` runs, with their size on disk. */
async function scriptsDuring(page: Page, dist: string, action: () => Promise<void>): Promise<string[]> {
  const urls: string[] = [];
  const listener = (req: import('playwright-core').Request) => {
    if (req.resourceType() === 'script') urls.push(new URL(req.url()).pathname);
  };
  page.on('request', listener);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('request', listener);
  return urls.filter((u) => u.startsWith('/_astro/')).map((u) => join(dist, u));
}

/**
 * The longest main-thread task (PerformanceObserver "longtask", over 50 ms; the chart worker's own
 * tasks are not the page's and do not count) from scrolling to the
 * first chart until every chart near it is drawn, with the CPU slowed 4× (DevTools'
 * Emulation.setCPUThrottlingRate, a mid-range phone), animations on as a reader has them.
 */
async function longestTaskAt4x(browser: Browser, baseURL: string): Promise<{ longest: number; over50: number }> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto(BAB_IV);
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  // Scrolled and waited for from the page's own world: Playwright's locators inject and run its
  // helper script in the page, a task of 35-57 ms at 4x that the observer would count as the site's.
  await page.evaluate(() => document.querySelector('figure[data-chart]')!.scrollIntoView({ block: 'center' }));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const check = () => (document.querySelector('figure[data-chart][data-drawn]') ? resolve() : setTimeout(check, 50));
        check();
      }),
  );
  // The charts drawn with it (those within 300 px) and their first animation frames.
  await page.waitForTimeout(2000);
  const tasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return { longest: Math.max(0, ...tasks), over50: tasks.length };
}

export async function benchCharts(browser: Browser, baseURL: string, dist: string): Promise<Figure[]> {
  const scripts = readdirSync(join(dist, '_astro'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dist, '_astro', f));
  // Chart.js is in two files: the chart worker (drawing on an OffscreenCanvas) and the page's own
  // drawing (draw.ts), the fallback of browsers without OffscreenCanvas.
  const withChartJs = scripts.filter((f) => readFileSync(f, 'utf8').includes(CHART_JS));
  // Vite names a worker's bundle after its source file (src/charts/browser/chart-worker.ts).
  const chunk = withChartJs.find((f) => basename(f).startsWith('chart-worker')) ?? withChartJs[0]!;
  const fallback = withChartJs.find((f) => f !== chunk);
  const isChartCode = (f: string) => withChartJs.includes(f) || readFileSync(f, 'utf8').includes('figure[data-chart]');
  const loader = scripts.find((f) => !withChartJs.includes(f) && readFileSync(f, 'utf8').includes('figure[data-chart]'))!;
  const size = (f: string) => readFileSync(f);

  const toDrawn: number[] = [];
  let beforeNear: string[] = [];
  let afterNear: string[] = [];
  let chartless: string[] = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block', reducedMotion: 'reduce' });
    const page = await context.newPage();
    beforeNear = (await scriptsDuring(page, dist, async () => void (await page.goto(BAB_IV)))).filter(isChartCode);
    afterNear = (
      await scriptsDuring(page, dist, async () => {
        const start = await page.evaluate(() => performance.now());
        await page.locator('figure[data-chart]').first().scrollIntoViewIfNeeded();
        await page.waitForSelector('figure[data-chart][data-drawn]');
        toDrawn.push((await page.evaluate(() => performance.now())) - start);
      })
    ).filter(isChartCode);
    const other = await context.newPage();
    chartless = (
      await scriptsDuring(other, dist, async () => {
        await other.goto(NO_CHARTS);
        await other.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      })
    ).filter(isChartCode);
    await context.close();
  }

  const throttled: { longest: number; over50: number }[] = [];
  for (let run = 0; run < 3; run++) throttled.push(await longestTaskAt4x(browser, baseURL));
  const mid = [...throttled].sort((a, b) => a.longest - b.longest)[1]!;

  const csvs = readdirSync(join(dist, 'data'))
    .filter((f) => f.endsWith('.csv'))
    .map((f) => size(join(dist, 'data', f)));
  const dataPage = size(join(dist, 'data', 'index.html'));
  const total = (fs: string[]) => fs.reduce((n, f) => n + gz(size(f)), 0);
  return [
    { name: 'chart worker (Chart.js, line and bar only), gzip', value: `${kib(gz(size(chunk)))} (${kib(size(chunk).length)} raw)` },
    ...(fallback
      ? [
          {
            name: 'Chart.js on the page (fallback without OffscreenCanvas; not fetched where the worker draws), gzip',
            value: `${kib(gz(size(fallback)))} (${kib(size(fallback).length)} raw)`,
          },
        ]
      : []),
    { name: 'chart loader (IntersectionObserver, dynamic import), gzip', value: `${kib(gz(size(loader)))} (${kib(size(loader).length)} raw)` },
    { name: `chart code ${BAB_IV} fetches on load, gzip`, value: `${kib(total(beforeNear))} in ${beforeNear.length} file(s)` },
    { name: 'chart code fetched when the first chart comes near, gzip', value: `${kib(total(afterNear))} in ${afterNear.length} file(s)` },
    { name: 'scroll to the first chart until it is drawn (median of 3, cold cache)', value: ms(median(toDrawn)) },
    {
      name: 'longest main-thread task from scroll to first chart drawn, CPU 4× slower (median of 3; tasks over 50 ms)',
      value: `${ms(mid.longest)} (${mid.over50}); runs: ${throttled.map((r) => ms(r.longest)).join(', ')}`,
    },
    { name: `chart code ${NO_CHARTS} fetches`, value: `${kib(total(chartless))} in ${chartless.length} file(s)` },
    { name: '/data/ HTML (every dataset with its table), gzip', value: `${kib(gz(dataPage))} (${kib(dataPage.length)} raw)` },
    {
      name: `CSV downloads (${csvs.length} files), gzip`,
      value: `${kib(csvs.reduce((n, c) => n + gz(c), 0))} (${kib(csvs.reduce((n, c) => n + c.length, 0))} raw)`,
    },
  ];
}
