// Build step: one PDF per work (src/pdf/book.ts), from the same built pages as the EPUBs, before the
// search index and the service worker (which leaves the PDFs out of what it saves,
// src/offline/build.ts). The work pages carry a placeholder for its size (src/pdf/PdfDownload.astro).
// A work whose pages, metadata and code are those of a PDF already made is not typeset again
// (src/pdf/cache.ts): a rebuild pays for the works that changed. The PDFs are made in worker
// threads (src/pdf/pool.ts) from the moment Astro has written the pages, beside the steps before
// this one (the id ledger's check and the EPUBs, in the build's thread); the step, in its turn,
// waits for what is left and writes the sizes into the pages, after the EPUB step has written its
// own (never both at once). (Begun with the pages themselves, they would have nothing to do: Astro
// writes the work pages, which every PDF needs, among the last.)
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { readWorks } from '../book/pages.ts';
import { downloadStep, type DownloadBuild } from '../book/step.ts';
import { fillSizes, kilobytes } from '../book/sizes.ts';
import { PdfPool } from './pool.ts';
import { PdfCache, generatorVersion } from './cache.ts';
import type { PdfBuild, WrittenPdf } from './work-pdf.ts';

export type { WrittenPdf } from './work-pdf.ts';

/** Each work's PDF made (or taken from the cache) and written, and its size written into the pages that offer it. */
export async function writePdfs(
  dist: string,
  root: string,
  site: URL,
  modified = new Date(),
  base = '/',
  cacheDir?: string,
  threads?: number,
): Promise<WrittenPdf[]> {
  const pdfs = await startPdfs({ dist, root, site, modified, base, cacheDir }, threads).finish();
  fillSizes(dist, 'pdf', new Map(pdfs.map((p) => [p.url, p.bytes.length])));
  return pdfs;
}

/** The PDFs of the works under way in worker threads (src/pdf/pool.ts); `finish` waits for them and empties the cache of what they did not use. */
function startPdfs(b: Omit<DownloadBuild, 'cacheDir'> & { cacheDir?: string }, threads?: number) {
  const build: PdfBuild = {
    dist: b.dist,
    root: b.root,
    site: b.site.href,
    modified: b.modified.getTime(),
    base: b.base,
    cacheDir: b.cacheDir,
    version: b.cacheDir ? generatorVersion(b.root) : '',
  };
  const pool = new PdfPool(build, readWorks(b.root), threads);
  return {
    dist: b.dist,
    finish: async () => {
      try {
        const pdfs = await pool.all();
        new PdfCache(b.cacheDir, build.version).prune(pdfs.map((p) => p.key));
        return pdfs;
      } finally {
        await pool.close();
      }
    },
  };
}

/**
 * The PDF step. Typesetting starts as soon as the pages are written, in worker threads beside the
 * steps before this one (the id ledger's check and the EPUBs, which run in the build's thread): at
 * 100 works the PDFs took 27 s after the EPUBs' 14 s, one after the other, on a 2-core machine. It
 * reads the pages, which those steps leave as they are but for the EPUB's size (left out of the
 * cache's key, printed in no PDF). Here, in its turn, the step waits for the PDFs and writes their
 * sizes into the pages, after the EPUB step has written its own (never both at once).
 */
export function pdfBooks(): AstroIntegration {
  let early: ReturnType<typeof startPdfs> | undefined;
  let started = 0;
  const start = (build: DownloadBuild) => startPdfs({ ...build, cacheDir: join(build.cacheDir, 'pdf') });
  return downloadStep(
    'ruang-baca:pdf',
    'PDF: astro.config.mjs needs `site` (each chapter names its web address)',
    async (build) => {
      const { dist } = build;
      // The PDFs under way since the pages were written, unless this build's folder is not theirs.
      const pdfsOf = early?.dist === dist ? early : start(build);
      early = undefined;
      const waited = performance.now();
      const pdfs = await pdfsOf.finish();
      fillSizes(dist, 'pdf', new Map(pdfs.map((p) => [p.url, p.bytes.length])));
      const made = pdfs.filter((p) => !p.cached).length;
      const each = pdfs.map(
        (p) =>
          `${p.url} (${kilobytes(p.bytes.length)} KB, ${p.destinations} named destinations, ${p.cached ? 'from the cache' : `${(p.total / 1000).toFixed(1)} s`})`,
      );
      const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
      return `PDF: ${made} typeset, ${pdfs.length - made} from the cache (.astro/cache/pdf/); begun after the pages ${seconds(started || waited)} s ago, waited for ${seconds(waited)} s: ${each.join(', ')}`;
    },
    (build) => {
      started = performance.now();
      early = start(build);
    },
  );
}
