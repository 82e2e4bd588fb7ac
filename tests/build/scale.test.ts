// No page grows with the library: a synthetic library larger than one page of every paged
// list (the bench's generator, scripts/bench/scale.ts: the real works copied, each copy citing
// entries of its own), built in a fixture. Every page and sitemap stays within the page budget, and
// each paged list holds at most its page size while its pages together hold everything.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticWorks } from '../../scripts/bench/scale.ts';
import {
  ABBREVIATION_ROWS_PER_PAGE,
  CITING_WORKS_PER_PAGE,
  ENTRIES_PER_PAGE,
  OTHER_PRINTINGS_SHOWN,
  PATHS_PER_SITEMAP,
  WORKS_PER_PAGE,
  entryPageUrl,
} from '../../src/scale/paging.ts';
import { entryAnchor, referencesUrl } from '../../src/routes.ts';
import { BUILD_TIMEOUT, buildIn, fixtureSite } from '../support/fixture-build.ts';
import { bibliographyListPages } from '../support/bibliography-pages.ts';
import { DIST, NOINDEX } from '../support/site.ts';
import { t } from '../../src/i18n/id.ts';
import { offlineManifest } from '../../src/offline/build.ts';

/** The most any one page (HTML) or sitemap file may weigh, uncompressed, whatever the library's size. */
const PAGE_BUDGET = 256 * 1024;
/** Enough works for two pages of the home; the copies' own entries give the bibliography many pages. */
const WORKS = WORKS_PER_PAGE + 6;

let dir = '';
let dist = '';
let files: Record<string, string> = {};
let output = '';

