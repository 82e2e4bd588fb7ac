// A fifth, made-up work (tests/fixtures/karya-uji/), added to the real content as docs/content.md "Adding a
// work" says and built once: it passes the fast checks, and it appears everywhere a work should
// (home, work page, chapters, search index, bibliography, sitemap, data, offline precache), with
// the counts in the interface following the content. Also holds docs/content.md to its own steps.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftCoverage } from '../../scripts/checks/fidelity-draft.ts';
import { mainText } from '../support/built-text.ts';
import { BUILD_TIMEOUT, buildIn, type BuildResult } from '../support/fixture-build.ts';
import { BARE_SLUG, FIXTURE_SLUG as SLUG, FIXTURE_WORK, fixtureWorkSite, runTestsIn } from '../support/fixture-work.ts';
import { ROOT } from '../support/site.ts';
import { FILE_LISTS } from '../../src/offline/revision.ts';
import { launch } from '../support/browser.ts';
import { report, workDifferences } from '../support/printed.ts';
import { serveStatic } from '../support/static-server.ts';
import { pdfDifferences } from '../support/pdf.ts';

/** Number words as the interface writes counts up to ten (digits above): the test's own list, not the code's. */
const angka = (n: number) => ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'][n] ?? String(n);
const number = (n: number) => ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);
const PINNED_NODE = join(ROOT, 'node_modules/node/bin/node');
const CHAPTERS = ['bab-1-pendahuluan', 'bab-2-penutup', 'daftar-pustaka'];
let dir: string;
let build: BuildResult;
const page = (path: string) => readFileSync(join(dir, 'dist', path.endsWith('/') ? `${path}index.html` : path), 'utf8');

