// Quoting and reporting as a reader meets them (issue 28), in Chromium.
//
// On the built site (dist/, built without REPORT_URL): "Salin kutipan" by mouse, by keyboard (¶ mark,
// H, the toolbar) and from a passage's ¶ mark puts on the clipboard the words as printed, the
// citation exactly as the page's cite panel copies it (with the work's version when the page names
// one) and a link; the link opened in a fresh page lands on the paragraph. Both paths are tested:
// this Chromium applies the text fragment itself (the directive is gone from the page's address and
// the paragraph is in view), and a Chromium started with text fragments switched off
// (--disable-blink-features=TextFragmentIdentifiers: no document.fragmentDirective, a browser that
// does not apply them) gets the site's own marking (mark.search-term around exactly the quoted words,
// scrolled into view; src/quote/browser/mark.ts). That Chromium drops the directive from the address
// (the site reads it from the navigation's entry); a browser that never knew text fragments leaves it
// in location.hash, which the same code reads first (not run here: no such browser on the machine). Without
// REPORT_URL there is no report control. axe on the toolbar, both themes.
//
// On a small fixture site built with REPORT_URL=mailto:…: "Laporkan kesalahan" opens (window.open,
// intercepted) an address whose body holds the passage, its permanent address, the build and the
// reader's words, URL-encoded and cut at the limit; the same with an issue form's address (the
// button's setting changed in the page: the browser code is the same for both kinds); offline the
// report is kept, offered again when the connection returns and on the next page, and discarded on
// request; a damaged stored report is dropped without an error; axe on the dialog and the offer.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/id.ts';
import { panelStyle } from '../../src/cite/format.ts';
import { MAILTO_LIMIT } from '../../src/quote/report.ts';
import { CHROMIUM, baseURL, openContext, useBrowser, visit } from '../support/browser.ts';
import { BUILD_TIMEOUT, buildIn, fixtureSite, VALID_WORK } from '../support/fixture-build.ts';
import { CONTENT, readBuilt, works } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';
import { axe } from '../support/axe.ts';

const browser = useBrowser();
const q = t.quote;

// The chapter of the first work with the most body paragraphs, and the work's cite-panel style.
const work = works()[0]!;
const paragraphCount = (slug: string) => (readBuilt(`/${work.slug}/${slug}/`).match(/<p id="p-[0-9a-f]{8}"/g) ?? []).length;
const chapter = [...work.chapters].sort((a, b) => paragraphCount(b.slug) - paragraphCount(a.slug))[0]!;
const PATH = `/${work.slug}/${chapter.slug}/`;
const STYLE = panelStyle(parse(readFileSync(join(CONTENT, 'works', `${work.slug}.yaml`), 'utf8')).citationStyle);

const toolbar = (page: Page, name = t.notes.toolbar) => page.getByRole('toolbar', { name });
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Selects `count` whole words of the n-th body paragraph whose own text (outside links and notes)
 * has a run that long, from its `skip`-th word; returns the paragraph's id and the words.
 */
async function selectWords(page: Page, n: number, skip = 2, count = 7): Promise<{ id: string; words: string }> {
  return page.evaluate(
    ([n, skip, count]) => {
      const found = [...document.querySelectorAll<HTMLElement>('.prose > p[id^="p-"]')].flatMap((p) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => (node.parentElement?.closest('a, sup, .sidenote') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          // Words of letters only, so the quotation's ends are word boundaries.
          const words = [...node.data.matchAll(/[\p{L}]+/gu)];
          if (words.length >= skip! + count! + 1) return [{ p, node, words }];
        }
        return [];
      });
      const { p, node, words } = found[n!] ?? found[0]!;
      const first = words[skip!]!;
      const last = words[skip! + count! - 1]!;
      const r = document.createRange();
      r.setStart(node, first.index);
      r.setEnd(node, last.index + last[0].length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return { id: p.id, words: r.toString() };
    },
    [n, skip, count],
  );
}

