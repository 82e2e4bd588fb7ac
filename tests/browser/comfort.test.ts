// Reading comfort as a reader meets it: line length, phones from 320 px, tables that scroll, themes.
import { describe, expect, it } from 'vitest';
import { openContext, useBrowser, visit } from '../support/browser.ts';

const CHAPTER = '/borotoding-2024/bab-4-hasil-dan-pembahasan/';
const browser = useBrowser();

describe('reading comfort', () => {
  it('sets body text at a 60–75 character measure on a wide screen', async () => {
    const { context } = await openContext(browser(), { viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await visit(page, CHAPTER);
    // Characters per line = paragraph width / average character width of its own text in its own font.
    const perLine = await page.locator('.prose > p').evaluateAll((ps) => {
      const p = ps.sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0))[0]!;
      const style = getComputedStyle(p);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = p.textContent ?? '';
      return p.clientWidth / (ctx.measureText(text).width / text.length);
    });
    expect(perLine).toBeGreaterThanOrEqual(60);
    expect(perLine).toBeLessThanOrEqual(75);
    await context.close();
  });

  it('fits a 320 px phone without sideways scrolling, wide tables scroll inside their box', async () => {
    const { context } = await openContext(browser(), { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const path of ['/', '/borotoding-2024/', CHAPTER, '/kokomakingi-2024/hasil-dan-pembahasan/']) {
      await visit(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await visit(page, CHAPTER);
    const box = page.locator('.table-scroll').first();
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await box.getAttribute('tabindex')).toBe('0');
    await context.close();
  });

  it('follows the system colour scheme', async () => {
    const colours: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context } = await openContext(browser(), { colorScheme });
      const page = await context.newPage();
      await visit(page, CHAPTER);
      colours.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await context.close();
    }
    expect(colours[0]).not.toBe(colours[1]);
  });
});
