// Build step: one PDF per work (src/pdf/book.ts), after the EPUB step and before the search index
// and the service worker (which leaves the PDFs out of what it saves, src/offline/build.ts), from the
// same built pages. The work pages carry a placeholder for its size (src/pdf/PdfDownload.astro).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { madeAt, readWorks } from '../book/pages.ts';
import { fillSizes, kilobytes } from '../book/sizes.ts';
import { ROOT } from '../paths.ts';
import { buildPdf, type BuiltPdf } from './book.ts';

export async function writePdfs(dist: string, root: string, site: URL, modified = new Date(), base = '/'): Promise<(BuiltPdf & { total: number })[]> {
  const pdfs: (BuiltPdf & { total: number })[] = [];
  for (const work of readWorks(root)) {
    const start = performance.now();
    const pdf = await buildPdf(dist, work, site, modified, base);
    const file = join(dist, pdf.url);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pdf.bytes);
    pdfs.push({ ...pdf, total: performance.now() - start });
  }
  fillSizes(dist, 'pdf', new Map(pdfs.map((p) => [p.url, p.bytes.length])));
  return pdfs;
}

export function pdfBooks(): AstroIntegration {
  let site: URL | undefined;
  let root = ROOT;
  let base = '/';
  return {
    name: 'ruang-baca:pdf',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        root = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!site) throw new Error('PDF: astro.config.mjs needs `site` (each chapter names its web address)');
        const pdfs = await writePdfs(fileURLToPath(dir), root, site, madeAt(), base);
        logger.info(
          `PDF: ${pdfs.map((p) => `${p.url} (${kilobytes(p.bytes.length)} KB, ${p.destinations} named destinations, ${(p.total / 1000).toFixed(1)} s)`).join(', ')}`,
        );
      },
    },
  };
}
