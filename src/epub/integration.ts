// Build step: one EPUB per work (src/epub/book.ts) once Astro has written the pages, before the
// search index and the service worker (which leaves the books out of its automatic copy). The work
// pages carry a placeholder for the book's size (src/epub/EpubDownload.astro), filled in here, as
// the size is only known once the book is made from the built chapters.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { buildBook, readWorks, type BuiltBook } from './book.ts';
import { fillSizes, kilobytes } from '../book/sizes.ts';
import { downloadStep } from '../book/step.ts';

export { kilobytes };

export async function writeBooks(dist: string, root: string, site: URL, modified = new Date(), base = '/'): Promise<BuiltBook[]> {
  const books: BuiltBook[] = [];
  for (const work of readWorks(root)) {
    const book = await buildBook(dist, work, site, modified, base);
    const file = join(dist, book.url);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, book.bytes);
    books.push(book);
  }
  fillSizes(dist, 'epub', new Map(books.map((b) => [b.url, b.bytes.length])));
  return books;
}

export const epubBooks = (): AstroIntegration =>
  downloadStep('ruang-baca:epub', 'EPUB: astro.config.mjs needs `site` (the books link back to the site)', async ({ dist, root, site, base, modified }) => {
    const books = await writeBooks(dist, root, site, modified, base);
    return `EPUB: ${books.map((b) => `${b.url} (${kilobytes(b.bytes.length)} KB)`).join(', ')}`;
  });
