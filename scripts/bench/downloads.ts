// The downloads a reader chooses (run `npm run build` first): each work's EPUB and PDF (size,
// chapters, and the time to make it again from the built pages, one after the other in this thread:
// the build typesets in worker threads and takes unchanged works from its cache; the PDF's pages,
// named destinations and CPU time), and the data package (descriptor and zip).
// `npm run bench`, or `node scripts/bench/downloads.ts` alone.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBook, readWorks } from '../../src/epub/book.ts';
import { buildPdf } from '../../src/pdf/book.ts';
import type { Figure } from '../../measure/pages.ts';
import { ROOT } from '../../src/paths.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchDownloads(root: string, dist: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const site = new URL('https://bench.invalid/');
  for (const work of readWorks(root)) {
    const file = join(dist, work.slug, `${work.slug}.epub`);
    const size = statSync(file).size;
    const start = performance.now();
    const book = await buildBook(dist, work, site, new Date());
    const ms = performance.now() - start;
    figures.push({ name: `EPUB ${work.slug}`, value: `${kb(size)} (${book.chapters} chapters; made in ${ms.toFixed(0)} ms)` });
  }
  for (const work of readWorks(root)) {
    const size = statSync(join(dist, work.slug, `${work.slug}.pdf`)).size;
    const start = performance.now();
    const cpu = process.cpuUsage();
    const pdf = buildPdf(dist, work, site, new Date());
    const ms = performance.now() - start;
    // CPU time (this thread and Typst's): on a shared machine the wall-clock time is mostly waiting.
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const part = (n: number) => n.toFixed(0);
    figures.push({
      name: `PDF ${work.slug}`,
      value: `${kb(size)} (${pdf.chapters} chapters, ${pdf.pages} pages, ${pdf.destinations} named destinations; made in ${part(ms)} ms, ${part(cpuMs)} ms of CPU: Typst source ${part(pdf.ms.source)}, typesetting ${part(pdf.ms.compile)}, destinations ${part(pdf.ms.destinations)})`,
    });
  }
  const json = readFileSync(join(dist, 'data', 'datapackage.json'));
  const resources = (JSON.parse(json.toString()) as { resources: unknown[] }).resources.length;
  figures.push({ name: 'data package: datapackage.json', value: `${kb(json.length)} (${resources} resources)` });
  figures.push({ name: 'data package: data-ntt.zip', value: kb(statSync(join(dist, 'data', 'data-ntt.zip')).size) });
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = ROOT;
  for (const f of await benchDownloads(root, join(root, 'dist'))) console.log(`${f.name.padEnd(32)}  ${f.value}`);
}
