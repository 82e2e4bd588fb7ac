// The previous-studies table (src/matrix/) as a student builds it, on the built site in Chromium:
// highlight passages in two works and give them columns (in the toolbar, and later on "Catatan
// saya"), open "Tabel penelitian terdahulu": a row per work with its metadata from content/works/,
// the quotes in their columns, each link landing on its paragraph; reorder by keyboard; write the
// own-words cell and reload offline; the references as the cite panel formats them; export Word
// (word/document.xml read back), CSV (parsed back) and Markdown; the W3C export imported into a
// fresh profile gives the same table. axe in both themes; no wider than a 360 px phone; a chapter
// loads none of the table's code, and the table page loads the Word library only on export.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/id.ts';
import { TAGS, type Tag } from '../../src/annotations/model.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { workYaml } from '../support/metadata.ts';
import { DIST, readBuilt, works } from '../support/site.ts';
import { axe } from '../support/axe.ts';

const browser = useBrowser();
const m = t.matrix;
const TABLE = '/penelitian-terdahulu/';

// Two works (the first two of the library; one if it holds one), each at its chapter with the most body paragraphs.
const paragraphCount = (path: string) => (readBuilt(path).match(/<p id="p-[0-9a-f]{8}"/g) ?? []).length;
const picked = works()
  .slice(0, 2)
  .map((w) => {
    const chapter = [...w.chapters].sort((a, b) => paragraphCount(`/${w.slug}/${b.slug}/`) - paragraphCount(`/${w.slug}/${a.slug}/`))[0]!;
    return { work: w, path: `/${w.slug}/${chapter.slug}/` };
  });
/** What each work's highlights are tagged with: the paragraph (n-th with a long plain run) and the column; one left untagged, tagged later on Catatan saya. */
const PLAN: { n: number; tag: Tag | '' }[][] = [
  [
    { n: 1, tag: 'metode' },
    { n: 3, tag: 'temuan' },
    { n: 5, tag: 'temuan' },
  ],
  [
    { n: 2, tag: 'lokasi' },
    { n: 4, tag: '' },
  ],
];
const LATER: Tag = 'teori';

/** The site's public origin and base, as the built pages' canonical links give them (for links in files). */
const canonical = new URL(/<link rel="canonical" href="([^"]+)"/.exec(readBuilt('/'))![1]!);
const absolute = (path: string) => new URL(path.slice(1), canonical).href;

/** The code the table page loads, and the Word library, by their contents in the build. */
const code = (marker: string) =>
  readdirSync(join(DIST, '_astro'))
    .filter((f) => f.endsWith('.js') && readFileSync(join(DIST, '_astro', f), 'utf8').includes(marker))
    .map((f) => `/_astro/${f}`);
const DOCX_CODE = code('schemas.openxmlformats.org/wordprocessingml/2006/main');
const TABLE_CODE = code('rb-tabel-penelitian-karya');

async function selectIn(page: Page, n: number) {
  return page.evaluate((n) => {
    const runs = [...document.querySelectorAll('.prose > p[id^="p-"]')]
      .map((p) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => (node.parentElement?.closest('a, sup, mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        let node = walker.nextNode() as Text | null;
        while (node && node.data.length < 80) node = walker.nextNode() as Text | null;
        return node;
      })
      .filter(Boolean);
    const node = runs[n]!;
    const r = document.createRange();
    r.setStart(node, 10);
    r.setEnd(node, 70);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
    return { quote: r.toString(), para: node.parentElement!.closest('p')!.id };
  }, n);
}

/** The table as the page shows it: per row, its work, the cells' text, the quotes per column, the own words. */
function snapshot(page: Page) {
  return page.evaluate(
    (tags) => {
      return [...document.querySelectorAll<HTMLTableRowElement>('.matrix-table tbody tr')].map((tr) => ({
        work: tr.dataset.work,
        cells: [...tr.children].slice(0, 4).map((c) => c.textContent.trim()),
        quotes: Object.fromEntries(tags.map((tag) => [tag, [...tr.querySelectorAll(`td[data-tag="${tag}"] q`)].map((q) => q.textContent)])),
        words: tr.querySelector('textarea')!.value,
      }));
    },
    TAGS as unknown as string[],
  );
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

const xmlText = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return readFileSync(await file.path());
}

async function untilOfflineReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.locator('[data-offline-status] [role="status"]').textContent(), { timeout: 60_000 }).toBe(t.offline.ready);
}

