// The site as a university publishes it: Debian's nginx serving the build through the snippet the
// build wrote (src/deploy/nginx.ts), at the domain's root (dist/) and under a sub-path (a second
// build, with BASE_PATH=/ruang-baca/). Each kind of file gets its Cache-Control, Content-Type and
// Content-Encoding (Brotli when asked, gzip else); an unknown address the 404 page and a folder
// without its slash a redirect; the pages run under the CSP header with no violation; and the
// reader's offline features work there as on `npm start`: the core is saved, a work is saved and
// read offline, search works, and a second build deployed into the same folder is installed whole
// when the reader presses "Muat versi baru".
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/id.ts';
import { withBase } from '../../src/base-path.ts';
import { CSP_HEADER } from '../../src/security/csp.ts';
import { loadLibrary } from '../../src/bibliography/library.ts';
import { ENTRY_DOWNLOADS_ANCHOR } from '../../src/routes.ts';
import { entryPage } from '../support/bibliography-pages.ts';
import { offlineManifest } from '../../src/offline/build.ts';
import { FILE_LISTS } from '../../src/offline/revision.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { BUILD_TIMEOUT, buildIn, fixtureSite } from '../support/fixture-build.ts';
import { startNginx, type Nginx } from '../support/nginx.ts';
import { cacheName, marked, rebuild, saveWork, status, untilSaved } from '../support/offline.ts';
import { DIST, ROOT, works } from '../support/site.ts';

const SUB_PATH = '/ruang-baca/';
const library = works();
const browser = useBrowser();
const temporary: string[] = [];

/** A copy of a build to serve (the update test changes it). */
function copyOf(site: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rbntt-deploy-'));
  cpSync(site, dir, { recursive: true });
  temporary.push(dir);
  return dir;
}

/**
 * The sub-path build: the project built again with BASE_PATH (one extra build per test run), or
 * one made before (RB_SUBPATH_BUILD=<its dist/>, when working on these tests).
 */
let subPathBuild: string | undefined = process.env.RB_SUBPATH_BUILD;
beforeAll(() => {
  if (subPathBuild) return;
  const dir = fixtureSite({}, { withContent: true });
  temporary.push(dir);
  // Without .br/.gz copies (Brotli at its best would double the build's time here): the root build
  // (dist/, npm run build's) has them, and the same snippet serves them under either base.
  // NODE_ENV as `npm run build` has it: vitest's "test" makes Vite build a non-production site,
  // whose pages never register the service worker (import.meta.env.PROD).
  const run = buildIn(dir, { BASE_PATH: SUB_PATH, NODE_ENV: 'production' });
  if (run.status !== 0) throw new Error(`the build with BASE_PATH=${SUB_PATH} failed:\n${run.output.slice(-3000)}`);
  subPathBuild = join(dir, 'dist');
}, BUILD_TIMEOUT);
afterAll(() => {
  for (const d of temporary) rmSync(d, { recursive: true, force: true });
});

const chapterPath = (w: (typeof library)[number], i = 0) => `/${w.slug}/${w.chapters[i]!.slug}/`;
/** A file of each kind in a build (paths under the base). */
function samples(site: string) {
  const all = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(site.length + 1));
  const one = (re: RegExp) => {
    const f = all.find((p) => re.test(p));
    if (!f) throw new Error(`no file like ${re} in the build`);
    return f;
  };
  return { all, one };
}

