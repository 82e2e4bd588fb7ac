// Reading as a lecturer and a student meet it: paragraph links, the cite panel, footnotes as popovers
// and sidenotes, printing, theme and text size, the English interface, continuing where one stopped.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, openContext, useBrowser, visit } from '../support/browser.ts';
import { chapterLabel, readBuilt } from '../support/site.ts';

const CHAPTER = '/borotoding-2024/bab-1-pendahuluan/';
const NOTES = '/dw4fs-kupang/bab-1-pendahuluan/';
const paragraphIds = (path: string) =>
  [...readBuilt(path).matchAll(/<p id="(p-[0-9a-f]{8}(?:-\d+)?)" data-para="(\d+)"/g)].map((m) => ({ id: m[1]!, n: m[2]! }));

const browser = useBrowser();

async function fresh(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, errors } = await openContext(browser(), options);
  return { context, page: await context.newPage(), errors };
}

describe('paragraph links', () => {
  it('a link to a paragraph scrolls to it and highlights it', async () => {
    const { context, page } = await fresh();
    const target = paragraphIds(CHAPTER)[6]!;
    await visit(page, `${CHAPTER}#${target.id}`);
    const p = page.locator(`[id="${target.id}"]`);
    await expect.poll(() => p.evaluate((el) => el.matches(':target'))).toBe(true);
    await expect
      .poll(async () => {
        const box = await p.boundingBox();
        return box !== null && box.y >= 0 && box.y < 200;
      })
      .toBe(true);
    const colours = await p.evaluate((el) => {
      const other = el.nextElementSibling as HTMLElement;
      return { target: getComputedStyle(el).backgroundColor, other: getComputedStyle(other).backgroundColor };
    });
    expect(colours.target).not.toBe(colours.other);
    expect(colours.target).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });

  it('the ¶ control shows on keyboard focus, copies the paragraph address and says so', async () => {
    const { context, page } = await fresh({ permissions: ['clipboard-read', 'clipboard-write'] });
    await visit(page, CHAPTER);
    const { id, n } = paragraphIds(CHAPTER)[2]!;
    const anchor = page.locator(`[id="${id}"] > a.para-anchor`);
    expect(await anchor.evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
    expect(await anchor.getAttribute('aria-label')).toBe(`Tautan ke paragraf ${n}`);
    await anchor.focus();
    expect(await anchor.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    expect(await anchor.evaluate((a) => getComputedStyle(a, '::before').content)).toBe(`"¶ ${n}"`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${CHAPTER}#${id}`);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL()}${CHAPTER}#${id}`);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Tautan disalin ke papan klip');
    await context.close();
  });

  it('ids are the same on the English interface, so a link works in either language', () => {
    expect(paragraphIds(`/en${CHAPTER}`)).toEqual(paragraphIds(CHAPTER));
  });

  it('a link to a paragraph that no longer exists says so instead of pointing elsewhere', async () => {
    const { context, page } = await fresh();
    await visit(page, `${CHAPTER}#p-00000000`);
    const gone = page.locator('.link-notice[role="alert"]');
    await expect.poll(() => gone.isVisible()).toBe(true);
    const again = await context.newPage();
    await visit(again, `${CHAPTER}#${paragraphIds(CHAPTER)[0]!.id}`);
    expect(await again.locator('.link-notice[role="alert"]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('cite panel', () => {
  it('opens by keyboard and copies the APA citation of the chapter with its address', async () => {
    const { context, page } = await fresh({ permissions: ['clipboard-read', 'clipboard-write'] });
    await visit(page, CHAPTER);
    await page.locator('.cite-panel > summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.cite-panel').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    const apa = await page.locator('.citation-text[data-style="apa"]').textContent();
    // A chapter page cites the whole thesis, at the chapter's address (docs/reading.md, "Saving to Zotero").
    expect(apa).toMatch(
      /^Borotoding, J\. \(2024\)\. Upaya International Labour Organization .* \[Skripsi, Universitas Pasundan\]\. https:\/\/\S+\/borotoding-2024\/bab-1-pendahuluan\/$/,
    );
    expect(await page.locator('.citation-text').count()).toBe(3);
    const copy = page.getByRole('button', { name: 'Salin sitasi APA 7' });
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(apa);
    await expect.poll(() => copy.textContent()).toBe('Disalin');
    const downloads = await page.locator('.cite-downloads a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // The chapter's BibTeX and RIS, and the whole work's PDF (#27).
    expect(downloads).toEqual([
      '/kutip/borotoding-2024/bab-1-pendahuluan.bib',
      '/kutip/borotoding-2024/bab-1-pendahuluan.ris',
      '/borotoding-2024/borotoding-2024.pdf',
    ]);
    for (const href of downloads) expect((await page.request.get(href!)).status()).toBe(200);
    // Saved under a name that says which work: another work's chapter 1 does not overwrite it.
    expect(await page.locator('.cite-downloads a').evaluateAll((as) => as.map((a) => a.getAttribute('download')))).toEqual([
      'borotoding-2024-bab-1-pendahuluan.bib',
      'borotoding-2024-bab-1-pendahuluan.ris',
      // The PDF keeps its own name, which is the work's.
      '',
    ]);
    await context.close();
  });

  it('a work with no named author or year is cited by its title and "t.t.", with the gap said', async () => {
    const { context, page } = await fresh();
    await visit(page, '/iom-ntt-2014-2018/');
    await page.locator('.cite-panel > summary').click();
    expect(await page.locator('.citation-text[data-style="apa"]').textContent()).toMatch(
      /^Peran International Organization for Migration .*\. \(t\.t\.\)\. \[Skripsi\]/,
    );
    expect(await page.locator('.cite-note').textContent()).toContain('Sumber tidak menyebutkan penulis atau tahun');
    await context.close();
  });
});

describe('footnotes', () => {
  it('on a phone a note opens as a popover that keeps focus and gives it back', async () => {
    const { context, page } = await fresh({ viewport: { width: 390, height: 800 } });
    await visit(page, NOTES);
    expect(await page.locator('.sidenote').first().isVisible()).toBe(false);
    const ref = page.locator('a[data-footnote-ref]').nth(2);
    await ref.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.note-popover');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await dialog.locator('.note-popover-title').textContent()).toBe('Catatan kaki 3');
    expect(await dialog.locator('.note-popover-body').textContent()).toContain('History of the ILO');
    expect(new URL(page.url()).hash).toBe('');
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog')), key).toBe(true);
      await page.keyboard.press(key);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await ref.evaluate((a) => a === document.activeElement)).toBe(true);
    await context.close();
  });

  it('on a wide screen the notes sit in the margin beside their paragraphs', async () => {
    const { context, page } = await fresh({ viewport: { width: 1440, height: 900 } });
    await visit(page, NOTES);
    const prose = (await page.locator('.prose').boundingBox())!;
    const notes = page.locator('.sidenote');
    expect(await notes.count()).toBe(13);
    for (let i = 0; i < 13; i++) {
      const box = (await notes.nth(i).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(prose.x + prose.width);
      expect(box.x + box.width).toBeLessThanOrEqual(1440);
    }
    const first = (await notes.first().boundingBox())!;
    const ref = (await page.locator('a[data-footnote-ref]').first().boundingBox())!;
    expect(Math.abs(first.y - ref.y)).toBeLessThan(400);
    await context.close();
  });
});

describe('print', () => {
  it('prints the text with its citation on top, without navigation, links followed by their address', async () => {
    const { context, page } = await fresh();
    await visit(page, NOTES);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.breadcrumb', '.chapter-nav', '.chapter-toc', '.cite-panel', '.site-footer', '.para-anchor']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    const citation = page.locator('.print-citation');
    expect(await citation.isVisible()).toBe(true);
    expect(await citation.textContent()).toContain(`${NOTES}`);
    expect((await citation.boundingBox())!.y).toBeLessThan((await page.locator('h1').boundingBox())!.y);
    const link = page.locator('.footnotes a[href^="http"]').first();
    const href = await link.getAttribute('href');
    expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" <${href}>"`);
    await visit(page, '/borotoding-2024/bab-4-hasil-dan-pembahasan/');
    await page.emulateMedia({ media: 'print' });
    expect(
      await page
        .locator('table')
        .first()
        .evaluate((t) => getComputedStyle(t).breakInside),
    ).toBe('avoid');
    await context.close();
  });
});

describe('settings', () => {
  it('theme and text size start from the system, change by button, and persist across pages', async () => {
    const { context, page } = await fresh({ colorScheme: 'dark' });
    await visit(page, '/');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await bg();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const light = await bg();
    expect(light).not.toBe(dark);
    const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    const before = await size();
    await page.getByRole('button', { name: 'Perbesar teks' }).click();
    await page.getByRole('button', { name: 'Perbesar teks' }).click();
    const larger = await size();
    expect(parseFloat(larger)).toBeGreaterThan(parseFloat(before));
    await visit(page, CHAPTER);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    expect(await bg()).toBe(light);
    expect(await size()).toBe(larger);
    await context.close();
  });

  it('the stored theme is applied before the first paint (a blocking script ahead of the styles)', () => {
    const head = readBuilt(CHAPTER).split('</head>')[0]!;
    const script = head.indexOf("localStorage.getItem('rb-theme')");
    expect(script).toBeGreaterThan(0);
    expect(head.lastIndexOf('<script', script)).toBe(head.lastIndexOf('<script>', script));
    expect(script).toBeLessThan(head.indexOf('rel="stylesheet"'));
  });
});

describe('English interface', () => {
  it('the switch gives the same page with an English interface and lang="en", the text untouched', async () => {
    const { context, page, errors } = await fresh();
    await visit(page, CHAPTER);
    // The work's text stays as it is; charts are interface (captions, summaries) and change language.
    // The work's text, without the charts.
    const workText = () =>
      page.locator('.prose').evaluate((prose) => {
        const copy = prose.cloneNode(true) as HTMLElement;
        document.body.append(copy); // (innerText needs a rendered element)
        const text = [...copy.children]
          .filter((c) => !c.matches('figure.chart'))
          .map((c) => (c as HTMLElement).innerText)
          .join('\n');
        copy.remove();
        return text;
      });
    const text = await workText();
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**/en${CHAPTER}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('article.chapter').getAttribute('lang')).toBe('id');
    expect(await workText()).toBe(text);
    expect(await page.locator('.skip-link').textContent()).toBe('Skip to content');
    expect(await page.locator('.cite-panel > summary').textContent()).toBe('Cite');
    expect(await page.locator('.para-anchor').first().getAttribute('aria-label')).toBe('Link to paragraph 1');
    expect(await page.locator('.prose h2 .heading-anchor').first().getAttribute('aria-label')).toMatch(/^Link to this section: /);
    expect(await page.locator('.chapter-nav a[rel="next"]').getAttribute('href')).toMatch(/^\/en\/borotoding-2024\//);
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await page.waitForURL(`**${CHAPTER}`);
    expect(new URL(page.url()).pathname).toBe(CHAPTER);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('English interface, what scripts show', () => {
  it('a footnote popover and the copied-link message are in English on an English page', async () => {
    const { context, page, errors } = await fresh({ viewport: { width: 390, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    await visit(page, `/en${NOTES}`);
    await page.locator('a[data-footnote-ref]').nth(2).click();
    const dialog = page.locator('dialog.note-popover');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await dialog.locator('.note-popover-title').textContent()).toBe('Footnote 3');
    expect(await dialog.locator('.note-close').getAttribute('aria-label')).toBe('Close note');
    await page.keyboard.press('Escape');
    const { id } = paragraphIds(NOTES)[1]!;
    await page.locator(`[id="${id}"] > a.para-anchor`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#status').textContent()).toBe('Link copied to the clipboard');
    // The contents of the chapter and of its work name the notes in English too.
    await page.locator('.chapter-toc > summary').click();
    expect(await page.locator('.chapter-toc a[href="#footnote-label"]').textContent()).toBe('Footnotes');
    await visit(page, '/en/dw4fs-kupang/');
    const notes = page.locator('.work-toc a[href$="#footnote-label"]');
    expect(await notes.textContent()).toBe('Footnotes');
    expect(await notes.getAttribute('lang')).toBe('en');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('reading position', () => {
  it('the bar shows progress and the library offers to continue where the reader stopped', async () => {
    const { context, page } = await fresh({ viewport: { width: 1024, height: 700 } });
    await visit(page, '/');
    expect(await page.locator('[data-resume-work="borotoding-2024"]').isVisible()).toBe(false);
    await visit(page, CHAPTER);
    const progress = () => page.locator('.reading-progress').evaluate((el) => Number(getComputedStyle(el).getPropertyValue('--progress') || 0));
    const { id, n } = paragraphIds(CHAPTER)[8]!;
    // Scroll as a reader does (the wheel), until the paragraph is at the top of the window.
    const top = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
    await page.mouse.move(500, 400);
    await page.mouse.wheel(0, top - 20);
    await expect.poll(() => page.locator(`[id="${id}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(60);
    await expect.poll(progress).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('rb-resume:borotoding-2024'))).toContain(`"para":"${id}"`);
    await visit(page, '/');
    const resume = page.locator('[data-resume-work="borotoding-2024"]');
    expect(await resume.isVisible()).toBe(true);
    expect(await resume.textContent()).toContain(`${chapterLabel(CHAPTER)}, ¶ ${n}`);
    expect(await page.locator('[data-resume-work="kokomakingi-2024"]').isVisible()).toBe(false);
    await resume.locator('a').click();
    await page.waitForURL(`**${CHAPTER}#${id}`);
    await visit(page, '/en/borotoding-2024/');
    expect(await page.locator('[data-resume-work] a').getAttribute('href')).toBe(`/en${CHAPTER}#${id}`);
    await context.close();
  });
});
