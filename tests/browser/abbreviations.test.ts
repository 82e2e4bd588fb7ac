// Abbreviations as a reader meets them: focus (keyboard, or a tap) on a marked abbreviation shows its
// expansion, the words unchanged; search finds an expansion on its work's Daftar Singkatan (real
// Pagefind); axe finds nothing on the lists or on a chapter with an abbreviation focused.
import { describe, expect, it } from 'vitest';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { readResults } from '../support/search.ts';
import { builtPages, readBuilt } from '../support/site.ts';
import { axe } from '../support/axe.ts';

const browser = useBrowser();
const chapter = builtPages().find((p) => !p.startsWith('/en/') && readBuilt(p).includes('<abbr class="abbr"'))!;
const list = builtPages().find((p) => /^\/[^/]+\/singkatan\/$/.test(p) && readBuilt(p).includes('data-expansion>'))!;
const [, expansion] = /data-expansion>([^<]{12,})<\/td>/.exec(readBuilt(list))!;

describe('abbreviations in the browser', () => {
  it('keyboard focus shows the expansion; the text is as printed', async () => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block', bypassCSP: true });
    const page = await context.newPage();
    await visit(page, chapter);
    const abbr = page.locator('.prose abbr.abbr').first();
    const [title, text] = await Promise.all([abbr.getAttribute('title'), abbr.textContent()]);
    await abbr.focus();
    expect(await abbr.evaluate((el) => getComputedStyle(el, '::after').content)).toBe(JSON.stringify(title));
    expect(await abbr.evaluate((el) => el.textContent)).toBe(text);
    expect(await axe(page)).toEqual([]);
    for (const path of [list, '/singkatan/']) {
      await visit(page, path);
      expect(await axe(page), path).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a tap on a 360 px phone shows the expansion, on the screen', async () => {
    const { context, errors } = await openContext(browser(), {
      serviceWorkers: 'block',
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await visit(page, chapter);
    // The abbreviation nearest the right edge: a box beside it is the one that could run off the screen.
    const marks = page.locator('.prose abbr.abbr');
    const rights = await marks.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
    const abbr = marks.nth(rights.indexOf(Math.max(...rights)));
    await abbr.scrollIntoViewIfNeeded();
    const title = await abbr.getAttribute('title');
    expect(await abbr.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('none');
    await abbr.tap();
    await expect.poll(() => abbr.evaluate((el) => getComputedStyle(el, '::after').content)).toBe(JSON.stringify(title));
    // The expansion's box is whole on the phone's screen.
    const box = await abbr.evaluate((el) => {
      const s = getComputedStyle(el, '::after');
      return { position: s.position, left: Number.parseFloat(s.left), width: Number.parseFloat(s.width), bottom: Number.parseFloat(s.bottom) };
    });
    expect(box.position).toBe('fixed');
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(360);
    expect(box.bottom).toBeGreaterThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("search finds an expansion on its work's Daftar Singkatan", async () => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, `/cari/?q=${encodeURIComponent(`"${expansion}"`)}&jenis=singkatan`);
    const found = await readResults(page);
    expect(found.results.map((r) => r.path)).toContain(list);
    expect(errors).toEqual([]);
    await context.close();
  });
});
