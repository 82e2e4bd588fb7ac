// Charts as readers meet them in Chromium: drawn when they come near, readable as tables without
// JavaScript, Chart.js loaded only where there is a chart, colours that follow the colour scheme,
// no animation for readers who ask for less motion, and a data page that compares the works.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCsv } from '../../src/data/csv.ts';
import { en } from '../../src/i18n/en.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { CONTENT } from '../support/site.ts';

const BAB_IV = '/borotoding-2024/bab-4-hasil-dan-pembahasan/';
const BAB_IV_CHARTS = ['kemiskinan-kabupaten-2012-2017', 'pendidikan-2012-2017', 'pengangguran-kabupaten-2012-2017'];
const NO_CHARTS = '/borotoding-2024/bab-2-tinjauan-pustaka/';
/** A method name that only Chart.js code contains (property names survive minification). */
const CHART_JS_CODE = 'getPixelForValue';

const browser = useBrowser();
/** Console errors and page errors of every context, checked by the last test. */
const errorLists: string[][] = [];

/** A browser context; unless a test asks otherwise, the reader prefers reduced motion (no waiting for animations). */
async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const { context, errors } = await openContext(browser(), { reducedMotion: 'reduce', ...options });
  errorLists.push(errors);
  return context;
}

/** Scrolls a chart into view and waits until it is drawn. */
async function drawn(page: Page, id: string): Promise<Locator> {
  const figure = page.locator(`figure#grafik-${id}`);
  await figure.scrollIntoViewIfNeeded();
  await page.waitForSelector(`figure#grafik-${id}[data-drawn]`);
  return figure;
}

interface Pixels {
  painted: number;
  total: number;
  colours: number;
  hash: number;
  /** How many pixels have exactly each of the asked colours. */
  count: Record<string, number>;
}

/**
 * What the canvas shows, read from the screen: the chart is drawn in a worker on an OffscreenCanvas
 * (or, in a browser without one, on the page), and a canvas handed to a worker cannot be read from
 * the page, so the canvas element's screenshot is decoded. A pixel is painted where it differs from
 * the background (the commonest colour).
 */
async function pixels(figure: Locator, colours: string[] = []): Promise<Pixels> {
  const canvas = figure.locator('canvas');
  return decode(await canvas.screenshot(), colours);
}

async function decode(png: Buffer, wanted: string[], crop?: { left: number; top: number; width: number; height: number }): Promise<Pixels> {
  let image = sharp(png);
  if (crop) {
    const { width = 0, height = 0 } = await image.metadata();
    // A frame where the canvas is not on screen does not show the chart.
    if (crop.left >= width || crop.top >= height) return { painted: 0, total: 1, colours: 0, hash: 0, count: {} };
    // The part of the canvas inside the frame (the viewport).
    image = image.extract({ ...crop, width: Math.min(crop.width, width - crop.left), height: Math.min(crop.height, height - crop.top) });
  }
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const rgb = (hex: string) => parseInt(hex.replace('#', ''), 16);
  const targets = new Map(wanted.map((w) => [rgb(w), w]));
  const count: Record<string, number> = Object.fromEntries(wanted.map((w) => [w, 0]));
  const seen = new Set<number>();
  const colourAt = (i: number) => (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
  // The background is the commonest colour (a chart paints a minority of its box; a blank canvas none).
  const frequency = new Map<number, number>();
  for (let i = 0; i < data.length; i += info.channels) frequency.set(colourAt(i), (frequency.get(colourAt(i)) ?? 0) + 1);
  const background = [...frequency].sort((a, b) => b[1] - a[1])[0]?.[0];
  let painted = 0;
  let hash = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const c = colourAt(i);
    hash = (hash * 31 + c + i) | 0;
    if (c === background) continue;
    painted++;
    seen.add(c);
    const name = targets.get(c);
    if (name) count[name]!++;
  }
  return { painted, total: info.width * info.height, colours: seen.size, hash, count };
}

/** The chart code is in a script the page actually fetched. */
function recordScripts(page: Page): { urls: string[]; chartJs: string[] } {
  const seen = { urls: [] as string[], chartJs: [] as string[] };
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return;
    seen.urls.push(res.url());
    // A response still arriving when the test closes the page has no body to read any more.
    const body = await res.text().catch(() => '');
    if (body.includes(CHART_JS_CODE)) seen.chartJs.push(res.url());
  });
  return seen;
}

