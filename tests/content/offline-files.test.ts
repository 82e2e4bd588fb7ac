// What the build ships for offline reading and installing: an offline manifest that lists every
// built file with a revision that changes with its content (a page's with its text, not with the
// names of the code it loads), the automatic core within its budget, one pack per work and
// interface language holding all its pages; a service worker that carries the core's files and
// the hashes of the lists the others are in (dist/_offline/); a web app manifest; a search index
// without extras.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/id.ts';
// DOWNLOADS: the EPUBs, the data zip and source maps, files a reader downloads, never saved for offline reading.
import { DOWNLOADS, NOT_IN_CORE, offlineManifest, workerManifest } from '../../src/offline/build.ts';
import { FILE_LISTS, FILES_PER_OTHER_LIST, groupOf, invert, isPage, listHash, listPath, normalizePage, type FileList } from '../../src/offline/revision.ts';
import { DIST, ROOT, builtPages, readBuilt, works } from '../support/site.ts';
import { SERVER_FILES } from '../../src/deploy/server-files.ts';

const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => relative(DIST, join(d.parentPath, d.name)))
  // What the build writes for the web server (src/deploy/: its snippet, the .br and .gz copies) is no file of the site.
  .filter((f) => !SERVER_FILES.test(f))
  .sort();
const { manifest, warnings, leftOut } = offlineManifest(DIST, ROOT);
const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex').slice(0, 16);

