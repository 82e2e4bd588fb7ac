// Build step: one EPUB per work (src/epub/book.ts) once Astro has written the pages, before the
// search index and the service worker (which leaves the books out of its automatic copy). The work
// pages carry a placeholder for the book's size (src/epub/EpubDownload.astro), filled in here, as
// the size is only known once the book is made from the built chapters.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { id } from '../i18n/id.ts';
import { en } from '../i18n/en.ts';
import { buildBook, readWorks, type BuiltBook } from './book.ts';
import { EpubError } from './xhtml.ts';
import { ROOT } from '../paths.ts';

const dictionaries = { id, en } as const;

/** <span data-epub-size="/work/work.epub" data-epub-locale="id">…</span>, as EpubDownload.astro writes it. */
const PLACEHOLDER = /<span data-epub-size="([^"]+)" data-epub-locale="(id|en)">[^<]*<\/span>/g;

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) htmlFiles(path, out);
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

export const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** Writes each work's size into the pages that link to its book. */
function fillSizes(dist: string, books: Map<string, BuiltBook>): number {
  let filled = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-epub-size=')) continue;
    const out = html.replace(PLACEHOLDER, (_, url: string, locale: 'id' | 'en') => {
      const book = books.get(url);
      if (!book) throw new EpubError(file, `links to ${url}, a book the build did not make`);
      filled++;
      return `<span class="file-size">${dictionaries[locale].epub.size(kilobytes(book.bytes.length))}</span>`;
    });
    writeFileSync(file, out);
  }
  return filled;
}

export async function writeBooks(dist: string, root: string, site: URL, modified = new Date(), base = '/'): Promise<BuiltBook[]> {
  const books: BuiltBook[] = [];
  for (const work of readWorks(root)) {
    const book = await buildBook(dist, work, site, modified, base);
    const file = join(dist, book.url);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, book.bytes);
    books.push(book);
  }
  fillSizes(dist, new Map(books.map((b) => [b.url, b])));
  return books;
}

export function epubBooks(): AstroIntegration {
  let site: URL | undefined;
  let root = ROOT;
  let base = '/';
  return {
    name: 'ruang-baca:epub',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        root = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!site) throw new Error('EPUB: astro.config.mjs needs `site` (the books link back to the site)');
        // SOURCE_DATE_EPOCH (seconds) makes a build reproducible; otherwise the book says when it was made.
        const epoch = process.env.SOURCE_DATE_EPOCH;
        const modified = new Date(epoch ? Number(epoch) * 1000 : Math.floor(Date.now() / 1000) * 1000);
        const books = await writeBooks(fileURLToPath(dir), root, site, modified, base);
        logger.info(`EPUB: ${books.map((b) => `${b.url} (${kilobytes(b.bytes.length)} KB)`).join(', ')}`);
      },
    },
  };
}
