// Build step: one PDF per work (src/pdf/book.ts), after the EPUB step and before the search index
// and the service worker (which leaves the PDFs out of what it saves, src/offline/build.ts), from the
// same built pages. The work pages carry a placeholder for its size (src/pdf/PdfDownload.astro).
// A work whose pages, metadata and code are those of a PDF already made is not typeset again
// (src/pdf/cache.ts): a rebuild pays for the works that changed. The others are typeset in worker
// threads (src/pdf/pool.ts) while this thread writes the next work's Typst document.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { fromHtml } from 'hast-util-from-html';
import { chapterPaths, readPageFile, readWorks, type WorkFile } from '../book/pages.ts';
import { downloadStep } from '../book/step.ts';
import { fillSizes, kilobytes } from '../book/sizes.ts';
import { withBase } from '../base-path.ts';
import { pdfJob, type BuiltPdf } from './book.ts';
import { TypesetPool } from './pool.ts';
import { PdfCache, generatorVersion } from './cache.ts';
import { pdfUrl } from './urls.ts';

export interface WrittenPdf extends BuiltPdf {
  /** Milliseconds of work it took: its Typst document, typesetting and destinations (for one from the cache, reading and hashing its pages). */
  total: number;
  /** Taken from the cache of an earlier build: made from the same pages by the same code. */
  cached: boolean;
}

/** Everything a work's PDF is made from, for the cache's key: the built pages it reads and what the build adds. */
function inputs(dist: string, work: WorkFile, site: URL, base: string): (string | Buffer)[] {
  const workPath = withBase(`/${work.slug}/`, base);
  const workPage = readPageFile(dist, workPath, base);
  const chapters = chapterPaths(fromHtml(workPage.toString('utf8')), work.slug).map((p) => readPageFile(dist, p, base));
  return [work.slug, JSON.stringify(work.meta), site.href, base, process.env.SOURCE_DATE_EPOCH ?? '', workPage, ...chapters];
}

/** Jobs the build's thread writes ahead of the typesetting threads, at most (the markup waits in memory). */
const AHEAD = 8;

export async function writePdfs(
  dist: string,
  root: string,
  site: URL,
  modified = new Date(),
  base = '/',
  cacheDir?: string,
  threads?: number,
): Promise<WrittenPdf[]> {
  const cache = new PdfCache(cacheDir, cacheDir ? generatorVersion(root) : '');
  const pool = new TypesetPool(root, threads);
  const write = (pdf: BuiltPdf, total: number, cached: boolean): WrittenPdf => {
    const file = join(dist, pdf.url);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pdf.bytes);
    return { ...pdf, total, cached };
  };
  const made: Promise<WrittenPdf>[] = [];
  try {
    for (const work of readWorks(root)) {
      const start = performance.now();
      const key = cacheDir ? cache.key(inputs(dist, work, site, base)) : '';
      const kept = cacheDir ? cache.get(key) : undefined;
      if (kept) {
        const pdf = { work: work.slug, url: pdfUrl(work.slug), bytes: kept.bytes, ...kept.facts, ms: { source: 0, compile: 0, destinations: 0 } };
        made.push(Promise.resolve(write(pdf, performance.now() - start, true)));
        continue;
      }
      await pool.room(AHEAD);
      const { job, chapters } = pdfJob(dist, work, site, modified, base);
      const source = performance.now() - start;
      const typeset = pool.run(job).then((done) => {
        cache.put(key, done.bytes, { chapters, pages: done.pages, destinations: done.destinations });
        const ms = { source, ...done.ms };
        return write(
          { work: work.slug, url: job.file, bytes: done.bytes, chapters, pages: done.pages, destinations: done.destinations, ms },
          ms.source + ms.compile + ms.destinations,
          false,
        );
      });
      // Handled here too: a failure stops the build through Promise.all/race below, once, not as an unhandled rejection.
      typeset.catch(() => {});
      made.push(typeset);
    }
    const pdfs = await Promise.all(made);
    cache.prune();
    fillSizes(dist, 'pdf', new Map(pdfs.map((p) => [p.url, p.bytes.length])));
    return pdfs;
  } finally {
    await pool.close();
  }
}

export const pdfBooks = (): AstroIntegration =>
  downloadStep(
    'ruang-baca:pdf',
    'PDF: astro.config.mjs needs `site` (each chapter names its web address)',
    async ({ dist, root, site, base, modified, cacheDir }) => {
      const start = performance.now();
      const pdfs = await writePdfs(dist, root, site, modified, base, join(cacheDir, 'pdf'));
      const made = pdfs.filter((p) => !p.cached).length;
      const each = pdfs.map(
        (p) =>
          `${p.url} (${kilobytes(p.bytes.length)} KB, ${p.destinations} named destinations, ${p.cached ? 'from the cache' : `${(p.total / 1000).toFixed(1)} s`})`,
      );
      return `PDF: ${made} typeset, ${pdfs.length - made} from the cache (.astro/cache/pdf/), in ${((performance.now() - start) / 1000).toFixed(1)} s: ${each.join(', ')}`;
    },
  );