/** The cite panel's citation in the work's style, as the page shows it (its words, what its copy button copies). */
const panelCitation = (page: Page) => page.evaluate((style) => document.querySelector(`.cite-panel .citation-text[data-style="${style}"]`)!.textContent, STYLE);

async function copyQuotation(page: Page, label = q.copy, name = t.notes.toolbar): Promise<string[]> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await toolbar(page, name).getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  return (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
}

const inView = (page: Page, id: string) =>
  page.evaluate((id) => {
    const r = document.getElementById(id)!.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  }, id);

describe('"Salin kutipan" on the built site', () => {
  let ignoring: Browser;
  beforeAll(async () => {
    // A browser that ignores text fragments: this Chromium with the feature switched off.
    ignoring = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-blink-features=TextFragmentIdentifiers',
      ],
    });
  });
  afterAll(async () => {
    await ignoring?.close();
  });

  it('copies the words, the cite panel’s citation and a link that lands on them (the browser’s text fragment, and the site’s fallback)', async () => {
    const { context, errors } = await openContext(browser(), { permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, PATH);
    const { id, words } = await selectWords(page, 3);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    const [quoted, cited, link, ...rest] = await copyQuotation(page);
    expect(rest).toEqual([]);
    expect(quoted).toBe(`“${normalise(words)}”`);
    expect(cited).toBe(await panelCitation(page));
    expect(link!.startsWith(`${baseURL()}${PATH}#${id}:~:text=`), link).toBe(true);

    // This Chromium: it applies the directive (and hides it from the page) and shows the paragraph.
    const fresh = await context.newPage();
    await fresh.goto(link!, { waitUntil: 'load' });
    expect(await fresh.evaluate(() => location.hash)).toBe(`#${id}`);
    await expect.poll(() => inView(fresh, id)).toBe(true);

    // A browser that ignores text fragments: the site scrolls to the paragraph and marks the words.
    const other = await ignoring.newContext({ baseURL: baseURL(), serviceWorkers: 'block' });
    const otherErrors: string[] = [];
    other.on('weberror', (e) => otherErrors.push(e.error().message));
    const plain = await other.newPage();
    await plain.goto(link!, { waitUntil: 'load' });
    expect(await plain.evaluate(() => 'fragmentDirective' in document)).toBe(false);
    await expect.poll(() => plain.locator(`[id="${id}"] mark.search-term`).count()).toBeGreaterThan(0);
    expect(normalise((await plain.locator('mark.search-term').allTextContents()).join(''))).toBe(normalise(words));
    await expect.poll(() => inView(plain, id)).toBe(true);
    expect(otherErrors).toEqual([]);
    await other.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('from a paragraph’s ¶ mark: the whole paragraph, linked by its first and last words, marked whole by the fallback', async () => {
    const { context, errors } = await openContext(browser(), { permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, PATH);
    // The longest plain paragraph of the chapter (no note, citation or link in it).
    const id = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.prose > p[id^="p-"]')]
          .filter((p) => !p.querySelector('a:not(.para-anchor), sup'))
          .sort((a, b) => b.textContent.length - a.textContent.length)[0]!.id,
    );
    await page.locator(`[id="${id}"] > a.para-anchor`).click();
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    const [quoted, , link] = await copyQuotation(page);
    const text = normalise(
      await page.evaluate(
        (id) =>
          [...document.getElementById(id)!.childNodes]
            .slice(1)
            .map((n) => n.textContent)
            .join(''),
        id,
      ),
    );
    expect(quoted).toBe(`“${text}”`);
    expect(link).toMatch(new RegExp(`#${id}:~:text=[^,]+,[^,]+$`));
    const other = await ignoring.newContext({ baseURL: baseURL(), serviceWorkers: 'block' });
    const plain = await other.newPage();
    await plain.goto(link!, { waitUntil: 'load' });
    await expect.poll(() => plain.locator('mark.search-term').count()).toBeGreaterThan(0);
    expect(normalise((await plain.locator('mark.search-term').allTextContents()).join(''))).toBe(text);
    await other.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('by keyboard (¶ mark, H, the toolbar), in English, naming the work’s version when the page carries one', async () => {
    const { context, errors } = await openContext(browser(), { permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, `/en${PATH}`);
    await page.evaluate(() => (document.documentElement.dataset.workVersion = '2026-12-01'));
    const id = await page.locator('.prose > p[id^="p-"]').nth(1).getAttribute('id');
    await page.locator(`[id="${id}"] > a.para-anchor`).focus();
    await page.keyboard.press('h');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.hl-toolbar'))).toBe(true);
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-quote'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.quote.copy);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`#${id}:~:text=`);
    const [, cited, link] = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(cited).toBe(`${await panelCitation(page)} (${en.quote.version('2026-12-01')})`);
    expect(link!.startsWith(`${baseURL()}/en${PATH}#${id}`)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('where the browser can share, "Bagikan" shares the same text', async () => {
    const { context, errors } = await openContext(browser(), {
      permissions: ['clipboard-read', 'clipboard-write'],
      serviceWorkers: 'block',
      viewport: { width: 360, height: 780 },
    });
    // A phone's share sheet, recorded.
    await context.addInitScript(() => {
      const w = window as unknown as { shared: ShareData[] };
      w.shared = [];
      navigator.share = (data: ShareData) => Promise.resolve(void w.shared.push(data));
    });
    const page = await context.newPage();
    await visit(page, PATH);
    await selectWords(page, 1);
    await expect.poll(() => toolbar(page).getByRole('button', { name: q.share }).isVisible()).toBe(true);
    await toolbar(page).getByRole('button', { name: q.share }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared.length)).toBe(1);
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared[0]!.text);
    const copied = (await copyQuotation(page)).join('\n');
    expect(shared).toBe(copied);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without REPORT_URL there is no report control', async () => {
    expect(readBuilt(PATH)).not.toContain('data-report');
    const { context } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, PATH);
    await selectWords(page, 0);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    expect(await toolbar(page).getByRole('button', { name: q.report }).count()).toBe(0);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('axe finds nothing with the toolbar’s new buttons shown, on a 360 px phone, %s theme', async (scheme) => {
    const { context } = await openContext(browser(), {
      colorScheme: scheme,
      bypassCSP: true,
      serviceWorkers: 'block',
      viewport: { width: 360, height: 780 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await visit(page, PATH);
    await selectWords(page, 2);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    await expect.poll(() => toolbar(page).getByRole('button', { name: q.copy }).isVisible()).toBe(true);
    // The toolbar stays within the screen's width.
    const box = (await toolbar(page).boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= 360).toBe(true);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});

// ---- Reporting: a small fixture site built with REPORT_URL.

const REPORT_URL = 'mailto:koreksi@example.org';
const FORM_URL = 'https://github.com/contoh/ruang-baca/issues/new';
// The fixture's own words (not a real work's): three paragraphs, in the chapter and its source text.
const PARAGRAPHS = [
  'Paragraf pertama karya uji ini berisi kalimat yang cukup panjang untuk dipilih dan dilaporkan oleh pembaca.',
  'Paragraf kedua menyebut angka 2024 dan kata-kata lain yang tidak penting bagi pengujian ini sama sekali.',
  'Paragraf ketiga menutup bab uji dengan kalimat yang juga cukup panjang untuk dipilih oleh pembaca.',
];

describe('"Laporkan kesalahan" with REPORT_URL set (fixture build)', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let buildOutput = '';
  const CHAPTER = '/uji/bab-1/';
  beforeAll(async () => {
    dir = fixtureSite({
      'content/works/uji.yaml': VALID_WORK,
      'content/sources/000_uji.txt': `BAB I\nPENDAHULUAN\n1.1. Latar Belakang\n${PARAGRAPHS.join('\n')}\n`,
      'content/chapters/uji/bab-1.mdx': `---\nwork: uji\norder: 1\nnumber: BAB I\ntitle: Pendahuluan\n---\n## 1.1. Latar Belakang\n\n${PARAGRAPHS.join('\n\n')}\n`,
    });
    const built = buildIn(dir, { REPORT_URL });
    buildOutput = built.output;
    if (built.status !== 0) throw new Error(`fixture build failed:\n${built.output.slice(-3000)}`);
    server = await serveStatic(join(dir, 'dist'));
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page whose window.open is recorded instead of opening anything. */
  async function open(options: Parameters<Browser['newContext']>[0] = {}) {
    const { context, errors } = await openContext(browser(), { baseURL: server.url, ...options });
    await context.addInitScript(() => {
      const w = window as unknown as { opened: [string, string][] };
      w.opened = [];
      window.open = (url?: string | URL, target?: string) => (w.opened.push([String(url), target ?? '']), null);
    });
    const page = await context.newPage();
    await visit(page, CHAPTER);
    return { context, errors, page };
  }
  const opened = (page: Page) => page.evaluate(() => (window as unknown as { opened: [string, string][] }).opened);

  /** Selects words, then reports them; `offline`, the connection drops once the toolbar's code is there (as it would be saved for offline reading). */
  async function writeReport(page: Page, wrong: string, printed = '', offline?: BrowserContext) {
    const { id, words } = await selectWords(page, 0, 1, 5);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    if (offline) {
      await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/report\.[\w-]+\.js$/.test(r.name)))).toBe(true);
      await offline.setOffline(true);
    }
    await toolbar(page).getByRole('button', { name: q.report }).click();
    const dialog = page.getByRole('dialog', { name: q.reportTitle });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel(q.wrong).fill(wrong);
    if (printed) await dialog.getByLabel(q.printed).fill(printed);
    await dialog.getByRole('button', { name: q.send }).click();
    if (offline) await expect.poll(() => page.evaluate(() => localStorage.getItem('rb-reports'))).not.toBeNull();
    return { id, words: normalise(words) };
  }
  const body = (address: string) => decodeURIComponent(/[?&]body=([^&]*)/.exec(address)![1]!);

  it('the build says where reports go, once', () => {
    expect(buildOutput.match(/error reports/g)).toHaveLength(1);
    expect(buildOutput).toContain('error reports ("Laporkan kesalahan") open mailto:');
  });

  it('opens a mail with the passage, its address, the work, the build and the reader’s words, cut at the limit', async () => {
    const { context, errors, page } = await open();
    // The second visit is served under the service worker, which knows the build.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
    await visit(page, CHAPTER);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const { id, words } = await writeReport(page, 'Kata "uji" & salah', 'Kata benar');
    await expect.poll(() => opened(page).then((o) => o.length)).toBe(1);
    const [address, target] = (await opened(page))[0]!;
    expect(target).toBe('_self');
    expect(address.startsWith(`${REPORT_URL}?subject=`)).toBe(true);
    expect(address).not.toMatch(/[\s"]/);
    const text = body(address);
    expect(text).toContain(`${q.fieldWrong}: Kata "uji" & salah`);
    expect(text).toContain(`${q.fieldPrinted}: Kata benar`);
    expect(text).toContain(`${q.fieldAddress}: ${server.url}${CHAPTER}#${id}`);
    expect(text).toContain(`“${words}”`);
    const build = /build:"([0-9a-f]+)"/.exec(readFileSync(join(dir, 'dist/sw.js'), 'utf8'))![1]!;
    expect(text).toContain(`${q.fieldBuild}: ${build}`);

    // A long report: cut so the whole address stays within what mail apps take.
    await writeReport(page, 'salah '.repeat(600));
    await expect.poll(() => opened(page).then((o) => o.length)).toBe(2);
    const long = (await opened(page))[1]![0];
    expect(long.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(body(long).endsWith(q.cut)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['', '/en'])('on a 360 px phone that can share, every action fits the toolbar’s two rows (%s)', async (prefix) => {
    const { context, errors } = await openContext(browser(), {
      baseURL: server.url,
      serviceWorkers: 'block',
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript(() => (navigator.share = () => Promise.resolve()));
    const page = await context.newPage();
    await visit(page, `${prefix}${CHAPTER}`);
    await selectWords(page, 0, 1, 3);
    await expect.poll(() => page.locator('.hl-toolbar [data-share=""]').isVisible()).toBe(true);
    // The toolbar's stylesheet arrives with the annotator's code: measured before it, the buttons wrap
    // unstyled (a loaded fresh-clone run counted three rows). Styled, the bar is fixed to the screen.
    await expect.poll(() => page.locator('.hl-toolbar').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    const bar = await page.locator('.hl-toolbar').evaluate((el) => ({
      names: [...el.querySelectorAll('button')].map((b) => b.textContent),
      rows: new Set([...el.querySelectorAll('button')].map((b) => Math.round(b.getBoundingClientRect().top))).size,
      right: el.getBoundingClientRect().right,
    }));
    expect(bar.names).toHaveLength(8);
    expect(bar.rows).toBeLessThanOrEqual(2);
    expect(bar.right).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens an issue form (title and body in its query) in a new tab', async () => {
    const { context, errors, page } = await open({ serviceWorkers: 'block' });
    // The same build's control pointed at an issue form: the browser code reads the address from it.
    await page.evaluate((url) => document.querySelector<HTMLElement>('[data-report]')!.setAttribute('data-report', url), FORM_URL);
    const { id } = await writeReport(page, 'Salah ketik');
    await expect.poll(() => opened(page).then((o) => o.length)).toBe(1);
    const [address, target] = (await opened(page))[0]!;
    expect(target).toBe('_blank');
    expect(address).toMatch(new RegExp(`^${FORM_URL}\\?title=[^&]+&body=`));
    expect(body(address)).toContain(`#${id}`);
    expect(body(address)).toContain('Salah ketik');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offline, keeps the report and offers it again when the connection returns and on the next page; discards on request', async () => {
    const { context, errors, page } = await open({ serviceWorkers: 'block' });
    await writeReport(page, 'Ditulis tanpa internet', '', context);
    await expect.poll(() => page.locator('#status').textContent()).toBe(q.kept);
    expect(await opened(page)).toEqual([]);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('rb-reports')!).length)).toBe(1);
    await context.setOffline(false);
    const offer = page.locator('.report-pending');
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await offer.getByRole('status').textContent()).toBe(q.pending(1));
    await offer.getByRole('button', { name: q.sendNow }).click();
    await expect.poll(() => opened(page).then((o) => o.length)).toBe(1);
    expect(body((await opened(page))[0]![0])).toContain('Ditulis tanpa internet');
    expect(await offer.count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('rb-reports'))).toBeNull();

    // Kept offline, offered on the next page opened online; discarded.
    await writeReport(page, 'Laporan kedua', '', context);
    await context.setOffline(false);
    await visit(page, CHAPTER);
    await expect.poll(() => page.locator('.report-pending').isVisible()).toBe(true);
    await page.locator('.report-pending').getByRole('button', { name: q.discard }).click();
    await expect.poll(() => page.locator('.report-pending').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('rb-reports'))).toBeNull();
    expect(await opened(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a damaged stored report is dropped without an error', async () => {
    const { context, errors, page } = await open({ serviceWorkers: 'block' });
    for (const damaged of ['{not json', JSON.stringify([{ address: 'https://elsewhere.example/?x', passage: 'x', created: 'x' }]), JSON.stringify({ a: 1 })]) {
      await page.evaluate((v) => localStorage.setItem('rb-reports', v), damaged);
      await visit(page, CHAPTER);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('rb-reports'))).toBeNull();
      expect(await page.locator('.report-pending').count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('axe finds nothing in the dialog and the offer, %s theme', async (scheme) => {
    const { context, page } = await open({ colorScheme: scheme, bypassCSP: true, serviceWorkers: 'block' });
    await selectWords(page, 0, 1, 5);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    expect(await axe(page), 'toolbar').toEqual([]);
    await toolbar(page).getByRole('button', { name: q.report }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await axe(page), 'dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await writeReport(page, 'Untuk axe', '', context);
    await context.setOffline(false);
    await expect.poll(() => page.locator('.report-pending').isVisible()).toBe(true);
    expect(await axe(page), 'offer').toEqual([]);
    await context.close();
  });
});