describe.each([
  { name: 'at the domain root', base: '/', site: () => DIST },
  { name: `under ${SUB_PATH}`, base: SUB_PATH, site: () => subPathBuild! },
])('nginx $name', ({ base, site }) => {
  let root: string;
  let nginx: Nginx;
  const at = (path: string) => `${nginx.origin}${withBase(path, base)}`;
  beforeAll(async () => {
    root = copyOf(site());
    nginx = await startNginx(root, base);
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  it('sends each kind of file with its type, its caching and its precompressed copy', async () => {
    const { one } = samples(root);
    const kinds: { path: string; type: RegExp; cache: RegExp; compressed: boolean }[] = [
      { path: '/', type: /^text\/html; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: chapterPath(library[0]!), type: /^text\/html; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: '/sw.js', type: /^text\/javascript; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: `/${one(new RegExp(`^${FILE_LISTS}/.*\\.json$`))}`, type: /^application\/json; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: '/manifest.webmanifest', type: /^application\/manifest\+json; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: `/${one(/^_astro\/common\.[\w-]+\.js$/)}`, type: /^text\/javascript; charset=utf-8$/, cache: /immutable/, compressed: true },
      { path: `/${one(/^_astro\/.*\.css$/)}`, type: /^text\/css; charset=utf-8$/, cache: /immutable/, compressed: true },
      { path: `/${one(/^pagefind\/.*\.pf_meta$/)}`, type: /^application\/octet-stream$/, cache: /immutable/, compressed: false },
      { path: `/${one(/^pagefind\/index\/.*\.pf_index$/)}`, type: /^application\/octet-stream$/, cache: /immutable/, compressed: false },
      { path: `/${one(/^pagefind\/fragment\/.*\.pf_fragment$/)}`, type: /^application\/octet-stream$/, cache: /immutable/, compressed: false },
      { path: '/pagefind/pagefind.js', type: /^text\/javascript; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: `/${one(/\.epub$/)}`, type: /^application\/epub\+zip$/, cache: /^no-cache$/, compressed: false },
      { path: `/${one(/\.bib$/)}`, type: /^application\/x-bibtex; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: `/${one(/\.ris$/)}`, type: /^application\/x-research-info-systems; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: `/${one(/\.csv$/)}`, type: /^text\/csv; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: '/sitemap.xml', type: /^application\/xml; charset=utf-8$/, cache: /^no-cache$/, compressed: true },
      { path: '/icons/icon-192.png', type: /^image\/png$/, cache: /max-age=604800/, compressed: false },
      { path: '/favicon.svg', type: /^image\/svg\+xml; charset=utf-8$/, cache: /max-age=604800/, compressed: true },
    ];
    const wrong: string[] = [];
    for (const k of kinds) {
      const file = join(root, k.path.endsWith('/') ? `${k.path}index.html` : k.path);
      const plain = readFileSync(file);
      for (const encoding of ['br', 'gzip', 'identity']) {
        const res = await fetch(at(k.path), { headers: { 'accept-encoding': encoding === 'br' ? 'br, gzip' : encoding } });
        const body = Buffer.from(await res.arrayBuffer());
        const h = (n: string) => res.headers.get(n) ?? '';
        const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        const expected = k.compressed && encoding !== 'identity' && existsSync(copy) ? encoding : '';
        // Node's fetch decodes the body; what was sent is the precompressed copy, by its length.
        const sent = expected ? statSync(copy).size : plain.length;
        const problems = [
          res.status !== 200 && `status ${res.status}`,
          !k.type.test(h('content-type')) && `type ${h('content-type')}`,
          !k.cache.test(h('cache-control')) && `cache ${h('cache-control')}`,
          h('content-encoding') !== expected && `encoding "${h('content-encoding')}" (expected "${expected}")`,
          !body.equals(plain) && 'body differs from the file',
          Number(h('content-length')) !== sent && `sent ${h('content-length')} bytes, not ${sent}`,
          h('content-security-policy') !== CSP_HEADER && 'no CSP header',
        ].filter(Boolean);
        if (problems.length) wrong.push(`${k.path} (${encoding}): ${problems.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
    // npm run build's copies are there (the sub-path build here is made without them).
    if (base === '/') expect(existsSync(join(root, 'index.html.br')) && existsSync(join(root, 'index.html.gz'))).toBe(true);
  });

  it('answers an unknown address with the 404 page, a folder without its slash with a redirect, and hides the server files', async () => {
    const missing = await fetch(at(`/${library[0]!.slug}/tidak-ada-bab-ini/`));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(t.notFoundTitle);
    expect(missing.headers.get('content-security-policy')).toBe(CSP_HEADER);
    const slashless = await fetch(at(chapterPath(library[0]!)).replace(/\/$/, ''), { redirect: 'manual' });
    expect(slashless.status).toBe(301);
    expect(new URL(slashless.headers.get('location')!, nginx.origin).pathname).toBe(withBase(chapterPath(library[0]!), base));
    for (const f of ['/_server/nginx.conf', '/_headers', '/_redirects']) expect((await fetch(at(f))).status, f).toBe(404);
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
  });

  it("sends an entry's retired .bib and .ris addresses to the entry's page, which offers both", async () => {
    const key = loadLibrary(ROOT).references[0]!.id;
    for (const format of ['bib', 'ris']) {
      const res = await fetch(at(`/daftar-pustaka/entri/${key}.${format}`), { redirect: 'manual' });
      expect(res.status, format).toBe(301);
      const to = new URL(res.headers.get('location')!, at('/'));
      expect(to.pathname + to.hash).toBe(`${withBase(entryPage(key), base)}#${ENTRY_DOWNLOADS_ANCHOR}`);
      const entry = await fetch(to);
      expect(entry.status).toBe(200);
      expect(await entry.text()).toContain(`download="${key}.${format}"`);
    }
  });

  it("leads an entry page's old English address to the entry's page, under the base", async () => {
    const key = loadLibrary(ROOT).references[0]?.id;
    if (!key) return;
    const { context, errors } = await openContext(browser(), { baseURL: nginx.origin, serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, at(entryPage(key, '/en')));
    await expect.poll(() => new URL(page.url()).pathname).toBe(withBase(entryPage(key), base));
    await expect.poll(() => page.locator(`[id="${key}"]`).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs the pages under the CSP header without a violation, and search finds the works', async () => {
    const { context, errors } = await openContext(browser(), { baseURL: nginx.origin, serviceWorkers: 'block' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    for (const path of ['/', chapterPath(library[0]!), `/${library[0]!.slug}/`, '/daftar-pustaka/', '/data/']) {
      const res = await visit(page, at(path));
      expect(res.status(), path).toBe(200);
    }
    await visit(page, at('/cari/?q=kemiskinan'));
    await expect.poll(() => page.locator('[data-search-page-results] > li').count()).toBeGreaterThan(0);
    // A result leads to a page of this build, under its base.
    const href = await page.locator('[data-search-page-results] > li a').first().getAttribute('href');
    expect(href!.startsWith(base)).toBe(true);
    expect((await fetch(new URL(href!, nginx.origin))).status).toBe(200);
    expect(violations).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves the core and a work, reads it offline, gives the 404 page offline, and installs a second build whole', async () => {
    const built = offlineManifest(root, ROOT).manifest;
    const work = library.at(-1)!;
    const { context, errors } = await openContext(browser(), { baseURL: nginx.origin });
    const page = await context.newPage();
    await visit(page, at('/'));
    await untilSaved(page, cacheName(built, 'core'), 90_000, base);
    await saveWork(page, work.slug, 'id', base);
    await untilSaved(page, cacheName(built, `id/${work.slug}`), 90_000, base);

    await context.setOffline(true);
    for (let i = 0; i < work.chapters.length; i++) {
      await visit(page, at(chapterPath(work, i)));
      expect(await page.locator('h1').textContent()).toContain(work.chapters[i]!.title);
    }
    const missing = await visit(page, at(`/${work.slug}/tidak-ada-bab-ini/`));
    expect(missing.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe(t.notFoundTitle);
    await context.setOffline(false);

    // A second build deployed into the same folder: a text change to the work's last chapter.
    const changed = `${work.slug}/${work.chapters.at(-1)!.slug}/index.html`;
    const next = await rebuild(root, (r) => marked(r, changed, 'versi-baru'), base);
    // What the second build changed has no precompressed copy of the first left beside it (a real
    // deploy copies the new build's own).
    for (const f of ['sw.js', changed, ...readdirSync(join(root, FILE_LISTS)).map((n) => `${FILE_LISTS}/${n}`)])
      for (const ext of ['.br', '.gz']) rmSync(join(root, f + ext), { force: true });
    await page.reload();
    await expect.poll(() => status(page).textContent()).toBe(t.offline.update);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: t.offline.reload }).click()]);
    await context.setOffline(true);
    await visit(page, at(`/${changed.replace(/index\.html$/, '')}`));
    expect(await page.locator('#versi-baru').count()).toBe(1);
    const names = await page.evaluate(() => caches.keys());
    expect(names.filter((n) => n.startsWith('rb-p-')).sort()).toEqual([cacheName(next, 'core'), cacheName(next, `id/${work.slug}`)].sort());
    await context.setOffline(false);
    expect(errors.filter((e) => !/503|404|Failed to load resource/.test(e))).toEqual([]);
    expect(nginx.errors()).not.toMatch(/\[(emerg|alert|crit)\]/);
    await context.close();
  }, 300_000);
});
