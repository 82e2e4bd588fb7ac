// Highlights and notes as a reader meets them, on the built site in Chromium: highlight with the
// mouse and add a note; reload offline (the work saved for reading offline) and see both; a rebuild that changed the paragraph above
// (and the ids) leaves the highlight on its words; a rebuild that removed its words says so, on
// the chapter and on "Catatan saya"; export Markdown and W3C JSON and import the JSON into a fresh
// profile (twice: no duplicates); a bad file and bad stored data give a message; keyboard only;
// axe with highlights shown.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/id.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { DIST, readBuilt, works } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';
import { axe } from '../support/axe.ts';

const browser = useBrowser();
const s = t.notes;

// The chapter of the first work with the most body paragraphs (read from the built pages).
const work = works()[0]!;
const paragraphCount = (slug: string) => (readBuilt(`/${work.slug}/${slug}/`).match(/<p id="p-[0-9a-f]{8}"/g) ?? []).length;
const chapter = [...work.chapters].sort((a, b) => paragraphCount(b.slug) - paragraphCount(a.slug))[0]!;
const PATH = `/${work.slug}/${chapter.slug}/`;
const paragraphs = (page: Page) => page.locator('.prose > p[id^="p-"]');
const marks = (page: Page) => page.locator('.prose mark.hl');

/**
 * Selects words of the n-th body paragraph that has a long enough run of plain text, as a program
 * would (the mouse and keyboard paths are tested apart).
 */
async function selectIn(page: Page, n: number, from = 10, length = 60) {
  await page.evaluate(
    ([n, from, length]) => {
      const runs = [...document.querySelectorAll('.prose > p[id^="p-"]')].map((p) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => (node.parentElement?.closest('a, sup') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        let node = walker.nextNode() as Text | null;
        while (node && node.data.length < from! + length!) node = walker.nextNode() as Text | null;
        return node;
      });
      const node = runs.filter(Boolean)[n!];
      if (!node) throw new Error('no text node long enough');
      const r = document.createRange();
      r.setStart(node, from!);
      r.setEnd(node, from! + length!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    },
    [n, from, length],
  );
}

async function highlight(page: Page, colour = s.colours.yellow) {
  const before = await marks(page).count();
  await page.getByRole('toolbar', { name: s.toolbar }).getByRole('button', { name: colour, exact: true }).click();
  await expect.poll(() => marks(page).count()).toBeGreaterThan(before);
}

/** The automatic core (with "Catatan saya", src/offline/build.ts) is saved. */
async function untilOfflineReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.locator('[data-offline-status] [role="status"]').textContent()).toBe(t.offline.ready);
}

/** Saves the work for reading offline, as a reader does on its page (src/offline/), and waits until it is. */
async function saveForOffline(page: Page) {
  await visit(page, `/${work.slug}/`);
  await page.locator(`[data-offline-pack="id/${work.slug}"]`).getByRole('button', { name: t.offlinePack.save }).click();
  const saved = () =>
    page.evaluate(async (slug) => {
      for (const name of await caches.keys())
        if (name.startsWith(`rb-p-id/${slug}-`) && (await caches.match('/__rb/complete', { cacheName: name }))) return true;
      return false;
    }, work.slug);
  await expect.poll(saved).toBe(true);
}