/** Highlights every planned passage, tagging it in the toolbar; returns the quotes made, per work. */
async function highlightAll(page: Page) {
  const made: { work: string; path: string; quote: string; para: string; tag: Tag | '' }[] = [];
  for (const [i, { work, path }] of picked.entries()) {
    await visit(page, path);
    for (const { n, tag } of PLAN[i]!) {
      const { quote, para } = await selectIn(page, n);
      const toolbar = page.getByRole('toolbar', { name: t.notes.toolbar });
      await expect.poll(() => toolbar.isVisible(), { timeout: 20_000 }).toBe(true);
      if (tag) await toolbar.getByLabel(m.column).selectOption(tag);
      const before = await page.locator('.prose mark.hl').count();
      await toolbar.getByRole('button', { name: t.notes.colours.yellow, exact: true }).click();
      await expect.poll(() => page.locator('.prose mark.hl').count(), { timeout: 20_000 }).toBeGreaterThan(before);
      made.push({ work: work.slug, path, quote, para, tag });
    }
  }
  return made;
}

describe('the previous-studies table', () => {
  it('from tagged highlights in two works: rows, columns, links, own words offline, references, exports, and another device', async () => {
    const { context, errors } = await openContext(browser());
    // The pages' own requests (the service worker's download of the offline core is not a page loading code).
    const requests: string[] = [];
    context.on('request', (r) => r.serviceWorker() || requests.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    await visit(page, '/');
    await untilOfflineReady(page);
    const made = await highlightAll(page);

    // Later, on Catatan saya: the untagged highlight gets its column.
    await visit(page, '/catatan/');
    const untagged = made.find((x) => !x.tag)!;
    await expect.poll(() => page.locator('[data-notes-list] li').count(), { timeout: 20_000 }).toBe(made.length);
    const item = page.locator('[data-notes-list] li', { hasText: untagged.quote.trim().slice(0, 30) });
    await item.getByRole('combobox').selectOption(LATER);
    await expect.poll(() => page.locator('[data-notes-status]').textContent()).toBe(m.saved);
    untagged.tag = LATER;
    // No chapter, nor Catatan saya, has loaded the table's code.
    expect(requests.filter((r) => TABLE_CODE.includes(r) || DOCX_CODE.includes(r))).toEqual([]);

    await page.getByRole('link', { name: m.fromNotes }).click();
    await page.waitForURL(`**${TABLE}`);
    const rows = page.locator('.matrix-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(picked.length);

    // One row per work, in library order, its cells from content/works/<work>.yaml; quotes as tagged.
    const shown = await snapshot(page);
    for (const [i, { work }] of picked.entries()) {
      const y = workYaml(work.slug);
      const row = shown[i]!;
      expect(row.work).toBe(work.slug);
      expect(row.cells[1]).toBe(`${y.authors.length ? y.authors.map((a) => a.name).join(', ') : m.missing} (${y.year ?? m.missing})`);
      expect(row.cells[2]).toBe(y.title[y.language]);
      expect(row.cells[3]).toBe(`${t.workTypes[y.type]}, ${y.institution ?? (y.type === 'journal-article' ? y.journal?.name : undefined) ?? m.missing}`);
      for (const tag of TAGS)
        expect(row.quotes[tag], `${work.slug} ${tag}`).toEqual(made.filter((x) => x.work === work.slug && x.tag === tag).map((x) => x.quote));
    }

    // Reorder by keyboard: the first row down, then a quote up; each button says what it moves.
    const first = picked[0]!.work.slug;
    if (picked.length > 1) {
      await page.getByRole('button', { name: m.rowDown(shown[0]!.cells[1]!) }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await snapshot(page)).map((r) => r.work)).toEqual([picked[1]!.work.slug, first]);
      // Focus stays with the row: on its first button still usable ("up", now that it is last).
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(m.rowUp(shown[0]!.cells[1]!));
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await snapshot(page)).map((r) => r.work)).toEqual(picked.map((p) => p.work.slug));
    }
    const temuan = made.filter((x) => x.work === first && x.tag === 'temuan').map((x) => x.quote);
    await page.locator(`tr[data-work="${first}"] td[data-tag="temuan"] li`).nth(1).getByRole('button', { name: m.quoteUp }).click();
    await expect.poll(async () => (await snapshot(page))[0]!.quotes.temuan).toEqual([...temuan].reverse());

    // The own-words cell, kept on the device.
    const words = 'Sama-sama meneliti NTT; penelitian saya memakai data 2023.';
    await page.getByLabel(m.ownWordsLabel(shown[0]!.cells[2]!)).fill(words);

    // Offline, a reload: the table (rows, metadata, quotes, own words) is all there.
    const before = await snapshot(page);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(picked.length);
    expect(await snapshot(page)).toEqual(before);
    expect(before[0]!.words).toBe(words);
    await context.setOffline(false);

    // Each quote's link lands on its paragraph, with the words marked.
    for (const x of made) {
      await visit(page, TABLE);
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(picked.length);
      const link = page.locator(`tr[data-work="${x.work}"] td[data-tag="${x.tag}"] li`, { hasText: x.quote.trim() }).getByRole('link', { name: m.openQuote });
      expect(await link.getAttribute('href')).toContain(`#${x.para}`);
      await link.click();
      await page.waitForURL((u) => u.pathname === x.path);
      await expect.poll(() => page.locator('.prose mark.hl-target').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(
        await page
          .locator('.prose mark.hl-target')
          .first()
          .evaluate((mk) => mk.closest('p')!.id),
      ).toBe(x.para);
      expect(await page.evaluate(() => [...document.querySelectorAll('.prose mark.hl-target')].map((mk) => mk.textContent).join(''))).toBe(x.quote);
    }

    // The references: the cite panel's own text for each work, in the style picked.
    await visit(page, TABLE);
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(picked.length);
    await page.getByLabel(m.style).selectOption('chicago');
    const refs = await page.locator('.matrix-references li').allTextContents();
    const chicago: string[] = [];
    for (const { work } of picked) {
      const html = readBuilt(`/${work.slug}/`);
      const cite = /<p id="kutip-chicago" class="citation-text"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]!;
      chicago.push(
        cite
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .replace(/&#x27;|&#39;/g, "'")
          .replace(/&quot;/g, '"'),
      );
    }
    expect([...refs].sort()).toEqual([...chicago].sort());

    // CSV: BOM, RFC 4180, the same cells as the table, each quote with its absolute paragraph link.
    const table = await snapshot(page);
    const header = await page.locator('.matrix-table thead th').allTextContents();
    const csvBytes = await download(page, m.exportCsv);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(csvBytes.toString('utf8').slice(1));
    expect(csv[0]).toEqual(header.slice(0, -1));
    expect(csv.length).toBe(1 + table.length);
    for (const [i, row] of table.entries()) {
      const cells = csv[i + 1]!;
      expect(cells.slice(0, 4)).toEqual(row.cells);
      expect(cells.at(-1)).toBe(row.words);
      for (const [j, tag] of TAGS.entries()) {
        const expected = row.quotes[tag]!.map((q) => {
          const x = made.find((y) => y.quote === q)!;
          return `“${q.replace(/\s+/g, ' ').trim()}” <${absolute(x.path)}#${x.para}>`;
        });
        expect(cells[4 + j], `${row.work} ${tag}`).toBe(expected.join('\n\n'));
      }
    }

    // Markdown: quotes, links and references.
    const md = (await download(page, m.exportMarkdown)).toString('utf8');
    for (const x of made) {
      expect(md).toContain(`> ${x.quote.trim().split(/\n+/)[0]!.trim()}`);
      expect(md).toContain(`<${absolute(x.path)}#${x.para}>`);
    }
    for (const r of refs) expect(md).toContain(r);

    // Word: the library is fetched only now; word/document.xml holds the quotes and the references.
    expect(requests.filter((r) => DOCX_CODE.includes(r))).toEqual([]);
    const docx = await download(page, m.exportDocx);
    expect(requests.filter((r) => DOCX_CODE.includes(r)).length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(docx);
    const documentText = xmlText(await zip.file('word/document.xml')!.async('string'));
    for (const x of made) expect(documentText).toContain(`“${x.quote.replace(/\s+/g, ' ').trim()}”`);
    for (const r of refs) expect(documentText).toContain(r);
    for (const h of header.slice(0, -1)) expect(documentText).toContain(h);
    expect(documentText).toContain(words);

    // The notes as W3C JSON, imported on another device: the same table.
    await visit(page, '/catatan/');
    await expect.poll(() => page.locator('[data-notes-list] li').count(), { timeout: 20_000 }).toBe(made.length);
    const json = await download(page, t.notes.exportJson);
    const tags = JSON.parse(json.toString('utf8')).first.items.map((a: { body?: unknown }) => a.body);
    expect(tags).toContainEqual({ type: 'TextualBody', value: 'metode', purpose: 'tagging' });
    expect(errors).toEqual([]);
    await context.close();

    const fresh = await openContext(browser(), { serviceWorkers: 'block' });
    const other = await fresh.context.newPage();
    await visit(other, '/catatan/');
    // The page's code has come (it says there are no notes yet): a file chosen before would be lost.
    await expect.poll(() => other.locator('[data-notes-list]').textContent()).toBe(t.notes.empty);
    await other.getByLabel(t.notes.importJson).setInputFiles({ name: 'catatan-saya.jsonld', mimeType: 'application/ld+json', buffer: json });
    await expect.poll(() => other.locator('[data-notes-status]').textContent()).toBe(t.notes.imported(made.length, 0));
    await visit(other, TABLE);
    await expect.poll(() => other.locator('.matrix-table tbody tr').count(), { timeout: 20_000 }).toBe(picked.length);
    await other.getByLabel(m.style).selectOption('chicago');
    expect(await snapshot(other)).toEqual(table);
    expect(await other.locator('.matrix-references li').allTextContents()).toEqual(refs);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });

  it('a chapter and a work page never load the table’s code', async () => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    const { path, work } = picked[0]!;
    await visit(page, path);
    await selectIn(page, 1); // the annotator loads; the table does not
    await expect.poll(() => page.getByRole('toolbar', { name: t.notes.toolbar }).isVisible(), { timeout: 20_000 }).toBe(true);
    await page.mouse.wheel(0, 2000);
    await visit(page, `/${work.slug}/`);
    expect(TABLE_CODE.length).toBeGreaterThan(0);
    expect(DOCX_CODE.length).toBeGreaterThan(0);
    expect(requests.filter((r) => TABLE_CODE.includes(r) || DOCX_CODE.includes(r) || r.startsWith(TABLE))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an empty table offers no export; bad stored table data is dropped with a message, not thrown', async () => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, TABLE);
    // Once the page has stored its (empty) table, the stored data is damaged.
    await expect.poll(() => page.locator('[data-matrix-table]').textContent()).toBe(m.empty);
    // An empty table offers no export.
    expect(await page.locator('[data-matrix-export]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-matrix-export]:enabled').count()).toBe(0);
    await page.evaluate(() => {
      localStorage.setItem('rb-tabel-penelitian', '{"rows": [rusak');
      localStorage.setItem('rb-tabel-penelitian-karya', '[1,2]');
    });
    await page.reload();
    await expect.poll(() => page.locator('[data-matrix-status]').textContent()).toBe(t.notes.storedBad(1));
    expect(await page.locator('[data-matrix-table]').textContent()).toBe(m.empty);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('adding a work waits for the stored table: its button is pressable only once the page has read it', async () => {
    // A press before that was lost (the table read from storage replaced the row it added).
    const off = await openContext(browser(), { javaScriptEnabled: false, serviceWorkers: 'block' });
    const still = await off.context.newPage();
    await visit(still, TABLE);
    expect(await still.locator('[data-matrix-add]').isDisabled()).toBe(true);
    await off.context.close();
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, TABLE);
    await expect.poll(() => page.locator('[data-matrix-table]').textContent()).toBe(m.empty);
    expect(await page.locator('[data-matrix-add]').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function withRows(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await visit(page, picked[0]!.path);
  for (const [i, tag] of TAGS.entries()) {
    await selectIn(page, i + 1);
    const toolbar = page.getByRole('toolbar', { name: t.notes.toolbar });
    await expect.poll(() => toolbar.isVisible(), { timeout: 20_000 }).toBe(true);
    await toolbar.getByLabel(m.column).selectOption(tag);
    await toolbar.getByRole('button', { name: t.notes.colours.green, exact: true }).click();
    await expect.poll(() => page.locator('.prose mark.hl').count(), { timeout: 20_000 }).toBeGreaterThan(i);
  }
  await visit(page, TABLE);
  await page.getByLabel(m.addWork).selectOption(picked.at(-1)!.work.slug);
  await page.getByRole('button', { name: m.addButton }).click();
  await expect.poll(() => page.locator('.matrix-table tbody tr').count(), { timeout: 20_000 }).toBe(picked.length);
  return page;
}

describe('removing from the table', () => {
  it('a quote’s ✕ clears its column (the highlight stays); a row’s ✕ keeps it out until the work is added again', async () => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await withRows(context);
    const work = picked[0]!.work.slug;
    const cell = page.locator(`tr[data-work="${work}"] td[data-tag="metode"] li`);
    expect(await cell.count()).toBe(1);
    await cell.getByRole('button', { name: m.quoteRemove }).click();
    await expect.poll(() => cell.count()).toBe(0);
    await visit(page, '/catatan/');
    await expect.poll(() => page.locator('[data-notes-list] li').count(), { timeout: 20_000 }).toBe(TAGS.length);
    expect((await page.locator('[data-notes-list] select').evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value))).filter((v) => !v)).toHaveLength(1);
    await visit(page, TABLE);
    const rows = page.locator('.matrix-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(picked.length);
    // The row of the work whose quote was cleared, by its work (not by place: the rows' order is the
    // reader's, and a loaded run once found another work's row first).
    const row = page.locator(`tr[data-work="${work}"]`);
    const name = (await row.locator('th').textContent())!;
    await row.getByRole('button', { name: m.rowRemove(name) }).click();
    await expect.poll(() => page.locator(`tr[data-work="${work}"]`).count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('[data-matrix-status]').count()).toBe(1);
    await expect.poll(() => page.locator(`tr[data-work="${work}"]`).count(), { timeout: 20_000 }).toBe(0);
    await page.getByLabel(m.addWork).selectOption(work);
    await page.getByRole('button', { name: m.addButton }).click();
    await expect.poll(() => page.locator(`tr[data-work="${work}"] td[data-tag] li`).count(), { timeout: 20_000 }).toBe(TAGS.length - 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each(['light', 'dark'] as const)('the table page, %s theme', (scheme) => {
  it('axe finds nothing, at 1280 px and 360 px, and a phone is not scrolled sideways', async () => {
    const { context, errors } = await openContext(browser(), { colorScheme: scheme, bypassCSP: true, serviceWorkers: 'block' }); // axe is injected inline
    const page = await withRows(context);
    const run = () => axe(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(await run()).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await expect.poll(() => page.locator('.matrix-table tbody tr').count(), { timeout: 20_000 }).toBe(picked.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await run(), 'at 360 px').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
