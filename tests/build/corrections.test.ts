// A correction to a published work, as the librarians' guide tells it (docs/panduan-pustakawan.md):
// the made-up work karya-uji-sunting is built and published (`npm run publish-ids`), one word of a
// paragraph is changed, and the build stops naming the chapter file and line and the tool; `npm run
// correction-draft` drafts the record entry, the librarian writes its date and reason, and the build
// passes. Then: the record page shows the date, the reason and the word difference in both
// interfaces, the work's pages name its version, the old link lands on the new paragraph saying when
// it was corrected (and, for a text fragment whose words were corrected away, that they were), the
// ledger holds, and axe finds nothing on the record page in either theme.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseCorrections } from '../../src/corrections/record.ts';
import { formatDay } from '../../src/corrections/day.ts';
import { paragraphId } from '../../src/markdown/rehype-paragraph-anchors.ts';
import { correctionAnchor, workCorrectionsUrl } from '../../src/routes.ts';
import { correctionsFile, LEDGER_FILE } from '../../src/paths.ts';
import { id as idText } from '../../src/i18n/id.ts';
import { en as enText } from '../../src/i18n/en.ts';
import { launch } from '../support/browser.ts';
import { CORRECTED_CHAPTER, CORRECTED_PAGE, correctionsSite } from '../support/corrections.ts';
import { BUILD_TIMEOUT, buildIn, type BuildResult } from '../support/fixture-build.ts';
import { BARE_SLUG } from '../support/fixture-work.ts';
import { ROOT } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';
import { axe } from '../support/axe.ts';

const PINNED_NODE = join(ROOT, 'node_modules/node/bin/node');
const DAY = '2026-12-06';
const REASON = 'Salah ketik hasil ekstraksi: sumber cetak menulis “berbeda”.';
const RECORD = correctionsFile(BARE_SLUG);
let dir = '';
let original = '';
let paragraph = { before: '', after: '', line: 0 };
let stopped: BuildResult;
let draft: { status: number | null; stdout: string; stderr: string };
let drafted = '';
let corrected: BuildResult;
const run = (script: string, ...args: string[]) => spawnSync(PINNED_NODE, [join(ROOT, 'scripts', script), '--root', dir, ...args], { encoding: 'utf8' });
const page = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
const text = (html: string) =>
  html
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

