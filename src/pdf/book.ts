// One PDF per work: the Typst document (document.ts) compiled (compile.ts), then each id of the web
// pages written in as a named destination (destinations.ts).
import type { WorkFile } from '../book/pages.ts';
import { typstSource } from './document.ts';
import { typeset, type TypesetJob } from './typeset.ts';
import { pdfUrl } from './urls.ts';

export interface BuiltPdf {
  work: string;
  /** Site path of the file. */
  url: string;
  bytes: Buffer;
  chapters: number;
  pages: number;
  /** Named destinations written. */
  destinations: number;
  /** Milliseconds to write the Typst source from the pages, to compile it, to add the destinations. */
  ms: { source: number; compile: number; destinations: number };
}

/**
 * The names a reader can add to the PDF's address: each id of the web pages as it is (`#p-3f9a0c12`)
 * where the work uses it once, as `<chapter>/<id>` where several chapters use it; each chapter's
 * slug for its first page and the work's slug for the title page.
 */
export function destinationNames(labels: { label: string; id: string; chapter: string }[], chapters: string[], work: string): Map<string, string> {
  const count = new Map<string, number>();
  for (const l of labels) count.set(l.id, (count.get(l.id) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const l of labels) names.set(count.get(l.id) === 1 ? l.id : l.label, l.label);
  for (const c of [...chapters, work]) if (!names.has(c)) names.set(c, c);
  return names;
}

/** A work's Typst document and the destinations to write into it, from the built pages. */
export function pdfJob(dist: string, work: WorkFile, site: URL, modified: Date, base = '/'): { job: TypesetJob; chapters: number } {
  const doc = typstSource(dist, work, site, base);
  const names = destinationNames(
    doc.labels,
    doc.chapters.map((c) => c.label),
    work.slug,
  );
  return {
    job: { file: pdfUrl(work.slug), source: doc.source, creationSeconds: Math.floor(modified.getTime() / 1000), names: [...names] },
    chapters: doc.chapters.length,
  };
}

/** A work whose PDF is to be made, all of it plain data: it can be posted to a worker thread (src/pdf/pool.ts), which reads the pages itself. */
export interface WorkJob {
  dist: string;
  work: WorkFile;
  /** The site's address (a URL's href). */
  site: string;
  /** The creation date, in milliseconds. */
  modified: number;
  base: string;
}

/** A work's PDF, made from its built pages: the Typst document, typeset, with its named destinations. */
export const makePdf = (j: WorkJob): BuiltPdf => buildPdf(j.dist, j.work, new URL(j.site), new Date(j.modified), j.base);

export function buildPdf(dist: string, work: WorkFile, site: URL, modified: Date, base = '/'): BuiltPdf {
  const t0 = performance.now();
  const { job, chapters } = pdfJob(dist, work, site, modified, base);
  const source = performance.now() - t0;
  const done = typeset(job);
  return { work: work.slug, url: job.file, bytes: done.bytes, chapters, pages: done.pages, destinations: done.destinations, ms: { source, ...done.ms } };
}