/** A dataset's metadata as content/data/<id>.yaml gives it. */
const meta = (id: string) => parse(readFileSync(join(CONTENT, 'data', `${id}.yaml`), 'utf8')) as { title: { id: string; en: string } };

const csvRows = (id: string) => {
  const [header, ...rows] = parseCsv(readFileSync(join(CONTENT, 'data', `${id}.csv`), 'utf8'));
  return rows.map((r) => Object.fromEntries(header!.fields.map((h, i) => [h, r.fields[i]!])));
};

describe('charts on BAB IV of borotoding-2024', () => {
  it('draws the three charts where the tables are (the canvas is not blank)', async () => {
    const page = await (await context()).newPage();
    await visit(page, BAB_IV);
    expect(await page.locator('figure[data-chart]').evaluateAll((fs) => fs.map((f) => f.id))).toEqual(BAB_IV_CHARTS.map((id) => `grafik-${id}`));
    for (const id of BAB_IV_CHARTS) {
      const figure = await drawn(page, id);
      const p = await pixels(figure);
      expect(p.painted / p.total, id).toBeGreaterThan(0.05);
      expect(p.colours, id).toBeGreaterThan(10);
      // The figure follows the source's table and its "Sumber:" line.
      expect(await figure.evaluate((f) => f.previousElementSibling?.textContent)).toMatch(/^Sumber: \(STATISTi?k/i);
      expect(await figure.locator('figcaption').textContent()).toMatch(/^Grafik \d\. /);
      expect(await figure.locator('.chart-box').getAttribute('role')).toBe('img');
      expect(await figure.locator('.chart-summary').textContent()).toMatch(/^Grafik batang/);
    }
    await page.close();
  });

  it('with JavaScript off shows the same numbers in open tables, and no empty chart area', async () => {
    const page = await (await context({ javaScriptEnabled: false })).newPage();
    await visit(page, BAB_IV);
    for (const id of BAB_IV_CHARTS) {
      const figure = page.locator(`figure#grafik-${id}`);
      expect(await figure.locator('details.chart-data').getAttribute('open'), id).toBe('');
      expect(await figure.locator('.chart-box').isVisible()).toBe(false);
      const table = figure.locator('table');
      expect(await table.isVisible()).toBe(true);
      const cells = await table.evaluate((t: HTMLTableElement) => {
        const years = [...t.tHead!.rows[0]!.cells].map((c) => c.textContent.trim());
        return [...t.tBodies[0]!.rows].flatMap((tr) =>
          [...tr.cells].slice(1).map((td, i) => ({ key: tr.cells[0]!.textContent.trim(), year: years[i + 1]!, text: td.textContent.trim() })),
        );
      });
      const rows = csvRows(id);
      expect(cells).toHaveLength(rows.length);
      for (const r of rows) {
        const cell = cells.find((c) => c.key === (r.region ?? r.level) && c.year === r.year);
        expect(cell?.text, `${id}: ${r.region ?? r.level} ${r.year}`).toBe(r.value ? r.value.replace('.', ',') : '–tidak ada nilai dalam sumber');
      }
    }
    await page.close();
  });

  it('with JavaScript on, folds the table away behind its summary line', async () => {
    const page = await (await context()).newPage();
    await visit(page, BAB_IV);
    const details = page.locator('figure#grafik-pendidikan-2012-2017 details.chart-data');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator('summary').click();
    expect(await details.locator('table').isVisible()).toBe(true);
    await page.close();
  });

  it('loads Chart.js only when a chart comes near the viewport', async () => {
    const page = await (await context()).newPage();
    const scripts = recordScripts(page);
    await visit(page, BAB_IV);
    await page.waitForTimeout(500);
    expect(scripts.chartJs).toEqual([]);
    await drawn(page, BAB_IV_CHARTS[0]!);
    await expect.poll(() => scripts.chartJs.length).toBe(1);
    await page.close();
  });

  it('shows another year of a regency chart on request, and says when the source has no regency values', async () => {
    const page = await (await context()).newPage();
    await visit(page, BAB_IV);
    const figure = await drawn(page, 'pengangguran-kabupaten-2012-2017');
    const before = await pixels(figure);
    await figure.getByLabel('Tahun yang ditampilkan').selectOption('2016');
    expect(await figure.locator('.chart-summary').textContent()).toContain('sumber hanya memberi nilai provinsi, Nusa Tenggara Timur 3,25%');
    await expect.poll(async () => (await pixels(figure)).hash).not.toBe(before.hash);
    await page.close();
  });

  it('draws a readable tooltip (dark box, light text) where the reader points', async () => {
    const page = await (await context({ colorScheme: 'light' })).newPage();
    await visit(page, BAB_IV);
    const figure = await drawn(page, 'kemiskinan-kabupaten-2012-2017');
    const fg = '#1f1d1a';
    const before = (await pixels(figure, [fg])).count[fg]!;
    const box = (await figure.locator('canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.3);
    await expect.poll(async () => (await pixels(figure, [fg])).count[fg]! - before).toBeGreaterThan(2000);
    await page.close();
  });
});

describe('colours and motion', () => {
  it.each([
    ['light', '#4477aa', '#77aadd'],
    ['dark', '#77aadd', '#4477aa'],
  ] as const)('uses the %s palette from the CSS custom properties', async (scheme, expected, other) => {
    const page = await (await context({ colorScheme: scheme })).newPage();
    await visit(page, BAB_IV);
    const figure = await drawn(page, 'kemiskinan-kabupaten-2012-2017');
    const { count } = await pixels(figure, [expected, other]);
    expect(count[expected]).toBeGreaterThan(1000);
    expect(count[other]).toBe(0);
    await page.close();
  });

  it('switches palette when the colour scheme changes', async () => {
    const page = await (await context({ colorScheme: 'light' })).newPage();
    await visit(page, BAB_IV);
    const figure = await drawn(page, 'kemiskinan-kabupaten-2012-2017');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await pixels(figure, ['#77aadd'])).count['#77aadd']).toBeGreaterThan(1000);
    await page.close();
  });

  it.each([
    ['reduce', true],
    ['no-preference', false],
  ] as const)('with prefers-reduced-motion: %s, the first frame is final: %s', async (reducedMotion, still) => {
    // No service worker: its note about the offline copy would appear over the chart meanwhile.
    const ctx = await context({ reducedMotion, serviceWorkers: 'block' });
    const id = 'kemiskinan-kabupaten-2012-2017';
    /** Whether every recorded frame of the chart is its final one (one visit). */
    async function firstFrameFinal(): Promise<boolean> {
      const page = await ctx.newPage();
      // Every frame the screen shows, from before the page loads (scrolled to the chart by its link, so
      // it is drawn at once): on a busy machine the 400 ms animation can be over before a screenshot
      // asked for after "drawn" arrives, so the frames are recorded as they are shown.
      const cdp = await ctx.newCDPSession(page);
      const frames: Buffer[] = [];
      cdp.on('Page.screencastFrame', ({ data, sessionId }) => {
        frames.push(Buffer.from(data, 'base64'));
        void cdp.send('Page.screencastFrameAck', { sessionId }).catch(() => {});
      });
      await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 });
      await visit(page, `${BAB_IV}#grafik-${id}`);
      const figure = page.locator(`figure#grafik-${id}`);
      await page.waitForSelector(`figure#grafik-${id}[data-drawn]`);
      await page.waitForTimeout(1000);
      await cdp.send('Page.stopScreencast');
      const box = (await figure.locator('canvas').boundingBox())!;
      const crop = { left: Math.ceil(box.x), top: Math.ceil(box.y), width: Math.floor(box.width) - 1, height: Math.floor(box.height) - 1 };
      // The frames that show the chart: those after the last frame in which its place was still blank
      // (the page has jumped to the figure, the chart is not drawn yet; the frames before that show the
      // top of the page). The last one is the final chart.
      const decoded = await Promise.all(frames.map((f) => decode(f, [], crop)));
      const blank = decoded.map((p) => p.painted / p.total <= 0.05).lastIndexOf(true);
      expect(blank, 'a frame with the chart not yet drawn was recorded').toBeGreaterThanOrEqual(0);
      const shown = decoded.slice(blank + 1);
      expect(shown.length).toBeGreaterThan(0);
      await page.close();
      return shown.every((p) => p.hash === shown.at(-1)!.hash);
    }
    // A frame in the middle of the animation is seen only when the screencast delivers one within its
    // 400 ms, which a loaded machine can miss: motion is looked for in up to three visits (a still
    // chart never shows one), stillness in one (any frame that differs fails it).
    let final = await firstFrameFinal();
    for (let attempt = 1; !still && final && attempt < 3; attempt++) final = await firstFrameFinal();
    expect(final).toBe(still);
  });

  it('fits a 320 px wide screen', async () => {
    const page = await (await context({ viewport: { width: 320, height: 640 } })).newPage();
    for (const path of [BAB_IV, '/data/']) {
      await visit(page, path);
      for (const f of await page.locator('figure[data-chart]').all()) {
        await f.scrollIntoViewIfNeeded();
        await page.waitForFunction((el) => (el as HTMLElement).dataset.drawn, await f.elementHandle());
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.close();
  });
});

describe('pages without charts', () => {
  it.each([NO_CHARTS, '/', '/borotoding-2024/'])('%s loads no chart code', async (path) => {
    const page = await (await context()).newPage();
    const scripts = recordScripts(page);
    await visit(page, path);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(500);
    expect(await page.locator('figure[data-chart]').count()).toBe(0);
    expect(scripts.chartJs).toEqual([]);
    expect(scripts.urls.filter((u) => /chart/i.test(u))).toEqual([]);
    await page.close();
  });
});

describe('the data page', () => {
  it('lists every dataset with chart, table, source and a working CSV download', async () => {
    const page = await (await context()).newPage();
    await visit(page, '/data/');
    const ids = readdirSync(join(CONTENT, 'data'))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => f.slice(0, -4));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      const article = page.locator(`article#dataset-${id}`);
      expect(await article.count(), id).toBe(1);
      expect(await article.locator('figure[data-chart] table').count()).toBe(1);
      expect(await article.locator('dl').textContent()).toContain('Sumber sebagaimana tercetak');
      const href = (await article.locator('a[download]').first().getAttribute('href'))!;
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^text\/csv/);
      expect(await res.text()).toBe(readFileSync(join(CONTENT, 'data', `${id}.csv`), 'utf8'));
    }
    await page.close();
  });

  it('puts NTT’s poverty rate from three works on one chart and states where they differ', async () => {
    const page = await (await context()).newPage();
    await visit(page, '/data/');
    const article = page.locator('article.comparison', { has: page.locator('h3', { hasText: 'Tingkat kemiskinan NTT menurut tiga karya' }) });
    const figure = article.locator('figure[data-chart]');
    await figure.scrollIntoViewIfNeeded();
    await page.waitForSelector('figure#perbandingan-kemiskinan-ntt[data-drawn]');
    expect((await pixels(figure)).painted).toBeGreaterThan(1000);
    const y2015 = article.locator('li[data-year="2015"]');
    expect(await y2015.getAttribute('class')).toBe('differ');
    const text = (await y2015.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('Borotoding 2024, Gambar 4.1 (baris provinsi): 22,61%');
    expect(text).toContain('Skripsi IOM NTT, Tabel 1 (September): 22,58%');
    expect(text).toContain('Bab skripsi DW4FS, teks BAB I: 22,58%');
    expect(await article.locator('li[data-year="2014"]').getAttribute('class')).toBe('agree');
    // The table gives each work's values in its own row, so a value can be told from whose it is.
    expect(await figure.locator('thead th').first().textContent()).toBe('Karya');
    expect(await figure.locator('tbody th').allTextContents()).toEqual([
      'Borotoding 2024, Gambar 4.1 (baris provinsi)',
      'Skripsi IOM NTT, Tabel 1 (September)',
      'Bab skripsi DW4FS, teks BAB I',
    ]);
    await page.close();
  });

  it('links every compared value to the passage it comes from', async () => {
    const page = await (await context()).newPage();
    await visit(page, '/data/');
    const links = await page
      .locator('ul.discrepancies a')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.closest('li')!.textContent })));
    expect(links.length).toBeGreaterThan(10);
    const target = await (await context()).newPage();
    for (const { href } of new Map(links.map((l) => [l.href, l])).values()) {
      const [path, hash = ''] = href.split('#');
      await visit(target, path!);
      const [id, fragment] = hash.split(':~:text=');
      if (id) expect(await target.locator(`[id="${decodeURIComponent(id)}"]`).count(), href).toBe(1);
      if (fragment) {
        const quote = decodeURIComponent(fragment);
        const main = (await target.locator('main').textContent())!.replace(/\s+/g, ' ');
        expect(main, href).toContain(quote);
      }
    }
    await target.close();
    await page.close();
  });
});

