// A rebuild typesets again only the works whose PDF would change (src/pdf/cache.ts): made from the
// same built pages by the same code, a work's PDF comes from the cache, the same bytes; a changed
// chapter page makes that work's PDF again and no other; the cache keeps only what the last build
// used; the PDFs made in worker threads are those made one after the other. Run on a copy of the
// built works (the build's own dist/ is left as it is).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapterPaths, readPage } from '../../src/book/pages.ts';
import { writePdfs } from '../../src/pdf/integration.ts';
import { ROOT } from '../../src/paths.ts';
import { DIST, works } from '../support/site.ts';

const library = works();
const dir = mkdtempSync(join(tmpdir(), 'pdf-cache-'));
const cache = join(dir, 'cache');
const site = new URL('https://ruangbaca-ntt.example.org/');

/** A fresh copy of each work's built pages (as Astro writes them before the PDF step). */
function builtPages(): string {
  const dist = join(dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  for (const w of library) cpSync(join(DIST, w.slug), join(dist, w.slug), { recursive: true });
  return dist;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the PDF cache between builds', () => {
  it('makes a PDF again only for the work whose pages changed', async () => {
    const first = await writePdfs(builtPages(), ROOT, site, new Date(0), '/', cache);
    expect(first.map((p) => p.cached)).toEqual(library.map(() => false));
    expect(readdirSync(cache).length).toBe(2 * library.length);

    const second = await writePdfs(builtPages(), ROOT, site, new Date(1e12), '/', cache);
    expect(second.map((p) => p.cached)).toEqual(library.map(() => true));
    expect(second.map((p) => p.bytes.equals(first.find((f) => f.work === p.work)!.bytes))).toEqual(library.map(() => true));
    expect(second.map((p) => [p.pages, p.destinations])).toEqual(first.map((p) => [p.pages, p.destinations]));

    // A word of the first work's first chapter changed: only that work is typeset again.
    const dist = builtPages();
    const changed = library[0]!.slug;
    const chapter = chapterPaths(readPage(dist, `/${changed}/`), changed)[0]!;
    const page = join(dist, chapter, 'index.html');
    const html = readFileSync(page, 'utf8');
    const edited = html.replace(/(<p[^>]*\bid="p-[^"]+"[^>]*>)/, '$1Diubah. ');
    expect(edited).not.toBe(html);
    writeFileSync(page, edited);
    const third = await writePdfs(dist, ROOT, site, new Date(0), '/', cache);
    expect(third.filter((p) => !p.cached).map((p) => p.work)).toEqual([changed]);
    expect(third[0]!.bytes.equals(first[0]!.bytes)).toBe(false);
    // The first work's old PDF is gone from the cache: it holds what this build used.
    expect(readdirSync(cache).length).toBe(2 * library.length);
  }, 600_000);

  // The works are made in worker threads (src/pdf/pool.ts), which take them in whatever order they
  // finish: the PDFs, and their order in the step's answer, are those made one after the other.
  it('makes the same PDFs in worker threads as in the build’s own thread', async () => {
    const inThreads = await writePdfs(builtPages(), ROOT, site, new Date(0), '/', undefined, 2);
    const inThisThread = await writePdfs(builtPages(), ROOT, site, new Date(0), '/', undefined, 0);
    expect(inThreads.map((p) => p.work)).toEqual(library.map((w) => w.slug));
    expect(inThisThread.map((p) => p.work)).toEqual(library.map((w) => w.slug));
    expect(inThreads.map((p, i) => p.bytes.equals(inThisThread[i]!.bytes))).toEqual(library.map(() => true));
  }, 600_000);
});
