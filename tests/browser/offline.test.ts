// Reading offline within a data budget, as a reader meets it: with Save-Data nothing is saved but
// the page; otherwise the budgeted core (read from the build's own manifest) is saved; a work is
// saved on request and opens offline, a work not saved says so, removing it frees the space, a full
// device gives the message and leaves nothing. Updates: a deploy in the middle of the first copy
// never leaves two builds mixed; a code-only change downloads no page again; a text change is taken
// whole when the reader accepts it. Offline, an unknown address gives the 404 page and a chapter
// address without its slash gives the chapter.
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/id.ts';
import { en } from '../../src/i18n/en.ts';
import { offlineManifest, pageFilter } from '../../src/offline/build.ts';
import { FILE_LISTS } from '../../src/offline/revision.ts';
import { cacheName, cached, marked, packFiles, rebuild, saveWork, saved, status, untilInCharge, untilSaved } from '../support/offline.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { DIST, ROOT, works } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';

const library = works();
const browser = useBrowser();
const built = offlineManifest(DIST, ROOT).manifest;
const chapterUrl = (w: (typeof library)[number], i = 0) => `/${w.slug}/${w.chapters[i]!.slug}/`;

/** A copy of dist/ to change (a second build), removed after the tests. */
const copies: string[] = [];
function copyOfDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'rbntt-offline-'));
  cpSync(DIST, root, { recursive: true });
  copies.push(root);
  return root;
}
afterAll(() => {
  for (const c of copies) rmSync(c, { recursive: true, force: true });
});

async function withServer<T>(root: string | (() => string), fn: (context: BrowserContext, requests: string[]) => Promise<T>, delay?: (path: string) => number) {
  const server = await serveStatic(root, { delay });
  const { context } = await openContext(browser(), { baseURL: server.url });
  try {
    return await fn(context, server.requests);
  } finally {
    await context.close();
    await server.close();
  }
}