beforeAll(() => {
  files = syntheticWorks(WORKS);
  dir = fixtureSite(files, { withContent: true });
  const r = buildIn(dir);
  output = r.output;
  expect(r.status, r.output.slice(-3000)).toBe(0);
  dist = join(dir, 'dist');
}, BUILD_TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A site address's file ("/cari/" → "cari/index.html"). */
const fileOf = (path: string) => (path.endsWith('/') ? `${path}index.html` : path);
const read = (path: string) => readFileSync(join(dist, fileOf(path)), 'utf8');
const count = (html: string, re: RegExp) => [...html.matchAll(re)].length;
const workIds = () =>
  readdirSync(join(dir, 'content', 'works'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
const keys = () => (JSON.parse(files['content/bibliography.json']!) as { id: string }[]).map((e) => e.id);

describe(`a library of ${WORKS} works`, { timeout: BUILD_TIMEOUT }, () => {
  it('builds', () => expect(output).toContain('Complete!'));

  it('keeps the offline core within its budget, chosen by rule, and says what it left out', () => {
    const { manifest, warnings, leftOut } = offlineManifest(dist, dir);
    expect(warnings).toEqual([]);
    expect(manifest.packs.core!.size).toBeLessThanOrEqual(manifest.budget);
    const core = (f: string) => manifest.files[f]?.[2] === 'core';
    // The library's own pages first, whatever the library's size.
    for (const f of ['index.html', 'cari/index.html', '404.html', 'luring/index.html']) expect(core(f), f).toBe(true);
    // Works' pages in library order: none is in while an earlier one is out.
    const order = workIds().toSorted();
    const firstOut = order.findIndex((w) => !core(`${w}/index.html`));
    if (firstOut >= 0) for (const w of order.slice(firstOut)) expect(core(`${w}/index.html`), w).toBe(false);
    if (leftOut.length) expect(output).toContain(`left out of it by rule`);
  });

  it(`no page or sitemap weighs more than ${PAGE_BUDGET / 1024} KiB`, () => {
    const over = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(html|xml)$/.test(d.name))
      .map((d) => ({ path: relative(dist, join(d.parentPath, d.name)), size: statSync(join(d.parentPath, d.name)).size }))
      .filter((f) => f.size > PAGE_BUDGET)
      .map((f) => `${f.path}: ${(f.size / 1024).toFixed(0)} KiB`);
    expect(over).toEqual([]);
  });

  it(`the home shows at most ${WORKS_PER_PAGE} works a page, and its pages every work once`, () => {
    const pages = ['/', ...readdirSync(join(dist, 'halaman')).map((n) => `/halaman/${n}/`)];
    expect(pages.length).toBe(Math.ceil(WORKS / WORKS_PER_PAGE));
    const shown = pages.flatMap((p) => {
      const cards = [...read(p).matchAll(/<article class="work-card"[\s\S]*?<h2[^>]*><a href="\/([^/"]+)\/"/g)].map((m) => m[1]!);
      expect(cards.length, p).toBeLessThanOrEqual(WORKS_PER_PAGE);
      return cards;
    });
    expect(shown.toSorted()).toEqual(workIds().toSorted());
  });

  it(`the site-wide bibliography shows at most ${ENTRIES_PER_PAGE} entries a page, each once, each with its own page`, () => {
    const pages = bibliographyListPages(dist);
    expect(pages.length).toBeGreaterThan(2);
    const shown = pages.flatMap((p) => {
      const ids = [...read(p).matchAll(/<li id="([^"]+)" class="reference"/g)].map((m) => m[1]!);
      expect(ids.length, p).toBeLessThanOrEqual(ENTRIES_PER_PAGE);
      return ids;
    });
    expect(shown.toSorted()).toEqual(keys().toSorted());
    for (const key of keys()) {
      const html = read(`/daftar-pustaka/${key}/`);
      expect(count(html, /<li id="[^"]+" class="reference"/g), key).toBe(1);
      // Back-links grouped by chapter, at most a page of citing works.
      expect(new Set([...html.matchAll(/<li>\s*([^<›]+) › <a href/g)].map((m) => m[1])).size).toBeLessThanOrEqual(CITING_WORKS_PER_PAGE);
    }
  });

  it(`the library's Daftar Singkatan shows at most ${ABBREVIATION_ROWS_PER_PAGE} rows a page, and its pages every work that spells one out`, () => {
    const pages = ['/singkatan/', ...readdirSync(join(dist, 'singkatan', 'halaman')).map((n) => `/singkatan/halaman/${n}/`)];
    expect(pages.length).toBeGreaterThan(1);
    const works = new Set<string>();
    for (const p of pages) {
      const body = read(p).split('<tbody>')[1]!.split('</tbody>')[0]!;
      expect(count(body, /<tr>/g), p).toBeLessThanOrEqual(ABBREVIATION_ROWS_PER_PAGE);
      for (const m of body.matchAll(/<a href="\/([^/"]+)\//g)) works.add(m[1]!);
    }
    // Every work whose own Daftar Singkatan lists a row (a work that spells out none has no list).
    const spelling = workIds().filter((w) => existsSync(join(dist, w, 'singkatan', 'index.html')) && /<tbody>[\s\S]*?<tr>/.test(read(`/${w}/singkatan/`)));
    expect(spelling.length).toBeGreaterThan(0);
    expect([...works].toSorted()).toEqual(spelling.toSorted());
  });

  it(`a work that prints no list shows at most ${OTHER_PRINTINGS_SHOWN} other works' wording of an entry, and links its page for the rest`, () => {
    const entries = JSON.parse(files['content/bibliography.json']!) as { id: string; custom?: { printed?: Record<string, string> } }[];
    const compiled = workIds().filter((w) => /^referenceListPrinted:\s*false/m.test(readFileSync(join(dir, 'content', 'works', `${w}.yaml`), 'utf8')));
    expect(compiled.length).toBeGreaterThan(0);
    let capped = 0;
    for (const w of compiled) {
      const html = read(referencesUrl(w));
      for (const item of html.split('<li ').slice(1)) {
        const id = /^id="([^"]+)" class="reference"/.exec(item)?.[1];
        const entry = id && entries.find((e) => entryAnchor(e.id) === id);
        if (!entry) continue;
        const elsewhere = Object.keys(entry.custom?.printed ?? {}).filter((other) => other !== w).length;
        expect(count(item, /class="reference-elsewhere"/g), `${w} ${id}`).toBe(Math.min(elsewhere, OTHER_PRINTINGS_SHOWN));
        const more = item.includes(`href="${entryPageUrl(entry.id)}"`) && item.includes('reference-elsewhere-more');
        expect(more, `${w} ${id}: ${elsewhere} other works print it`).toBe(elsewhere > OTHER_PRINTINGS_SHOWN);
        if (more) capped++;
      }
    }
    // The library is large enough that some entry is printed by more works than are shown.
    expect(capped).toBeGreaterThan(0);
  });

  it(`the 404 page lists at most ${WORKS_PER_PAGE} works, then a link to the library`, () => {
    const list = read('/404.html').split('</h2>').at(-1)!;
    const works = workIds().filter((w) => list.includes(`href="/${w}/"`));
    expect(works.length).toBe(Math.min(WORKS, WORKS_PER_PAGE));
    expect(list).toContain(`<a href="/">${t.notFoundMoreWorks(WORKS - WORKS_PER_PAGE)}</a>`);
  });

  it('the pages that list no works (search, my notes, not saved) weigh what they weigh in the real library', () => {
    for (const path of ['/cari/', '/catatan/', '/luring/', '/en/cari/', '/en/catatan/']) {
      expect(Math.abs(statSync(join(dist, fileOf(path))).size - statSync(join(DIST, fileOf(path))).size), path).toBeLessThanOrEqual(1024);
    }
  });

  it('the search page lists no work (the works and years load with search)', () => {
    const html = read('/cari/');
    for (const id of workIds()) expect(html).not.toContain(`value="${id}"`);
    expect(html).toContain('data-filter-group="karya"');
  });

  it(`the sitemap is an index of sitemaps of at most ${PATHS_PER_SITEMAP} pages (in both languages), which list every page`, () => {
    const index = read('/sitemap.xml');
    expect(index).toContain('<sitemapindex');
    const children = [...index.matchAll(/<loc>[^<]*?(\/sitemap-\d+\.xml)<\/loc>/g)].map((m) => m[1]!);
    expect(children.length).toBeGreaterThan(1);
    const listed = new Set<string>();
    for (const child of children) {
      const locs = [...read(child).matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
      expect(locs.length, child).toBeLessThanOrEqual(PATHS_PER_SITEMAP * 2);
      for (const l of locs) listed.add(l);
    }
    const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name === 'index.html')
      .map((d) => `/${relative(dist, d.parentPath)}/`.replace(/^\/\/$/, '/'))
      // An entry's back-links continued on …/<key>/<n>/ are reached from its first page.
      .filter((p) => !/\/daftar-pustaka\/[^/]+\/\d+\/$/.test(p))
      .filter((p) => !NOINDEX.test(read(p)));
    expect(pages.filter((p) => !listed.has(p))).toEqual([]);
  });
});
