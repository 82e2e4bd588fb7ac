// Build step: one PDF per work (src/pdf/book.ts), after the EPUB step and before the search index
// and the service worker (which leaves the PDFs out of what it saves, src/offline/build.ts), from the
// same built pages. The work pages carry a placeholder for its size (src/pdf/PdfDownload.astro).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { readWorks } from '../book/pages.ts';
import { downloadStep } from '../book/step.ts';
import { fillSizes, kilobytes } from '../book/sizes.ts';
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

export const pdfBooks = (): AstroIntegration =>
  downloadStep('ruang-baca:pdf', 'PDF: astro.config.mjs needs `site` (each chapter names its web address)', async ({ dist, root, site, base, modified }) => {
    const pdfs = await writePdfs(dist, root, site, modified, base);
    return `PDF: ${pdfs.map((p) => `${p.url} (${kilobytes(p.bytes.length)} KB, ${p.destinations} named destinations, ${(p.total / 1000).toFixed(1)} s)`).join(', ')}`;
  });
