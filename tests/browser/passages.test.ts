// Every passage linkable (issue 13), as a reader meets it on the built site in Chromium: every list
// item of body text, every table or figure caption and every footnote of every chapter has a stable
// id made from its words and a link control, and going to #id scrolls to it; a lecturer's link
// opens the page there; the control is on screen on a 360 px phone and labelled for screen readers
// in both interfaces; a highlight in a list item keeps the item's id as its hint.
// What is expected is read from content/ (the chapters' MDX, parsed as the site parses it), so a
// fifth work is checked the same way.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/id.ts';
import { CAPTION } from '../../src/figures/rehype-floats.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { CONTENT, works } from '../support/site.ts';

const browser = useBrowser();

interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
}
const textOf = (n: MdNode): string => (n.value ?? '') + (n.children ?? []).map(textOf).join('');

/** What a chapter's source holds: list items of body text, footnotes, and captions (a paragraph with a label, then a table). */
function expected(work: string, chapter: string) {
  const source = readFileSync(join(CONTENT, 'chapters', work, `${chapter}.mdx`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(source) as MdNode;
  let items = 0;
  let notes = 0;
  const walk = (n: MdNode) => {
    if (n.type === 'footnoteDefinition') return void notes++;
    // MDX components (editorial notes, reference lists) are not the author's body text.
    if (n.type.startsWith('mdxJsx')) return;
    if (n.type === 'listItem' && textOf(n).trim()) items++;
    n.children?.forEach(walk);
  };
  walk(tree);
  // A table is Markdown's or, where cells span rows, written as HTML (<table> in the MDX).
  const isTable = (n: MdNode | undefined) => n?.type === 'table' || (n?.type === 'mdxJsxFlowElement' && (n as { name?: string }).name === 'table');
  const captions = (tree.children ?? []).filter((n, i, all) => n.type === 'paragraph' && CAPTION.test(textOf(n).trim()) && isTable(all[i + 1])).length;
  return { items, notes, captions };
}

const chapters = works().flatMap((w) => w.chapters.map((c) => ({ work: w.slug, chapter: c.slug, path: `/${w.slug}/${c.slug}/`, ...expected(w.slug, c.slug) })));

/** The passages on the page, with their ids, labels and own words (read as the browser shows them). */
function passagesOn(page: Page) {
  return page.evaluate(() => {
    const own = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const x of copy.querySelectorAll(':scope ul, :scope ol, sup:has(a[data-footnote-ref]), .data-footnote-backref, details')) x.remove();
      return (copy.textContent ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
    };
    const describe = (el: HTMLElement, kind: string) => {
      const control = el.querySelector<HTMLAnchorElement>(':scope > a.para-anchor');
      return {
        kind,
        id: el.id,
        words: own(el),
        href: control?.getAttribute('href') ?? null,
        label: control?.getAttribute('aria-label') ?? null,
        n: el.dataset.item ?? el.dataset.fn ?? el.dataset.para ?? '',
      };
    };
    const prose = document.querySelector('.prose')!;
    const items = [...prose.querySelectorAll<HTMLElement>('li')]
      .filter((li) => !li.closest('.footnotes, .sidenote, nav, table, .editor-note, aside, .references') && own(li))
      .map((li) => describe(li, 'item'));
    const notes = [...prose.querySelectorAll<HTMLElement>('.footnotes li[id^="user-content-fn-"]')].map((li) => {
      const first = li.querySelector<HTMLElement>(':scope > p');
      return { ...describe(first!, 'note'), words: own(li) };
    });
    const captions = [...prose.querySelectorAll<HTMLElement>(':scope > p')]
      .filter((p) => /^(Tabel|Gambar|Grafik|Bagan|Diagram|Skema|Table|Figure)\s+\d/.test(own(p)) && p.nextElementSibling?.matches('.table-scroll, table'))
      .map((p) => describe(p, 'caption'));
    return { items, notes, captions };
  });
}

const hash = (prefix: string, words: string) => `${prefix}-${createHash('sha256').update(words).digest('hex').slice(0, 8)}`;

/** Goes to #id within the page from far away (the other end of the page), and tells whether the element is then the target and in view. */
function goTo(page: Page, id: string) {
  return page.evaluate(async (id) => {
    const el = document.getElementById(id);
    if (!el) return { found: false, target: false, inView: false };
    const far = el.getBoundingClientRect().top + scrollY < document.documentElement.scrollHeight / 2 ? document.documentElement.scrollHeight : 0;
    scrollTo({ top: far, behavior: 'instant' });
    await new Promise(requestAnimationFrame);
    location.hash = `#${id}`;
    const inView = () => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight;
    };
    for (let i = 0; i < 60 && !inView(); i++) await new Promise(requestAnimationFrame);
    return { found: true, target: document.querySelector(':target') === el, inView: inView() };
  }, id);
}