beforeAll(
  () => {
    dir = correctionsSite();
    const first = buildIn(dir);
    if (first.status !== 0) throw new Error(first.output.slice(-3000));
    const published = run('publish-ids.ts');
    if (published.status !== 0) throw new Error(published.stderr);
    // One word of the chapter's second paragraph changes (the fixture's own text, whatever it says).
    const file = join(dir, CORRECTED_CHAPTER);
    original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    const index = lines.findIndex((l, i) => i > 0 && /^[A-Z]/.test(l) && lines.slice(0, i).some((p) => /^[A-Z]/.test(p)));
    const words = lines[index]!.split(' ');
    const at = words.findIndex((w, i) => i > 1 && /^[a-z]{4,}$/.test(w));
    const before = words[at]!;
    words[at] = `${before}x`;
    lines[index] = words.join(' ');
    writeFileSync(file, lines.join('\n'));
    paragraph = { before, after: `${before}x`, line: index + 1 };
    stopped = buildIn(dir);
    draft = run('correction-draft.ts');
    drafted = readFileSync(join(dir, RECORD), 'utf8');
    // The reason has a colon: in quotes, as the YAML error would tell the librarian.
    writeFileSync(join(dir, RECORD), drafted.replace('date: ISI', `date: ${DAY}`).replace('reason: ISI', `reason: ${JSON.stringify(REASON)}`));
    corrected = buildIn(dir);
  },
  3 * BUILD_TIMEOUT + 60_000,
);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a correction of one word in a published paragraph', () => {
  it('unrecorded, stops the build naming the chapter file and line of the paragraph, and the tool', () => {
    expect(stopped.status).not.toBe(0);
    expect(stopped.output).toContain('published link would break');
    expect(stopped.output).toContain(`${CORRECTED_CHAPTER}:${paragraph.line}`);
    expect(stopped.output).toContain('npm run correction-draft');
  });

  it('is drafted by `npm run correction-draft`: page, ids and the words before and after, date and reason left to complete', () => {
    expect(draft.status, draft.stderr).toBe(0);
    expect(draft.stdout).toContain(`[-${paragraph.before}-]{+${paragraph.after}+}`);
    expect(drafted).toMatch(/date: ISI/);
    expect(drafted).toMatch(/reason: ISI/);
    const complete = drafted.replace('date: ISI', `date: ${DAY}`).replace('reason: ISI', 'reason: x');
    const [entry] = parseCorrections(complete, BARE_SLUG);
    expect(entry!.page).toBe(CORRECTED_PAGE);
    expect(entry!.before).toContain(` ${paragraph.before} `);
    expect(entry!.after).toContain(` ${paragraph.after} `);
    expect(entry!.from).toBe(paragraphId(entry!.before));
    expect(entry!.to).toBe(paragraphId(entry!.after));
  });

  it('recorded with its date and reason, builds; the ledger holds and records the new ids', () => {
    expect(corrected.status, corrected.output.slice(-3000)).toBe(0);
    const ledger = JSON.parse(readFileSync(join(dir, LEDGER_FILE), 'utf8')) as Record<string, string[]>;
    const [entry] = parseCorrections(readFileSync(join(dir, RECORD), 'utf8'), BARE_SLUG);
    expect(ledger[CORRECTED_PAGE]).toContain(entry!.from);
    const publish = run('publish-ids.ts');
    expect(publish.status, publish.stderr).toBe(0);
    expect(run('publish-ids.ts', '--check').status).toBe(0);
  });

  it('has a record page in both interfaces: the date, the reason, the word difference and a link to the paragraph', () => {
    const [entry] = parseCorrections(readFileSync(join(dir, RECORD), 'utf8'), BARE_SLUG);
    for (const [prefix, locale] of [
      ['', 'id'],
      ['/en', 'en'],
    ] as const) {
      const html = page(`${prefix}${workCorrectionsUrl(BARE_SLUG)}`);
      const item = html.slice(html.indexOf(`id="${correctionAnchor(entry!.from)}"`));
      expect(item).toContain(`<time datetime="${DAY}">${formatDay(DAY, locale)}</time>`);
      expect(text(item)).toContain(REASON);
      expect(item).toMatch(new RegExp(`<del><span class="visually-hidden">[^<]+</span>${paragraph.before}<span`));
      expect(item).toMatch(new RegExp(`<ins><span class="visually-hidden">[^<]+</span>${paragraph.after}<span`));
      expect(item).toContain(`href="${prefix}${CORRECTED_PAGE}#${entry!.to}"`);
      expect(html).toContain(`data-work-version="${DAY}"`);
    }
    const sitemaps = readFileSync(join(dir, 'dist/sitemap-1.xml'), 'utf8');
    expect(sitemaps).toContain(workCorrectionsUrl(BARE_SLUG));
    expect(page(workCorrectionsUrl(BARE_SLUG))).toContain('data-search-kind="koreksi"');
  });

  it('gives the work its version: the work page names it and links the record, the cite panel and every page of the work carry it, other pages none', () => {
    const work = page(`/${BARE_SLUG}/`);
    expect(work).toContain(`<html lang="id" data-work-version="${DAY}">`);
    expect(text(work)).toContain(`${idText.corrections.version}: ${idText.corrections.versionValue(formatDay(DAY, 'id'))}`);
    expect(work).toContain(`href="${workCorrectionsUrl(BARE_SLUG)}"`);
    expect(text(work)).toContain(idText.corrections.citeVersion(formatDay(DAY, 'id')));
    expect(text(page(`/en/${BARE_SLUG}/`))).toContain(enText.corrections.citeVersion(formatDay(DAY, 'en')));
    expect(page(CORRECTED_PAGE)).toContain(`data-work-version="${DAY}"`);
    expect(page('/')).not.toContain('data-work-version');
    expect(page('/cari/')).not.toContain('data-work-version');
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let entry: ReturnType<typeof parseCorrections>[number];
  beforeAll(async () => {
    server = await serveStatic(join(dir, 'dist'));
    browser = await launch();
    entry = parseCorrections(readFileSync(join(dir, RECORD), 'utf8'), BARE_SLUG)[0]!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const open = async (path: string, options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = await browser.newContext({ baseURL: server.url, ...options });
    const errors: string[] = [];
    context.on('weberror', (e) => errors.push(e.error().message));
    const tab = await context.newPage();
    await tab.goto(path, { waitUntil: 'load' });
    return { context, tab, errors };
  };
  const notice = (tab: Page) => tab.locator('.link-moved');

  it.each([
    ['', 'id'],
    ['/en', 'en'],
  ] as const)('an old link (%s) lands on the new paragraph, says when it was corrected and links its entry', async (prefix, locale) => {
    const t = locale === 'en' ? enText : idText;
    const { context, tab, errors } = await open(`${prefix}${CORRECTED_PAGE}#${entry.from}`);
    await expect.poll(() => new URL(tab.url()).hash).toBe(`#${entry.to}`);
    await expect.poll(() => tab.locator(`[id="${entry.to}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
    await expect.poll(() => notice(tab).isVisible()).toBe(true);
    expect(await notice(tab).innerText()).toContain(t.reading.paragraphCorrected(formatDay(DAY, locale)));
    await notice(tab).getByRole('link').click();
    await expect
      .poll(() => new URL(tab.url()).pathname + new URL(tab.url()).hash)
      .toBe(`${prefix}${workCorrectionsUrl(BARE_SLUG)}#${correctionAnchor(entry.from)}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a text-fragment link whose words were corrected away lands on the paragraph and says the words are gone', async () => {
    const words = entry.before.split(' ');
    const i = words.indexOf(paragraph.before);
    const gone = encodeURIComponent(words.slice(i - 1, i + 1).join(' '));
    const { context, tab, errors } = await open(`${CORRECTED_PAGE}#${entry.from}:~:text=${gone}`);
    await expect.poll(() => new URL(tab.url()).hash).toBe(`#${entry.to}`);
    await expect.poll(() => notice(tab).isVisible()).toBe(true);
    expect(await notice(tab).innerText()).toContain(idText.reading.wordsCorrected(formatDay(DAY, 'id')));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a corrected paragraph carries a link to its entry', async () => {
    const { context, tab } = await open(`${CORRECTED_PAGE}`);
    const mark = tab.locator(`[id="${entry.to}"] a.correction-mark`);
    expect(await mark.getAttribute('aria-label')).toBe(idText.reading.correctedLabel(DAY));
    expect(await mark.getAttribute('href')).toBe(`../riwayat-koreksi/#${correctionAnchor(entry.from)}`);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('axe finds nothing on the record page and on the notice in the %s theme', async (scheme) => {
    for (const path of [workCorrectionsUrl(BARE_SLUG), `/en${workCorrectionsUrl(BARE_SLUG)}`, `${CORRECTED_PAGE}#${entry.from}`]) {
      const { context, tab } = await open(path, { colorScheme: scheme, bypassCSP: true });
      if (path.includes('#')) await expect.poll(() => notice(tab).isVisible()).toBe(true);
      const violations = await axe(tab);
      expect(violations, `${path} (${scheme})`).toEqual([]);
      await context.close();
    }
  });
});
