// `npm run dev` as a librarian meets it: the live preview starts on Node 20 (npm runs it with the
// pinned Node 24), a mistake in a CSV or a work file shows in the browser's error overlay with
// file, line and the fix, then goes away once the file is fixed, and what the build computes once
// and keeps (src/build/cache.ts: an entry's back-links, a work's reference list, an entry's page)
// follows an edit.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser.ts';
import { dataSite, DATA_FILES } from '../support/data-fixture.ts';
import { BUILD_TIMEOUT, fixtureSite, REFERENCES_CHAPTER } from '../support/fixture-build.ts';

// A second chapter that cites one entry of a one-entry bibliography, for the back-links.
const CITING = 'content/chapters/uji/bab-2-kajian.mdx';
const citing = (paragraph: string) => `---\nwork: uji\norder: 2\nnumber: BAB II\ntitle: Kajian\n---\n\n## 2.1. Kajian\n\n${paragraph}\n`;
const ONE_CITATION = 'Teks ([Penulis, 2020](@uji2020)).';
const BIBLIOGRAPHY = `[
  {
    "id": "uji2020",
    "type": "book",
    "author": [{ "family": "Penulis", "given": "Uji" }],
    "title": "Buku uji",
    "issued": { "date-parts": [[2020]] },
    "custom": { "listedIn": ["uji"], "printed": { "uji": "Penulis, U. (2020). *Buku uji*." }, "printedOrder": { "uji": 1 } }
  }
]
`;

let dir: string;
let server: ChildProcess;
let url: string;
let browser: Browser;
let log = '';

/** The shell's environment, not vitest's (NODE_ENV=test and VITEST* make Astro's dev server serve nothing). */
function devEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^VITEST|^NODE_ENV$|^TEST$/.test(k)));
  return { ...env, FORCE_COLOR: '0' };
}

beforeAll(async () => {
  dir = fixtureSite({ ...dataSite(), ...REFERENCES_CHAPTER, 'content/bibliography.json': BIBLIOGRAPHY, [CITING]: citing(ONE_CITATION) });
  const port = 5400 + Math.floor(Math.random() * 500);
  server = spawn('npm', ['run', '--silent', 'dev', '--', '--port', String(port)], { cwd: dir, env: devEnv(), detached: true });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240 && !/ready in/.test(log); i++) await new Promise((r) => setTimeout(r, 500));
  if (!/ready in/.test(log)) throw new Error(`dev server did not start:\n${log}`);
  browser = await launch();
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function overlayText(path: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(`${url}${path}`);
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached' });
    return await overlay.evaluate((el) => el.shadowRoot?.textContent ?? el.textContent ?? '');
  } finally {
    await page.close();
  }
}

/** A save in place, slow: the file emptied, then written 20 ms later. */
async function saveInPlace(file: string, text: string): Promise<void> {
  writeFileSync(file, '');
  await new Promise((r) => setTimeout(r, 20));
  writeFileSync(file, text);
}

async function status(path: string): Promise<number> {
  return (await fetch(`${url}${path}`)).status;
}

// A page in dev is compiled when it is asked for, again after each edit: with fixture builds running
// beside it, one render took most of the suite's 120 s poll guard in a fresh-clone run (the style
// test failed there at 124 s and passes alone in 20-36 s). A hang guard for these polls, not a verdict.
const DEV_RENDER = { timeout: 300_000 };