describe('every passage linkable', () => {
  it('the source holds list items, footnotes and captions to check', () => {
    expect(chapters.reduce((n, c) => n + c.items, 0)).toBeGreaterThan(0);
    expect(chapters.reduce((n, c) => n + c.notes, 0)).toBeGreaterThan(0);
    expect(chapters.reduce((n, c) => n + c.captions, 0)).toBeGreaterThan(0);
  });

  it.each(chapters)('$path: every list item, caption and footnote has a stable id from its words, a link control, and #id scrolls to it', async (c) => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await visit(page, c.path);
    const { items, notes, captions } = await passagesOn(page);
    // As many as the source has: none left without an id, none counted twice.
    expect(items.length, 'list items').toBe(c.items);
    expect(notes.length, 'footnotes').toBe(c.notes);
    expect(captions.length, 'captions').toBe(c.captions);
    const all = [...items, ...notes, ...captions];
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const p of all) {
      const prefix = p.kind === 'item' ? 'li' : p.kind === 'note' ? 'fn' : 'p';
      // The id is the hash of the words (a repeated text gets -2, -3), not a position.
      expect(p.id.replace(/^((?:p|li|fn)-[0-9a-f]{8})-\d+$/, '$1'), `${p.kind} "${p.words.slice(0, 60)}"`).toBe(hash(prefix, p.words));
      expect(p.href).toBe(`#${p.id}`);
      const label = p.kind === 'item' ? t.reading.linkToListItem(p.n) : p.kind === 'note' ? t.reading.linkToFootnote(p.n) : t.reading.linkToParagraph(p.n);
      expect(p.label).toBe(label);
      const went = await goTo(page, p.id);
      expect(went, `#${p.id}`).toMatchObject({ found: true, target: true, inView: true });
    }
    // A lecturer's link: the page opens at the item.
    const first = items[0] ?? notes[0];
    if (first) {
      await visit(page, '/');
      await visit(page, `${c.path}#${first.id}`);
      await expect
        .poll(() =>
          page.evaluate(
            (id) => document.querySelector(':target')?.id === id && document.getElementById(id)!.getBoundingClientRect().top < innerHeight,
            first.id,
          ),
        )
        .toBe(true);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("on a 360 px phone the list items' controls are on screen; the English interface labels them in English", async () => {
    const c = [...chapters].sort((a, b) => b.items - a.items)[0]!;
    const { context } = await openContext(browser(), { serviceWorkers: 'block', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await visit(page, c.path);
    const boxes = await page
      .locator('.prose li[data-item] > a.para-anchor')
      .evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, width: r.width })));
    expect(boxes.length).toBe(c.items);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(360);
      expect(b.width).toBeGreaterThan(0);
    }
    // A tap on the control goes to the item.
    const control = page.locator('.prose li[data-item] > a.para-anchor').first();
    const id = await control.evaluate((a) => a.parentElement!.id);
    await control.tap();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${id}`);

    await visit(page, `/en${c.path}`);
    const n = await page.locator('.prose li[data-item]').first().getAttribute('data-item');
    expect(await page.locator('.prose li[data-item] > a.para-anchor').first().getAttribute('aria-label')).toBe(en.reading.linkToListItem(n!));
    await context.close();
  });

  it('a link to a list item that is no longer there says so, as for a paragraph', async () => {
    const c = chapters.find((x) => x.items > 0)!;
    const { context } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, `${c.path}#li-00000000`);
    await expect.poll(() => page.locator('.link-notice[role="alert"]').isVisible()).toBe(true);
    expect(await page.locator('.link-notice[role="alert"]').textContent()).toBe(t.reading.paragraphGone);
    await context.close();
  });

  it("a highlight in a list item keeps the item's id as its hint (the paragraph link of Catatan saya)", async () => {
    const c = chapters.find((x) => x.items > 0)!;
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, c.path);
    const id = await page.evaluate(() => {
      // The first list item with a run of its own plain text (not in a link, a nested list or a mark).
      for (const li of document.querySelectorAll<HTMLElement>('.prose li[data-item]')) {
        const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT, {
          acceptNode: (n) => (n.parentElement?.closest('a, sup, abbr, ul ul, ol ol, li li') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const start = (text.textContent ?? '').search(/\S{3}/);
          if (start < 0 || (text.textContent ?? '').length < start + 12) continue;
          li.scrollIntoView();
          const r = document.createRange();
          r.setStart(text, start);
          r.setEnd(text, start + 10);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(r);
          return li.id;
        }
      }
      throw new Error('no list item with plain text');
    });
    const toolbar = page.getByRole('toolbar', { name: t.notes.toolbar });
    await expect.poll(() => toolbar.isVisible()).toBe(true);
    await toolbar.getByRole('button', { name: t.notes.colours.yellow, exact: true }).click();
    await expect.poll(() => page.locator(`#${id} mark.hl`).count()).toBeGreaterThan(0);
    await visit(page, '/catatan/');
    const link = page.locator('[data-notes-list] li a[href*="#li-"]').first();
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('href')).toContain(`#${id}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