/** The strict fidelity test on a built work: what a reader sees in Chromium is its source, word for word. */
async function strictFidelity(slug: string, sourceFile: string, chapters: string[]) {
  const server = await serveStatic(join(dir, 'dist'));
  const browser = await launch();
  try {
    const diffs = await workDifferences(browser, server.url, { slug, sourceFile, chapters: chapters.map((c) => ({ slug: c })) }, join(dir, 'content/sources'));
    expect(diffs.words).toBeGreaterThan(0);
    expect(report([...diffs.body, ...diffs.notes])).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
}

beforeAll(() => {
  dir = fixtureWorkSite();
  build = buildIn(dir);
}, BUILD_TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a new work added by the guide', { timeout: BUILD_TIMEOUT }, () => {
  it('passes the fast checks (npm run check:content)', () => {
    const run = spawnSync(PINNED_NODE, [join(ROOT, 'scripts/check-content.ts'), dir], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain(`fidelity draft: ${SLUG} `);
  });

  it('builds, with no warning that is not the author’s', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(build.output).not.toMatch(/MODULE_LEVEL_DIRECTIVE|\[WARN\]/);
  });

  it('is on the home page in both languages, and the counts follow the content', () => {
    const works = readdirSync(join(dir, 'content/works')).filter((f) => f.endsWith('.yaml')).length;
    const home = page('/');
    expect(home).toContain(`href="/${SLUG}/"`);
    expect(home).toContain('Karya Uji: Contoh Fiktif untuk Pengujian Pustakawan');
    expect(page('/en/')).toContain(`href="/en/${SLUG}/"`);
    // The real works and the made-up one, however many content/ holds: the words follow the count.
    const yamls = (d: string) => readdirSync(d).filter((f) => f.endsWith('.yaml')).length;
    expect(works).toBe(yamls(join(ROOT, 'content/works')) + yamls(join(FIXTURE_WORK, 'works')));
    expect(home).toMatch(new RegExp(`\\b${angka(works)} karya ilmiah\\b`));
    expect(home).not.toMatch(new RegExp(`\\b${angka(works - 1)} karya\\b`, 'i'));
    expect(page('/en/')).toMatch(new RegExp(`\\b${number(works)} Indonesian scholarly works\\b`));
    expect(page('/manifest.webmanifest').toLowerCase()).toContain(`${angka(works)} kajian`);
  });

  it('has its work page and chapters, footnotes and citations rendered', () => {
    const work = page(`/${SLUG}/`);
    for (const c of CHAPTERS) expect(work).toContain(`href="/${SLUG}/${c}/"`);
    const bab1 = page(`/${SLUG}/bab-1-pendahuluan/`);
    expect(mainText(bab1)).not.toContain('[^1]');
    expect(bab1).toContain('Catatan kaki fiktif yang menjelaskan kalimat pembuka.');
    expect(bab1).toContain('daftar-pustaka/#fiktif2020uji"');
    expect(page(`/${SLUG}/daftar-pustaka/`)).toContain('Buku Rujukan Fiktif untuk Uji');
  });

  it('is in the bibliography, the sitemap, the data pages and the offline precache', () => {
    expect(page('/daftar-pustaka/')).toContain('Buku Rujukan Fiktif untuk Uji');
    // The sitemap is an index of child sitemaps, which list the pages.
    const sitemap = [...page('/sitemap.xml').matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((m) => page(new URL(m[1]!).pathname)).join('\n');
    for (const c of ['', ...CHAPTERS.map((c) => `${c}/`)]) expect(sitemap).toContain(`/${SLUG}/${c}</loc>`);
    expect(page('/data/')).toContain('kasus-fiktif-2021-2022');
    expect(page('/data/kasus-fiktif-2021-2022.csv')).toContain('2021,7');
    // Its pack is in the service worker, and its chapters in the pack's list beside it (dist/_offline/).
    const sw = page('/sw.js');
    expect(sw).toContain(`"id/${SLUG}"`);
    const list = readdirSync(join(dir, 'dist', FILE_LISTS)).find((f) => f.startsWith(`id.${SLUG}.`));
    expect(list, `a list id.${SLUG}.<hash>.json in ${FILE_LISTS}/`).toBeDefined();
    const files = Object.keys(JSON.parse(page(`/${FILE_LISTS}/${list}`)));
    for (const c of CHAPTERS) expect(files).toContain(`${SLUG}/${c}/index.html`);
  });

  it('is found by the search index', () => {
    const fragments = join(dir, 'dist/pagefind/fragment');
    const hits = readdirSync(fragments)
      .map(
        (f) =>
          JSON.parse(
            gunzipSync(readFileSync(join(fragments, f)))
              .toString('utf8')
              .replace(/^pagefind_dcd/, ''),
          ) as { url: string; content: string },
      )
      .filter((f) => f.content.includes('zyxwuji'));
    expect(hits.map((h) => h.url)).toEqual([`/${SLUG}/bab-1-pendahuluan/`]);
  });

  it('passes the strict fidelity test: what a reader sees in Chromium is its source, word for word', () => strictFidelity(SLUG, '999_karya-uji.txt', CHAPTERS));

  it('gets its PDF with no code change: qpdf passes it, and it holds its source word for word', () => {
    const file = join(dir, 'dist', SLUG, `${SLUG}.pdf`);
    expect(existsSync(file)).toBe(true);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const diffs = pdfDifferences(file, '999_karya-uji.txt', join(dir, 'content/sources'));
    expect(diffs.words).toBeGreaterThan(0);
    expect(report([...diffs.body, ...diffs.notes])).toEqual([]);
    expect(page(`/${SLUG}/`)).toContain(`href="/${SLUG}/${SLUG}.pdf"`);
  });

  it('gets the fidelity test’s verdict from the fidelity draft: headings and all, nothing missing', () => {
    // The strict test above passes for this work; the draft, measured from the files without a
    // build, says so too (it read 93-98% when it took headings for missing words).
    const draft = draftCoverage(dir, SLUG).coverage;
    expect(draft.missing).toEqual([]);
    expect(draft.ratio).toBeGreaterThanOrEqual(0.99);
    // And a paragraph left out of the files is reported missing, as the strict test would fail.
    const chapter = join(dir, 'content/chapters', SLUG, 'bab-2-penutup.mdx');
    const text = readFileSync(chapter, 'utf8');
    try {
      writeFileSync(chapter, text.replace(/^Kesimpulan fiktif .*$/m, ''));
      const cut = draftCoverage(dir, SLUG).coverage;
      expect(cut.ratio).toBeLessThan(0.99);
      expect(cut.missing.join(' ')).toContain('kesimpulan fiktif ini menutup karya uji');
    } finally {
      writeFileSync(chapter, text);
    }
  });
});

describe('a second new work with no footnote, table, chart, abbreviation or printed reference list', { timeout: BUILD_TIMEOUT }, () => {
  const chapters = ['bab-1-pendahuluan', 'daftar-pustaka'];

  it('has its pages, its editor’s list with the entry it cites, and no Daftar Singkatan page', () => {
    const work = page(`/${BARE_SLUG}/`);
    for (const c of chapters) expect(work).toContain(`href="/${BARE_SLUG}/${c}/"`);
    expect(work).not.toContain(`href="/${BARE_SLUG}/singkatan/"`);
    expect(existsSync(join(dir, 'dist', BARE_SLUG, 'singkatan'))).toBe(false);
    const list = page(`/${BARE_SLUG}/daftar-pustaka/`);
    expect(list).toContain('id="suwarno2018ntt"');
    // The shared entry's note is about the work that prints it, and says so under this work's entry.
    expect(list).toMatch(/Catatan tentang entri ini dalam [^:<]*Borotoding[^:<]*:/);
  });

  it('passes the strict fidelity test', () => strictFidelity(BARE_SLUG, '998_karya-uji-sunting.txt', chapters));
});

describe('the tests that read content/, run on the library with both new works', { timeout: BUILD_TIMEOUT }, () => {
  it('pass: data (the table read from its printedTable declaration), abbreviations, structure, citations, metadata, offline files, budgets', () => {
    const files = [
      'data',
      'abbreviations',
      'structure',
      'floats',
      'citations',
      'citations-source',
      'scholar-metadata',
      'datapackage',
      'offline-files',
      'budgets',
    ].map((f) => `tests/content/${f}.test.ts`);
    const run = runTestsIn(dir, files);
    expect(run.status, run.output.slice(-6000)).toBe(0);
    expect(run.output).toMatch(/table laporan-fiktif-2019-2020/);
  });
});

describe('docs/content.md "Adding a work"', () => {
  const readme = readFileSync(join(ROOT, 'docs', 'content.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Adding a work'), readme.indexOf('\n## ', readme.indexOf('## Adding a work') + 5));
  const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

  it('names only npm scripts that exist, and every file and field a work needs', () => {
    for (const [, name] of section.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, `docs/content.md names "npm run ${name}"`).toContain(name);
    for (const word of [
      'new-work',
      'dev',
      'check:content',
      'sourceFile',
      'printedOrder',
      'daftar-pustaka.mdx',
      'references: true',
      '[^1]',
      'exclusions.yaml',
      'fidelity-draft',
    ]) {
      expect(section, `docs/content.md "Adding a work" should mention ${word}`).toContain(word);
    }
  });

  it('scaffolds with new-work what the fast checks accept', () => {
    const tmp = fixtureWorkSite();
    try {
      const made = spawnSync(PINNED_NODE, [join(ROOT, 'scripts/new-work.ts'), 'karya-baru', '--root', tmp], { encoding: 'utf8' });
      expect(made.status, made.stderr).toBe(0);
      for (const f of ['works/karya-baru.yaml', 'chapters/karya-baru/bab-1-pendahuluan.mdx', 'chapters/karya-baru/daftar-pustaka.mdx']) {
        expect(existsSync(join(tmp, 'content', f)), f).toBe(true);
      }
      expect(readFileSync(join(tmp, 'content/sources/exclusions.yaml'), 'utf8')).toContain('source: 1000_karya-baru.txt');
      const run = spawnSync(PINNED_NODE, [join(ROOT, 'scripts/check-content.ts'), tmp], { encoding: 'utf8' });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      // Every value the librarian must set is listed as a TODO, the year and the style included.
      for (const field of ['id', 'name', 'type', 'institution', 'year', 'language', 'citationStyle', 'sourceNote']) {
        expect(run.stdout, `${field} marked TODO`).toMatch(new RegExp(`^todo content/works/karya-baru\\.yaml:\\d+: (- )?${field}: .*TODO`, 'm'));
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