describe('service worker', () => {
  it('is the one the build wrote, with this manifest inside', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).toContain(manifest.build);
    for (const p of Object.values(manifest.packs)) expect(sw).toContain(p.hash);
    expect(warnings).toEqual([]);
  });

  it('lists every built file: pages, styles, scripts, data, icons and the search index', () => {
    // The EPUBs and the data zip are downloads the reader asks for, never saved for offline reading.
    expect(Object.keys(manifest.files).sort()).toEqual(files.filter((f) => f !== 'sw.js' && !f.startsWith(`${FILE_LISTS}/`) && !DOWNLOADS.test(f)));
    for (const page of builtPages()) expect(manifest.files[page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1)], page).toBeDefined();
  });

  it('gives each file the hash of its content; a page’s with its code names made logical', () => {
    const logical = invert(manifest.assets);
    for (const [f, [rev, size]] of Object.entries(manifest.files)) {
      const bytes = readFileSync(join(DIST, f));
      expect(size, f).toBe(bytes.length);
      expect(rev, f).toBe(sha(isPage(f) ? normalizePage(bytes.toString('utf8'), logical) : bytes));
    }
  });

  it('keeps the automatic core within its budget: shell, home, search index, 404 and the not-saved page', () => {
    const core = Object.keys(manifest.files).filter((f) => manifest.files[f]![2] === 'core');
    expect(manifest.packs.core!.size).toBeLessThanOrEqual(manifest.budget);
    for (const f of ['index.html', '404.html', 'luring/index.html', 'cari/index.html']) expect(core).toContain(f);
    const fallback = (f: string) => NOT_IN_CORE.some((r) => r.test(f));
    for (const f of files.filter((f) => /^_astro\//.test(f) && !fallback(f))) expect(core, f).toContain(f);
    // Search is in whole, or the build said what of it it left out (the core is full: src/offline/build.ts).
    for (const f of files.filter((f) => /^pagefind\//.test(f))) expect(core.includes(f) || leftOut.some((l) => /search/.test(l)), f).toBe(true);
    // The device-only pages ("Catatan saya", the previous-studies table) are in, in both interfaces.
    for (const f of ['catatan/index.html', 'en/catatan/index.html', 'penelitian-terdahulu/index.html', 'en/penelitian-terdahulu/index.html']) expect(core).toContain(f);
    // Left out: only Chart.js on the page, the fallback of browsers without the chart worker, which is
    // in, and the Word export's library (src/matrix/browser/docx.ts), fetched when a .docx is asked for.
    const left = files.filter(fallback);
    expect(left).toHaveLength(2);
    const text = (f: string) => readFileSync(join(DIST, f), 'utf8');
    expect(left.filter((f) => text(f).includes('getPixelForValue'))).toHaveLength(1);
    expect(left.filter((f) => text(f).includes('schemas.openxmlformats.org/wordprocessingml/2006/main'))).toHaveLength(1);
    const worker = files.filter((f) => f.startsWith('_astro/') && f.endsWith('.js') && !fallback(f) && readFileSync(join(DIST, f), 'utf8').includes('getPixelForValue'));
    expect(worker).toHaveLength(1);
    expect(core).toContain(worker[0]);
    // No chapter is saved without being asked for.
    for (const w of works()) for (const c of w.chapters) expect(manifest.files[`${w.slug}/${c.slug}/index.html`]![2]).toBe(`id/${w.slug}`);
  });

  it('has one pack per work and interface language holding every page of it not in the core', () => {
    for (const w of works()) {
      for (const [lang, prefix] of [['id', `${w.slug}/`], ['en', `en/${w.slug}/`]] as const) {
        const pack = manifest.packs[`${lang}/${w.slug}`]!;
        const pages = files.filter((f) => f.startsWith(prefix) && !DOWNLOADS.test(f) && manifest.files[f]![2] !== 'core');
        expect(pack.count).toBe(pages.length);
        expect(pack.size).toBe(pages.reduce((n, f) => n + manifest.files[f]![1], 0));
        for (const f of pages) expect(manifest.files[f]![2]).toBe(`${lang}/${w.slug}`);
      }
    }
  });

  it('carries the core’s files and the lists’ hashes, not every file: the other files are in lists beside it', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const { worker } = workerManifest(manifest);
    const outside = Object.keys(manifest.files).filter((f) => manifest.files[f]![2] !== 'core');
    for (const f of Object.keys(worker.core)) expect(manifest.files[f]![2], f).toBe('core');
    for (const f of outside) expect(sw, f).not.toContain(`"${f}"`);
    // Each file outside the core is in exactly one list, the one the worker finds from its path, with its revision and size.
    const lists = readdirSync(join(DIST, FILE_LISTS)).filter((name) => name.endsWith('.json')).map((name) => ({ name, list: JSON.parse(readFileSync(join(DIST, FILE_LISTS, name), 'utf8')) as FileList }));
    const seen = new Map<string, string>();
    for (const { name, list } of lists) {
      for (const [f, [rev, size]] of Object.entries(list)) {
        expect(seen.get(f), `${f} in ${name} and ${seen.get(f)}`).toBeUndefined();
        seen.set(f, name);
        expect([rev, size], f).toEqual(manifest.files[f]!.slice(0, 2));
        const group = groupOf(f, worker.packs, worker.others.length);
        const hash = listHash(group, worker.packs, worker.others)!;
        expect(`${FILE_LISTS}/${name}`, f).toBe(listPath(group, hash));
        expect(sw, name).toContain(hash);
      }
    }
    expect([...seen.keys()].sort()).toEqual(outside.sort());
    // The lists of files in no pack stay small whatever the size of the library.
    for (const { name, list } of lists.filter((l) => l.name.startsWith('x.'))) expect(Object.keys(list).length, name).toBeLessThanOrEqual(FILES_PER_OTHER_LIST * 2);
  });

  it('a code-only change changes the code files, not the pages’ revisions', () => {
    const root = mkdtempSync(join(tmpdir(), 'rbntt-code-'));
    try {
      cpSync(DIST, root, { recursive: true });
      const [logicalName, hashed] = Object.entries(manifest.assets).find(([, h]) => h.endsWith('.js') && h.startsWith('_chapter_.astro_astro_type_script'))!;
      const renamed = logicalName.replace('\uE000', 'Zz9Yy8Xx');
      renameSync(join(root, '_astro', hashed), join(root, '_astro', renamed));
      writeFileSync(join(root, '_astro', renamed), readFileSync(join(root, '_astro', renamed), 'utf8') + '\n// changed\n');
      for (const f of files.filter(isPage)) writeFileSync(join(root, f), readFileSync(join(root, f), 'utf8').replaceAll(hashed, renamed));
      const next = offlineManifest(root, ROOT).manifest;
      expect(next.build).not.toBe(manifest.build);
      for (const f of files.filter(isPage)) expect(next.files[f]![0], f).toBe(manifest.files[f]![0]);
      expect(next.files[`_astro/${renamed}`]).toBeDefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('web app manifest', () => {
  it('names the library, starts at the home page and has icons that exist', () => {
    const webManifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    expect(webManifest.name).toBe(t.siteName);
    expect(webManifest.start_url).toBe('/');
    expect(webManifest.display).toBe('standalone');
    expect(webManifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    const sizes = webManifest.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(webManifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    for (const icon of webManifest.icons) expect(existsSync(join(DIST, icon.src)), icon.src).toBe(true);
  });

  it('is linked from every page', () => {
    for (const page of builtPages()) expect(readBuilt(page), page).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  });
});

describe('search index', () => {
  it('ships the search API and index, not Pagefind’s ready-made interfaces', () => {
    const pagefind = readdirSync(join(DIST, 'pagefind'));
    expect(pagefind).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-highlight.js', 'pagefind-entry.json']));
    expect(pagefind.filter((f) => /-ui\./.test(f))).toEqual([]);
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['id']);
  });
});