describe('offline within a data budget', () => {
  // Issue #26: on a weak link the core's copy (about 1 MB) would share the link with a first search.
  // The worker's script is held until the reader has begun a search, whose files are held in turn
  // until the core would long have started: no page of the core is asked for meanwhile, and once
  // the search has answered the copy begins.
  it('a search begun on a first visit has the link to itself: the core is copied once it has answered', async () => {
    const path = chapterUrl(library[0]!);
    let releaseWorker!: () => void;
    let releaseSearch!: () => void;
    const worker = new Promise<void>((resolve) => (releaseWorker = resolve));
    const search = new Promise<void>((resolve) => (releaseSearch = resolve));
    const server = await serveStatic(DIST, { delay: (p) => (p === '/sw.js' ? worker : p.startsWith('/pagefind/') ? search : 0) });
    const { context, errors } = await openContext(browser(), { baseURL: server.url });
    try {
      const page = await context.newPage();
      await visit(page, path);
      await page.locator('[data-search-box] input').first().fill('kemiskinan');
      await expect.poll(() => server.requests.some((p) => p.startsWith('/pagefind/'))).toBe(true);
      releaseWorker();
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      // Pages of the core other than this one, by the address the worker asks for them (the file's).
      const corePages = new Set(packFiles(built, 'core').filter((f) => f.endsWith('.html') && f !== `${path}index.html`));
      expect(corePages.size).toBeGreaterThan(0);
      const copied = () => server.requests.filter((p) => corePages.has(p));
      // Longer than the browser's idle callback waits (5 s at most) once the worker is ready.
      await page.waitForTimeout(6000);
      expect(copied()).toEqual([]);
      releaseSearch();
      await expect.poll(() => page.locator('[data-search-box] .search-hit').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => copied().length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      releaseWorker();
      releaseSearch();
      await context.close();
      await server.close();
    }
  });

  it('with Save-Data on, a first visit fetches only the page and what it needs', async () => {
    const path = chapterUrl(library[0]!);
    // What the page itself needs: the same visit with no service worker at all.
    const plain = await openContext(browser(), { serviceWorkers: 'block' });
    const needed = new Set<string>();
    plain.context.on('request', (r) => needed.add(new URL(r.url()).pathname));
    await visit(await plain.context.newPage(), path);
    // As long as the visit measured below: the browser fetches some of what the page needs after
    // "load" (the favicon), and a shorter baseline made the test fail at random on a busy machine.
    await new Promise((r) => setTimeout(r, 3000));
    await plain.context.close();

    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDataSaverOverride' as never, { dataSaverEnabled: true } as never);
    expect(await page.evaluate(() => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData)).toBe(true);
    const fetched: string[] = [];
    context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await visit(page, path);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Time for a background copy to start, if there were one.
    await page.waitForTimeout(3000);
    // Beside sw.js, the worker fetches at most the list of the opened work's files, to keep the page as visited.
    const lists = fetched.filter((p) => p.startsWith(`/${FILE_LISTS}/`));
    expect(fetched.filter((p) => !needed.has(p) && p !== '/sw.js' && !lists.includes(p))).toEqual([]);
    expect(
      lists.every((p) => p.startsWith(`/${FILE_LISTS}/id.${library[0]!.slug}.`)),
      lists.join(', '),
    ).toBe(true);
    expect(
      Object.values(await cached(page))
        .flat()
        .filter((p) => p.startsWith('/pagefind/')),
    ).toEqual([]);
    // A page opened once the worker is in charge (the first was fetched before it was) is kept as visited, and opens offline.
    await visit(page, path);
    await expect.poll(async () => (await cached(page))['rb-visited'] ?? []).toContain(`${path}index.html`);
    await context.setOffline(true);
    await visit(page, path);
    expect(await page.locator('h1').textContent()).toContain(library[0]!.chapters[0]!.title);
    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without Save-Data, saves the budgeted core and nothing else', async () => {
    const core = packFiles(built, 'core');
    const size = built.packs.core!.size;
    expect(size).toBeLessThanOrEqual(built.budget);
    expect(core).toEqual(expect.arrayContaining(['/index.html', '/404.html', '/luring/index.html', '/pagefind/pagefind.js']));
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, '/');
    await expect.poll(() => status(page).textContent()).toBe(t.offline.ready);
    const caches = await cached(page);
    // With the core, the filter of the build's pages (tells an unknown address offline) and the completion mark.
    expect(caches[cacheName(built, 'core')]).toEqual([...core, `/${pageFilter(built).filter.path}`, '/__rb/complete'].sort());
    // No work was saved: no chapter is on the device (only what was opened, as visited).
    const chapters = library.flatMap((w) => w.chapters.map((_, i) => chapterUrl(w, i) + 'index.html'));
    expect(
      Object.values(caches)
        .flat()
        .filter((p) => chapters.includes(p)),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves a work on request, opens its chapters offline, says a work not saved is not available; removing frees the space', async () => {
    const [work, other] = [library.at(-1)!, library[0]!];
    const { context, errors } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, '/');
    await untilSaved(page, cacheName(built, 'core'));
    const item = await saveWork(page, work.slug);
    // Its size is said before it is saved, then that it is saved.
    const kb = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: n < 10_000 ? 1 : 0 }).format(n / 1000);
    await untilSaved(page, cacheName(built, `id/${work.slug}`));
    await expect.poll(() => item.locator('[role="status"]').textContent()).toContain(kb(built.packs[`id/${work.slug}`]!.size));
    const before = await page.evaluate(() => navigator.storage.estimate().then((e) => e.usage ?? 0));

    await context.setOffline(true);
    for (let i = 0; i < work.chapters.length; i++) {
      await visit(page, chapterUrl(work, i));
      expect(await page.locator('h1').textContent()).toContain(work.chapters[i]!.title);
    }
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    // Search covers the library offline (its index is in the core).
    await page.keyboard.press('/');
    await page.keyboard.type('kemiskinan');
    await expect.poll(() => page.locator('.site-search .search-hit').count()).toBeGreaterThan(0);
    // A result whose page is not on the device (in no saved pack, never opened) says so; the others do not.
    const onDevice = new Set([...packFiles(built, 'core'), ...packFiles(built, `id/${work.slug}`), '/index.html', `/${work.slug}/index.html`]);
    await visit(page, '/cari/?q=kemiskinan');
    await expect.poll(() => page.locator('[data-search-page-results] > li').count()).toBeGreaterThan(1);
    const hits = () =>
      page.locator('[data-search-page-results] > li').evaluateAll((lis) =>
        lis.map((li) => ({
          path: new URL(li.querySelector('a')!.href).pathname,
          note: li.hasAttribute('data-not-saved') ? li.querySelector('.search-hit-offline')?.textContent : undefined,
        })),
      );
    const wrong = async () => (await hits()).filter((h) => h.note !== (onDevice.has(`${h.path}index.html`) ? undefined : t.search.notSaved));
    await expect.poll(wrong).toEqual([]);
    const found = await hits();
    expect(found.some((h) => h.note) && found.some((h) => !h.note)).toBe(true);
    // A work not saved: the site's own page says so.
    const notSaved = await visit(page, chapterUrl(other, other.chapters.length - 1));
    expect(notSaved.status()).toBe(503);
    expect(await page.locator('h1').textContent()).toBe(t.offlinePack.notSavedTitle);
    // Unknown address: the site's 404 page; a chapter without its slash: the chapter.
    const missing = await visit(page, `/${work.slug}/tidak-ada-bab-ini/`);
    expect(missing.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe(t.notFoundTitle);
    // The same whether or not the list that would name the address is on the device (a work not
    // saved, the files in no work, the English interface): the core's filter of the build's pages says.
    for (const unknown of [`/${other.slug}/tidak-ada-bab-ini/`, '/tidak-ada-halaman-ini/', `/en/${other.slug}/tidak-ada-bab-ini/`]) {
      expect((await visit(page, unknown)).status(), unknown).toBe(404);
      // In the interface language of the address (#23).
      expect(await page.locator('h1').textContent(), unknown).toBe(unknown.startsWith('/en/') ? en.notFoundTitle : t.notFoundTitle);
    }
    await visit(page, chapterUrl(work).replace(/\/$/, ''));
    expect(new URL(page.url()).pathname).toBe(chapterUrl(work));
    expect(await page.locator('h1').textContent()).toContain(work.chapters[0]!.title);

    await context.setOffline(false);
    await visit(page, `/${work.slug}/`);
    await item.getByRole('button', { name: t.offlinePack.remove }).click();
    await expect.poll(() => item.locator('[role="status"]').textContent()).toBe(t.offlinePack.removed);
    expect(Object.keys(await cached(page))).not.toContain(cacheName(built, `id/${work.slug}`));
    const after = await page.evaluate(() => navigator.storage.estimate().then((e) => e.usage ?? 0));
    expect(after).toBeLessThan(before);
    await context.setOffline(true);
    await visit(page, chapterUrl(work, 1 % work.chapters.length));
    expect(await page.locator('h1').textContent()).toBe(t.offlinePack.notSavedTitle);
    await context.setOffline(false);
    expect(errors.filter((e) => !/503|404|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  it('says so when the device is full, and leaves nothing half-saved', async () => {
    const work = library.reduce((a, b) => ((built.packs[`id/${b.slug}`]?.size ?? 0) > (built.packs[`id/${a.slug}`]?.size ?? 0) ? b : a));
    const { context } = await openContext(browser());
    const page = await context.newPage();
    await visit(page, '/');
    await untilSaved(page, cacheName(built, 'core'));
    const cdp = await context.newCDPSession(page);
    const usage = await page.evaluate(() => navigator.storage.estimate().then((e) => e.usage ?? 0));
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(page.url()).origin,
      quotaSize: usage + Math.round(built.packs[`id/${work.slug}`]!.size / 3),
    });
    const item = await saveWork(page, work.slug);
    await expect.poll(() => item.locator('[role="status"]').textContent()).toBe(t.offlinePack.quota);
    expect(Object.keys(await cached(page))).not.toContain(cacheName(built, `id/${work.slug}`));
    expect(await item.getByRole('button', { name: t.offlinePack.save }).isVisible()).toBe(true);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
    await context.close();
  });
});

/** A code-only change: one script chunk gets new content and a new name, every chapter names it (its one entry script, #26). */
function changeCode(root: string): string {
  const [logical, hashed] = Object.entries(built.assets).find(([l, h]) => h.endsWith('.js') && l.startsWith('_chapter_.astro_astro_type_script'))!;
  const renamed = logical.replace('\uE000', 'Zz9Yy8Xx');
  renameSync(join(root, '_astro', hashed), join(root, '_astro', renamed));
  writeFileSync(join(root, '_astro', renamed), readFileSync(join(root, '_astro', renamed), 'utf8') + '\n// changed\n');
  for (const f of Object.keys(built.files).filter((f) => f.endsWith('.html'))) {
    writeFileSync(join(root, f), readFileSync(join(root, f), 'utf8').replaceAll(hashed, renamed));
  }
  return renamed;
}

/** A change to the code fetched on demand (search, highlight, links): those chunks get new names, the old files are gone. */
function renameLazyChunks(root: string): string[] {
  const dir = join(root, '_astro');
  const lazy = readdirSync(dir).filter((f) => f.endsWith('.js') && !f.includes('_astro_type_script') && !f.startsWith('common.'));
  const names = new Map(lazy.map((f) => [f, f.replace(/\.([\w-]+)\.js$/, '.Zz$1.js')]));
  for (const [from, to] of names) renameSync(join(dir, from), join(dir, to));
  const texts = readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && /\.(html|js)$/.test(d.name));
  for (const d of texts) {
    const path = join(d.parentPath, d.name);
    const text = readFileSync(path, 'utf8');
    let next = text;
    for (const [from, to] of names) next = next.replaceAll(from, to);
    if (next !== text) writeFileSync(path, next);
  }
  return [...names.keys()];
}