describe('npm run dev', { timeout: BUILD_TIMEOUT }, () => {
  it('serves the site', async () => {
    expect(await status('/uji/')).toBe(200);
  });

  it('shows a bad CSV value in the browser overlay, and recovers when it is fixed', async () => {
    const csv = join(dir, DATA_FILES.csv);
    const good = readFileSync(csv, 'utf8');
    writeFileSync(csv, good.replace('2020,12.5', '2020,abc'));
    await expect.poll(() => status('/data/'), DEV_RENDER).toBe(500);
    expect(await overlayText('/data/')).toContain('content/data/uji-tabel.csv:2: value "abc" is not a number');
    writeFileSync(csv, good);
    await expect.poll(() => status('/data/'), DEV_RENDER).toBe(200);
  });

  it('shows a work-file mistake in the overlay with the line and the fix', async () => {
    const work = join(dir, DATA_FILES.work);
    const good = readFileSync(work, 'utf8');
    writeFileSync(work, good.replace('sourceNote: "Karya uji untuk pengujian build."', 'sourceNote: Catatan: hanya BAB I'));
    await expect.poll(() => status('/'), DEV_RENDER).toBe(500);
    const text = await overlayText('/');
    expect(text).toContain('content/works/uji.yaml:9: not valid YAML');
    expect(text).toContain('must be quoted, e.g. sourceNote: "Catatan: hanya BAB I"');
    writeFileSync(work, good);
    await expect.poll(() => status('/'), DEV_RENDER).toBe(200);
  });

  it('shows a JSON comma and an unknown citation key as one block each, with file, line and the fix', async () => {
    const bib = join(dir, 'content/bibliography.json');
    const chapter = join(dir, DATA_FILES.chapter);
    const good = readFileSync(chapter, 'utf8');
    // The site's own bibliography, put back afterwards (the back-links test below cites its entry).
    const bibliography = existsSync(bib) ? readFileSync(bib, 'utf8') : undefined;
    // A first entry of its own (its line 5 is the one that lacks the comma), then the site's entries.
    const others = bibliography ? (JSON.parse(bibliography) as unknown[]).map((e) => `  ${JSON.stringify(e)}`).join(',\n') : '';
    const entry = (comma: string) =>
      `[\n  {\n    "id": "ada2020",\n    "type": "book",\n    "title": "Ada"${comma}\n    "issued": { "date-parts": [[2020]] }\n  }${others ? `,\n${others}` : ''}\n]\n`;
    writeFileSync(bib, entry(''));
    await expect.poll(() => status('/'), DEV_RENDER).toBe(500);
    let text = await overlayText('/');
    expect(text).toContain('content/bibliography.json:5: not valid JSON');
    expect(text).toContain('fix: add a comma at the end of this line');
    writeFileSync(bib, entry(','));
    writeFileSync(chapter, `${good}\nLain ([Hilang, 2021](@hilang2021)).\n`);
    await expect.poll(() => status('/uji/bab-1-pendahuluan/'), DEV_RENDER).toBe(500);
    text = await overlayText('/uji/bab-1-pendahuluan/');
    expect(text).toMatch(/content\/chapters\/uji\/bab-1-pendahuluan\.mdx:\d+:\d+: citation of unknown key "@hilang2021"/);
    expect(text).toContain('fix: add an entry with "id": "hilang2021" to content/bibliography.json');
    writeFileSync(chapter, good);
    if (bibliography === undefined) rmSync(bib);
    else writeFileSync(bib, bibliography);
    await expect.poll(() => status('/uji/bab-1-pendahuluan/'), DEV_RENDER).toBe(200);
  });

  it("follows an edit of a chapter's citations on the entry's back-links", async () => {
    const backLinks = async () => ((await (await fetch(`${url}/daftar-pustaka/uji2020/`)).text()).match(/class="cite-backlink"/g) ?? []).length;
    await expect.poll(backLinks, DEV_RENDER).toBe(1);
    const file = join(dir, CITING);
    writeFileSync(file, citing(`${ONE_CITATION}\n\nLagi ([Penulis, 2020](@uji2020)).`));
    await expect.poll(backLinks, DEV_RENDER).toBe(2);
    writeFileSync(file, citing(ONE_CITATION));
    await expect.poll(backLinks, DEV_RENDER).toBe(1);
  });

  // The formatted entries are kept per work (src/bibliography/entries.ts) and the work's style is
  // read from its YAML (src/bibliography/engine.ts): both follow the file.
  it("follows an edit of a work's citation style on its reference list", async () => {
    // The list shows each entry as printed and, one tap behind it, as the work's style formats it.
    const chicago = async () => (await (await fetch(`${url}/uji/daftar-pustaka/`)).text()).includes('Penulis, Uji. 2020.');
    await expect.poll(chicago, DEV_RENDER).toBe(false);
    const work = join(dir, DATA_FILES.work);
    const good = readFileSync(work, 'utf8');
    writeFileSync(work, good.replace('citationStyle: apa', 'citationStyle: chicago-author-date'));
    await expect.poll(chicago, DEV_RENDER).toBe(true);
    // Put back as an editor saving in place on a loaded machine does: emptied, then written a moment
    // later (the watcher drops the second change; src/build/cache.ts looks at the file again).
    await saveInPlace(work, good);
    await expect.poll(chicago, DEV_RENDER).toBe(false);
  });

  // An entry's page is one of many a getStaticPaths makes, which Astro keeps in dev until a content
  // collection changes; the bibliography is no collection (src/build/cache.ts has Astro forget them).
  it("follows an edit of an entry's title on its page", async () => {
    const title = async () => /<title>([^<]*)/.exec(await (await fetch(`${url}/daftar-pustaka/uji2020/`)).text())?.[1] ?? '';
    await expect.poll(title, DEV_RENDER).toContain('Buku uji');
    const bib = join(dir, 'content/bibliography.json');
    const good = readFileSync(bib, 'utf8');
    writeFileSync(bib, good.replace('"title": "Buku uji"', '"title": "Buku uji yang lain"'));
    await expect.poll(title, DEV_RENDER).toContain('Buku uji yang lain');
    writeFileSync(bib, good);
    await expect.poll(title, DEV_RENDER).not.toContain('yang lain');
  });
});
