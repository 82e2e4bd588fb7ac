// One work's PDF as the build makes it: taken from the cache when the work's pages, metadata and
// code are those of a PDF already made (src/pdf/cache.ts), else typeset (src/pdf/book.ts); written
// into the build either way. All it takes is plain data, so a worker thread (src/pdf/pool.ts) runs
// it as well as the build's own thread.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { chapterPaths, readPageFile, type WorkFile } from '../book/pages.ts';
import { withBase } from '../base-path.ts';
import { buildPdf, type BuiltPdf } from './book.ts';
import { PdfCache } from './cache.ts';
import { pdfUrl } from './urls.ts';

/** What every work's PDF is made with, all of it plain data. */
export interface PdfBuild {
  /** The built site (Astro's outDir while it builds). */
  dist: string;
  root: string;
  /** The site's address (a URL's href). */
  site: string;
  /** The date the PDFs say they were made, in milliseconds. */
  modified: number;
  base: string;
  /** The cache's folder; undefined: no cache. */
  cacheDir?: string;
  /** The code's hash (cache.ts generatorVersion), part of every key. */
  version: string;
}

export interface WrittenPdf extends BuiltPdf {
  /** Milliseconds of work it took: its Typst document, typesetting and destinations (for one from the cache, reading and hashing its pages). */
  total: number;
  /** Taken from the cache of an earlier build: made from the same pages by the same code. */
  cached: boolean;
  /** Its key in the cache ('' without one). */
  key: string;
}

/**
 * A download's size as the pages show it, filled in or not (src/book/sizes.ts). The PDFs are made
 * while the steps before theirs run, and the EPUB step fills the EPUB's size into the same pages;
 * no PDF prints a size: the cache's key leaves them out, so that it does not depend on which step
 * read a page first.
 */
const DOWNLOAD_SIZE = /<span (?:class="file-size"|data-(?:epub|pdf)-size="[^"]*" data-(?:epub|pdf)-locale="[^"]*")>[^<]*<\/span>/g;

/** Everything a work's PDF is made from, for the cache's key: the built pages it reads and what the build adds. */
function inputs(b: PdfBuild, work: WorkFile): string[] {
  const workPage = readPageFile(b.dist, withBase(`/${work.slug}/`, b.base), b.base).toString('utf8');
  const chapters = chapterPaths(fromHtml(workPage), work.slug).map((p) => readPageFile(b.dist, p, b.base).toString('utf8'));
  return [
    work.slug,
    JSON.stringify(work.meta),
    b.site,
    b.base,
    process.env.SOURCE_DATE_EPOCH ?? '',
    ...[workPage, ...chapters].map((page) => page.replace(DOWNLOAD_SIZE, '')),
  ];
}

/** Makes (or takes from the cache) a work's PDF and writes it into the build. */
export function writeWorkPdf(b: PdfBuild, work: WorkFile): WrittenPdf {
  const start = performance.now();
  const cache = new PdfCache(b.cacheDir, b.version);
  const key = b.cacheDir ? cache.key(inputs(b, work)) : '';
  const kept = b.cacheDir ? cache.get(key) : undefined;
  let pdf: BuiltPdf;
  if (kept) pdf = { work: work.slug, url: pdfUrl(work.slug), bytes: kept.bytes, ...kept.facts, ms: { source: 0, compile: 0, destinations: 0 } };
  else {
    pdf = buildPdf(b.dist, work, new URL(b.site), new Date(b.modified), b.base);
    cache.put(key, pdf.bytes, { chapters: pdf.chapters, pages: pdf.pages, destinations: pdf.destinations });
  }
  const file = join(b.dist, pdf.url);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, pdf.bytes);
  const total = kept ? performance.now() - start : pdf.ms.source + pdf.ms.compile + pdf.ms.destinations;
  return { ...pdf, total, cached: !!kept, key };
}