describe('in the English interface', () => {
  it('summarises the charts of /en/ BAB IV in English, with the English titles and year chooser', async () => {
    const page = await (await context()).newPage();
    await visit(page, `/en${BAB_IV}`);
    for (const id of BAB_IV_CHARTS) {
      const figure = await drawn(page, id);
      expect(await figure.getAttribute('lang')).toBe('en');
      const caption = await figure.locator('figcaption').textContent();
      expect(caption).toMatch(/^Chart \d\. /);
      expect(caption).toContain(meta(id).title.en);
      expect(await figure.locator('.chart-summary').textContent()).toMatch(/^(Bar chart|Stacked bar chart): /);
      expect(await figure.locator('details.chart-data > summary').textContent()).toBe(en.chart.table);
      expect(await figure.locator('a[download]').textContent()).toBe(en.chart.download);
    }
    const figure = page.locator('figure#grafik-pengangguran-kabupaten-2012-2017');
    expect(await figure.locator('thead th').first().textContent()).toBe('Regency/city');
    // The legend's words travel with the chart's data to the canvas.
    expect(JSON.parse((await figure.locator('script.chart-spec').textContent())!).strings).toEqual({
      chooseYear: 'Year shown',
      regencies: 'Regencies/cities',
      province: 'province',
    });
    expect(await figure.locator('.chart-summary').textContent()).toContain('regencies/cities are above it. Other years are in the data table.');
    await figure.getByLabel('Year shown').selectOption('2016');
    expect(await figure.locator('.chart-summary').textContent()).toContain('the source gives only the province value, Nusa Tenggara Timur 3,25%');
    await page.close();
  });

  it('/en/data/ gives titles, units, notes and comparisons in English, and links to English pages', async () => {
    const page = await (await context()).newPage();
    await visit(page, '/en/data/');
    const id = 'pengangguran-kabupaten-2012-2017';
    const dataset = page.locator(`article#dataset-${id}`);
    expect(await dataset.locator('h4').textContent()).toBe(meta(id).title.en);
    expect(await dataset.locator('.dataset-other-title').getAttribute('lang')).toBe('id');
    expect(await dataset.locator('.dataset-other-title').textContent()).toBe(meta(id).title.id);
    expect(await dataset.locator('dl').textContent()).toContain('percent (%)');
    expect(await dataset.locator('dl').textContent()).toContain('The source gives no regency/city values for 2016');

    const article = page.locator('article.comparison', { has: page.locator('h3', { hasText: 'Poverty rate of East Nusa Tenggara according to three works' }) });
    const figure = article.locator('figure[data-chart]');
    expect(await figure.locator('.chart-source').textContent()).toMatch(/^Data: .+, and Bab skripsi DW4FS, teks BAB I$/);
    expect(await figure.locator('.chart-summary').textContent()).toMatch(
      /^Line chart: Poverty rate of East Nusa Tenggara according to three works, 2012–2021\. /,
    );
    expect(await figure.locator('thead th').first().textContent()).toBe('Work');
    expect(await article.locator('h4').textContent()).toBe(en.data.differences);
    const y2014 = (await article.locator('li[data-year="2014"]').textContent())!.replace(/\s+/g, ' ');
    expect(y2014).toBe('2014: agree — Borotoding 2024, Gambar 4.1 (baris provinsi) and Skripsi IOM NTT, Tabel 1 (September): 19,60%.');
    expect(await article.locator('.note').textContent()).toBe(en.data.only);

    // Links into the works keep the reader in the English interface.
    const hrefs = await page.locator('main a[href^="/"]:not([download])').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(20);
    expect(hrefs.filter((h) => !h.startsWith('/en/'))).toEqual([]);
    await page.close();
  });
});

describe('console', () => {
  it('no chart page logged an error', () => {
    expect(errorLists.flat()).toEqual([]);
  });
});
