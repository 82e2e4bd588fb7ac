// Each work's EPUB opens in a reading system: epub.js (with JSZip, as its README asks) in Chromium,
// on a test page served on 127.0.0.1, reads the book's metadata and table of contents and renders
// the first chapter, whose first paragraph must then be on screen, with its web id.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { classes, elements, epubFile } from '../support/epub.ts';
import { readBuilt, works } from '../support/site.ts';

const require = createRequire(import.meta.url);
const SCRIPTS: Record<string, string> = {
  '/jszip.min.js': require.resolve('jszip/dist/jszip.min.js'),
  '/epub.min.js': require.resolve('epubjs/dist/epub.min.js'),
};

const READER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>epub.js</title>
<script src="/jszip.min.js"></script><script src="/epub.min.js"></script></head>
<body><div id="viewer" style="width:600px;height:800px"></div>
<script>
  const params = new URLSearchParams(location.search);
  const book = ePub('/books/' + params.get('work') + '.epub');
  const rendition = book.renderTo('viewer', { width: 600, height: 800, flow: 'scrolled-doc' });
  window.opened = book.ready
    .then(() => book.loaded.navigation)
    .then((nav) => rendition.display(params.get('chapter')).then(() => ({
      title: book.packaging.metadata.title,
      language: book.packaging.metadata.language,
      toc: nav.toc.map((item) => item.label.trim()),
    })))
    .catch((e) => ({ error: String(e && e.stack || e) }));
</script></body></html>`;

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const book = /^\/books\/([a-z0-9-]+)\.epub$/.exec(pathname);
    try {
      if (pathname === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(READER);
      else if (SCRIPTS[pathname]) res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(SCRIPTS[pathname]));
      else if (book) res.writeHead(200, { 'Content-Type': 'application/epub+zip' }).end(readFileSync(epubFile(book[1]!)));
      else res.writeHead(404).end();
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const browser = useBrowser();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(works().map((w) => [w.slug, w] as const))('%s.epub in epub.js', (slug, work) => {
  it('opens, lists its chapters and renders the first chapter', async () => {
    const chapter = work.chapters[0]!;
    const prose = elements(fromHtml(readBuilt(`/${slug}/${chapter.slug}/`)), (e) => classes(e).includes('prose'))[0]!;
    const para = elements(prose, (e) => e.tagName === 'p' && /^p-/.test(String(e.properties.id ?? '')))[0];
    const h1 = elements(fromHtml(readBuilt(`/${slug}/${chapter.slug}/`)), (e) => e.tagName === 'h1')[0]!;
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${base}/?work=${slug}&chapter=${chapter.slug}.xhtml`);
      const opened = (await page.evaluate(() => (window as unknown as { opened: Promise<unknown> }).opened)) as {
        error?: string;
        title: string;
        language: string;
        toc: string[];
      };
      expect(opened.error).toBeUndefined();
      expect(opened.title).toBe(work.title);
      expect(opened.toc.map(squash)).toContain(squash(toText(h1)));
      expect(opened.toc.length).toBe(work.chapters.length + 1);
      const frame = page.frameLocator('#viewer iframe');
      await expect.poll(async () => squash(await frame.locator('body').innerText())).toContain(squash(toText(h1)));
      if (para) {
        const words = squash(toText(para)).split(' ').slice(0, 12).join(' ');
        const shown = frame.locator(`p[id="${String(para.properties.id)}"]`);
        await expect.poll(async () => squash(await shown.innerText())).toContain(words);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