/** Two tabs on the same build; the first accepts (or is given) an update, the second stays as it was. */
async function twoTabs(context: BrowserContext, saveData: boolean) {
  const tabs: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await context.newPage();
    if (saveData) await (await context.newCDPSession(page)).send('Emulation.setDataSaverOverride' as never, { dataSaverEnabled: true } as never);
    await visit(page, '/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    tabs.push(page);
  }
  // Both tabs controlled by the first build's worker: a tab it takes over only later counts the new
  // build's worker as its first, which says nothing (a loaded CI run waited 120 s for its note).
  for (const tab of tabs) await expect.poll(() => tab.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  return tabs as [Page, Page];
}

describe('updates', () => {
  it('a code-only change downloads no page again; the saved work opens offline with the new code', async () => {
    const root = copyOfDist();
    const work = library[0]!;
    await withServer(root, async (context, requests) => {
      const page = await context.newPage();
      await visit(page, '/');
      await untilSaved(page, cacheName(built, 'core'));
      await saveWork(page, work.slug);
      await untilSaved(page, cacheName(built, `id/${work.slug}`));
      const next = await rebuild(root, changeCode);
      const renamed = Object.values(next.assets).find((h) => h.includes('Zz9Yy8Xx'))!;
      const from = requests.length;
      await page.reload();
      await expect.poll(() => status(page).textContent()).toBe(t.offline.update);
      await untilSaved(page, cacheName(next, `id/${work.slug}`));
      const asked = requests.slice(from);
      expect(asked).toContain(`/_astro/${renamed}`);
      expect(asked.filter((p) => p.endsWith('/') || p.endsWith('.html'))).toEqual([]);

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: t.offline.reload }).click()]);
      await context.setOffline(true);
      await visit(page, chapterUrl(work));
      expect(await page.locator(`script[src="/_astro/${renamed}"]`).count()).toBe(1);
      expect(await page.locator('h1').textContent()).toContain(work.chapters[0]!.title);
      await context.setOffline(false);
    });
  });

  it('a text change is taken whole, when the reader accepts it', async () => {
    const root = copyOfDist();
    const work = library[0]!;
    await withServer(root, async (context) => {
      const page = await context.newPage();
      await visit(page, '/');
      await untilSaved(page, cacheName(built, 'core'));
      await saveWork(page, work.slug);
      await untilSaved(page, cacheName(built, `id/${work.slug}`));
      const changed = `${work.slug}/${work.chapters.at(-1)!.slug}/index.html`;
      const next = await rebuild(root, (r) => marked(r, changed, 'versi-baru'));
      await page.reload();
      await expect.poll(() => status(page).textContent()).toBe(t.offline.update);
      // Until accepted, the old build, even for the changed chapter.
      await context.setOffline(true);
      await visit(page, `/${changed.replace(/index\.html$/, '')}`);
      expect(await page.locator('#versi-baru').count()).toBe(0);
      await expect.poll(() => status(page).textContent()).toBe(t.offline.update);
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: t.offline.reload }).click()]);
      expect(await page.locator('#versi-baru').count()).toBe(1);
      await visit(page, chapterUrl(work));
      expect(await page.locator('h1').textContent()).toContain(work.chapters[0]!.title);
      // One copy of each pack: the old build's caches are gone.
      const names = Object.keys(await cached(page)).filter((n) => n.startsWith('rb-p-'));
      expect(names.sort()).toEqual([cacheName(next, 'core'), cacheName(next, `id/${work.slug}`)].sort());
      await context.setOffline(false);
    });
  });

  it('a deploy in the middle of the first copy never mixes two builds, and the copy resumes', async () => {
    const a = copyOfDist();
    const b = copyOfDist();
    const work = library[0]!;
    const changedPages = ['index.html', `${library.at(-1)!.slug}/index.html`];
    const next = await rebuild(b, (r) => changedPages.forEach((f) => marked(r, f, 'build-b')));
    let root = a;
    await withServer(
      () => root,
      async (context, requests) => {
        const page = await context.newPage();
        await visit(page, '/');
        // Deploy B as soon as the first copy has fetched its first page.
        await expect.poll(() => requests.includes(`/${work.slug}/index.html`)).toBe(true);
        root = b;
        await untilSaved(page, cacheName(next, 'core'), 120_000);
        await untilInCharge(page);
        expect(await saved(page, cacheName(built, 'core'))).toBe(false);
        // Each file of the search index came over the network once: what A's copy had is kept.
        const index = requests.filter((p) => p.startsWith('/pagefind/'));
        expect(index.length).toBe(new Set(index).size);
        await context.setOffline(true);
        for (const f of changedPages) {
          await visit(page, `/${f.replace(/index\.html$/, '')}`);
          expect(await page.locator('#build-b').count(), f).toBe(1);
        }
        await context.setOffline(false);
      },
      (p) => (root === a && !p.endsWith('sw.js') ? 150 : 0),
    );
  });
  it('a tab left on the old build keeps its search after another tab accepts an update (its code is kept one generation)', async () => {
    const root = copyOfDist();
    await withServer(root, async (context, requests) => {
      const [first, old] = await twoTabs(context, false);
      await untilSaved(first, cacheName(built, 'core'));
      const gone = renameLazyChunks(root);
      await rebuild(root, () => undefined);
      await first.reload();
      await expect.poll(() => status(first).textContent()).toBe(t.offline.update);
      await Promise.all([first.waitForEvent('load'), first.getByRole('button', { name: t.offline.reload }).click()]);
      // The old tab is told a new version is there, and its search still works, without a reload.
      await expect.poll(() => status(old).textContent()).toBe(t.offline.update);
      const from = requests.length;
      await old.keyboard.press('/');
      await old.keyboard.type('kemiskinan');
      await expect.poll(() => old.locator('.site-search .search-hit').count()).toBeGreaterThan(0);
      expect(new URL(old.url()).pathname).toBe('/');
      // Its code came from the device, not from the server (which no longer has it).
      expect(requests.slice(from).filter((p) => gone.some((g) => p.endsWith(g)))).toEqual([]);
    });
  });

  it("a tab on the old build whose search code is on no device and gone from the server reloads into the new build's search", async () => {
    const root = copyOfDist();
    await withServer(root, async (context) => {
      // Save-Data: nothing saved, so the old code is nowhere but in the old build.
      const [first, old] = await twoTabs(context, true);
      renameLazyChunks(root);
      await rebuild(root, () => undefined);
      await first.reload();
      // Nothing saved: the new worker takes over at once, and the old tab offers to reload.
      await expect.poll(() => status(old).textContent()).toBe(t.offline.update);
      await old.locator('.site-search input').fill('kemiskinan');
      await expect.poll(() => new URL(old.url()).pathname).toBe('/cari/');
      expect(new URL(old.url()).searchParams.get('q')).toBe('kemiskinan');
      await expect.poll(() => old.locator('[data-search-page-results] > li').count()).toBeGreaterThan(0);
    });
  });
});