describe('highlights and notes', () => {
  it('highlight by mouse, add a note, reload offline: both are there; export and import into a fresh profile', async () => {
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    await saveForOffline(page);
    await visit(page, PATH);
    await untilOfflineReady(page);

    // The mouse: a double click selects a word, the toolbar offers the colours.
    const target = paragraphs(page).nth(2);
    await target.dblclick();
    const toolbar = page.getByRole('toolbar', { name: s.toolbar });
    await expect.poll(() => toolbar.isVisible()).toBe(true);
    const word = (await page.evaluate(() => getSelection()!.toString())).trim();
    expect(word.length).toBeGreaterThan(0);
    await highlight(page, s.colours.green);
    expect((await marks(page).first().textContent())!.trim()).toBe(word);
    expect(await marks(page).first().getAttribute('class')).toContain('hl-green');

    // A note: click the highlight, write, save.
    await marks(page).first().click();
    const editor = page.locator('dialog.note-editor');
    await expect.poll(() => editor.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await editor.getByLabel(s.note).fill('Bandingkan dengan data BPS.');
    await editor.getByRole('button', { name: s.save }).click();
    await expect.poll(() => page.locator('.my-notes-list').textContent()).toContain('Bandingkan dengan data BPS.');
    // The note keeps its place in the library's reading order (the work's and the chapter's order in content/).
    const stored = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = indexedDB.open('ruang-baca-catatan');
          req.onsuccess = () => {
            const all = req.result.transaction('catatan').objectStore('catatan').getAll();
            all.onsuccess = () => (req.result.close(), resolve(all.result));
            all.onerror = () => reject(all.error ?? new Error('getAll failed'));
          };
          req.onerror = () => reject(req.error ?? new Error('open failed'));
        }),
    );
    expect((stored as { rank?: number[] }[]).map((n) => n.rank)).toEqual([[work.order, chapter.order]]);

    // Offline, a reload: the highlight and its note come back from this device.
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => marks(page).count()).toBe(1);
    expect((await marks(page).first().textContent())!.trim()).toBe(word);
    expect(await marks(page).first().getAttribute('class')).toContain('has-note');
    expect(await page.locator('.my-notes-list').textContent()).toContain('Bandingkan dengan data BPS.');

    // "Catatan saya", offline: grouped by work and chapter, with a link back to the passage.
    await page.getByRole('link', { name: s.nav }).first().click();
    await page.waitForURL('**/catatan/');
    const list = page.locator('[data-notes-list]');
    await expect.poll(() => list.locator('li').count()).toBe(1);
    expect(await list.locator('h2').textContent()).toBe(work.title);
    expect(await list.locator('h3').textContent()).toContain(chapter.title);
    // Search within them.
    await page.getByLabel(s.searchLabel).fill('bps');
    expect(await list.locator('li').count()).toBe(1);
    await page.getByLabel(s.searchLabel).fill('zzzz-tidak-ada');
    expect(await list.locator('li').count()).toBe(0);
    await page.getByLabel(s.searchLabel).fill('');
    const back = list.getByRole('link', { name: s.openPassage });
    await back.click();
    await page.waitForURL((u) => u.pathname === PATH && u.searchParams.has('catatan'));
    await expect.poll(() => page.locator('.prose mark.hl-target').count()).toBeGreaterThan(0);
    const citation = (await page.locator('.citation-text[data-style="apa"]').textContent())!.trim();
    const paraId = await page
      .locator('.prose mark.hl')
      .first()
      .evaluate((m) => m.closest('p')!.id);
    await context.setOffline(false);

    // Export: Markdown with quote, note, citation and the paragraph link; W3C Web Annotation JSON.
    await visit(page, '/catatan/');
    await expect.poll(() => list.locator('li').count()).toBe(1);
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: s.exportMarkdown }).click()]);
    const markdown = readFileSync(await md.path(), 'utf8');
    expect(markdown).toContain(`> ${word}`);
    expect(markdown).toContain(`${s.note}: Bandingkan dengan data BPS.`);
    expect(markdown).toContain(citation);
    expect(markdown).toMatch(new RegExp(`<https?://[^>]+${PATH}#${paraId}>`));
    const [js] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: s.exportJson }).click()]);
    const jsonText = readFileSync(await js.path(), 'utf8');
    const jsonFile = { name: 'catatan-saya.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(jsonText) };
    const json = JSON.parse(jsonText);
    expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const a = json.first.items[0];
    expect(a.type).toBe('Annotation');
    expect(new URL(a.target.source).pathname).toBe(PATH);
    expect(a.target.selector.find((x: { type: string }) => x.type === 'TextQuoteSelector').exact.trim()).toBe(word);
    expect(a.target.selector.find((x: { type: string }) => x.type === 'FragmentSelector').value).toBe(paraId);
    expect(a.body).toMatchObject({ type: 'TextualBody', value: 'Bandingkan dengan data BPS.' });
    expect(errors).toEqual([]);
    await context.close();

    // Another device: a fresh profile imports the file, twice (no duplicate), and a bad file.
    const fresh = await openContext(browser(), { serviceWorkers: 'block' });
    const other = await fresh.context.newPage();
    await visit(other, '/catatan/');
    const status = other.locator('[data-notes-status]');
    await expect.poll(() => other.locator('[data-notes-list]').textContent()).toContain(s.empty);
    await other.getByLabel(s.importJson).setInputFiles(jsonFile);
    await expect.poll(() => status.textContent()).toBe(s.imported(1, 0));
    await other.getByLabel(s.importJson).setInputFiles(jsonFile);
    await expect.poll(() => status.textContent()).toBe(s.imported(0, 1));
    expect(await other.locator('[data-notes-list] li').count()).toBe(1);
    await other.getByLabel(s.importJson).setInputFiles({ name: 'rusak.json', mimeType: 'application/json', buffer: Buffer.from('{"bukan": json') });
    await expect.poll(() => status.textContent()).toBe(s.importFailed);
    // The imported note finds its passage on the chapter.
    await visit(other, PATH);
    await expect.poll(() => marks(other).count()).toBe(1);
    expect((await marks(other).first().textContent())!.trim()).toBe(word);
    // Delete all, after a confirmation (declined first: nothing goes).
    await visit(other, '/catatan/');
    await expect.poll(() => other.locator('[data-notes-list] li').count()).toBe(1);
    other.once('dialog', (d) => void d.dismiss());
    await other.getByRole('button', { name: s.clearAll }).click();
    expect(await other.locator('[data-notes-list] li').count()).toBe(1);
    other.once('dialog', (d) => void d.accept());
    await other.getByRole('button', { name: s.clearAll }).click();
    await expect.poll(() => status.textContent()).toBe(s.cleared);
    expect(await other.locator('[data-notes-list] li').count()).toBe(0);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });

  it('a rebuild that changed the paragraph above (and the ids) keeps the highlight on its words; one that removed them says so', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rbntt-notes-'));
    cpSync(DIST, root, { recursive: true });
    const server = await serveStatic(root);
    const { context, errors } = await openContext(browser(), { baseURL: server.url, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await visit(page, PATH);
      await selectIn(page, 2);
      const quote = await page.evaluate(() => getSelection()!.toString());
      await expect.poll(() => page.getByRole('toolbar', { name: s.toolbar }).isVisible()).toBe(true);
      await highlight(page);
      const [above, own] = await marks(page)
        .first()
        .evaluate((m) => {
          const all = [...document.querySelectorAll('.prose > p[id^="p-"]')];
          const p = m.closest('p')!;
          return [all[all.indexOf(p) - 1]!.id, p.id];
        });

      // The next build: the paragraph above gains a sentence (so its id changes), and the highlighted
      // paragraph's id changes too (as a change of id rules would do), its words staying.
      const file = join(root, PATH, 'index.html');
      const original = readFileSync(file, 'utf8');
      const end = original.indexOf('</p>', original.indexOf(`id="${above}"`));
      let next = `${original.slice(0, end)} Kalimat yang ditambahkan penyunting.${original.slice(end)}`;
      next = next.replace(`id="${above}"`, 'id="p-aaaaaaaa"').replace(`id="${own}"`, 'id="p-bbbbbbbb"');
      writeFileSync(file, next);
      await page.reload();
      await expect.poll(() => marks(page).count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => [...document.querySelectorAll('.prose mark.hl')].map((m) => m.textContent).join(''))).toBe(quote);
      expect(
        await marks(page)
          .first()
          .evaluate((m) => m.closest('p')!.id),
      ).toBe('p-bbbbbbbb');
      expect(await page.locator('.my-notes-orphans').isHidden()).toBe(true);

      // A build without those words: the chapter says so and keeps the note; so does Catatan saya.
      const start = next.lastIndexOf('<p ', next.indexOf('id="p-bbbbbbbb"'));
      writeFileSync(file, next.slice(0, start) + next.slice(next.indexOf('</p>', start) + 4));
      await page.reload();
      await expect.poll(() => page.locator('.my-notes-orphans').isVisible()).toBe(true);
      expect(await page.locator('.my-notes-orphans').textContent()).toBe(s.orphans);
      expect(await marks(page).count()).toBe(0);
      expect(await page.locator('.my-note.orphan').textContent()).toContain(s.orphanLabel);
      await visit(page, '/catatan/');
      await expect.poll(() => page.locator('[data-notes-list] li.orphan').count()).toBe(1);
      expect(await page.locator('[data-notes-list] li.orphan').textContent()).toContain(s.orphanLabel);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("keyboard only: Tab to the text's marks, arrow down to a paragraph mark, H, Enter highlights the paragraph", async () => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, PATH);
    // The # and ¶ marks are one Tab stop; the arrow keys move between them.
    let onMark = false;
    for (let i = 0; i < 40 && !onMark; i++) {
      await page.keyboard.press('Tab');
      onMark = await page.evaluate(() => !!document.activeElement?.matches('.prose a.self-link'));
    }
    expect(onMark).toBe(true);
    // The arrow keys move once the marks' code has come (a loaded run pressed them all before it had):
    // pressed until a paragraph mark has the focus.
    const onParagraphMark = () => page.evaluate(() => !!document.activeElement?.matches('.prose .para-anchor'));
    await expect
      .poll(async () => {
        if (await onParagraphMark()) return true;
        await page.keyboard.press('ArrowDown');
        return onParagraphMark();
      })
      .toBe(true);
    const text = await page.evaluate(() => {
      const p = document.activeElement!.closest('p')!;
      return [...p.childNodes]
        .filter((n) => n !== document.activeElement)
        .map((n) => n.textContent)
        .join('');
    });
    await page.keyboard.press('h');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.hl-toolbar'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => marks(page).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('.prose mark.hl')].map((m) => m.textContent).join(''))).toBe(text);
    // The chapter's list of notes reaches the editor by keyboard as well.
    await page.locator('.my-notes-list button', { hasText: s.edit }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('dialog.note-editor').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.type('catatan dari papan ketik');
    await page.locator('dialog.note-editor').getByRole('button', { name: s.save }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.my-notes-list').textContent()).toContain('catatan dari papan ketik');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('bad stored data is reported, not thrown', async () => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, '/catatan/');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('ruang-baca-catatan', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('catatan', { keyPath: 'id' });
          req.onsuccess = () => {
            const tx = req.result.transaction('catatan', 'readwrite');
            tx.objectStore('catatan').put({ id: 'rusak', quote: 42 });
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error ?? new Error('put failed'));
          };
        }),
    );
    await page.reload();
    await expect.poll(() => page.locator('[data-notes-status]').textContent()).toBe(s.storedBad(1));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each(['light', 'dark'] as const)('axe with highlights shown, %s theme', (scheme) => {
  it('finds nothing on the chapter (every colour, a note, the list) nor on Catatan saya', async () => {
    const { context } = await openContext(browser(), { colorScheme: scheme, bypassCSP: true, serviceWorkers: 'block' }); // axe is injected inline
    const page = await context.newPage();
    await visit(page, PATH);
    for (const [i, colour] of Object.values(s.colours).entries()) {
      await selectIn(page, i + 1, 5, 30);
      await expect.poll(() => page.getByRole('toolbar', { name: s.toolbar }).isVisible()).toBe(true);
      await highlight(page, colour);
    }
    const run = () => axe(page);
    expect(await run()).toEqual([]);
    await selectIn(page, 8, 5, 20);
    await expect.poll(() => page.getByRole('toolbar', { name: s.toolbar }).isVisible()).toBe(true);
    expect(await run(), 'with the toolbar shown').toEqual([]);
    await marks(page).first().click();
    expect(await run(), 'with the note editor open').toEqual([]);
    await page.keyboard.press('Escape');
    await visit(page, '/catatan/');
    await expect.poll(() => page.locator('[data-notes-list] li').count()).toBe(4);
    expect(await run(), 'Catatan saya').toEqual([]);
    await context.close();
  });
});
