// One PDF per work: the Typst document (document.ts) compiled (compile.ts), then each id of the web
// pages written in as a named destination (destinations.ts).
import type { WorkFile } from '../book/pages.ts';
import { compileTypst } from './compile.ts';
import { addDestinations, type Position } from './destinations.ts';
import { DESTINATIONS_KEY, typstSource } from './document.ts';
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

export async function buildPdf(dist: string, work: WorkFile, site: URL, modified: Date, base = '/'): Promise<BuiltPdf> {
  const t0 = performance.now();
  const doc = typstSource(dist, work, site, base);
  const t1 = performance.now();
  const compiled = compileTypst(doc.source, pdfUrl(work.slug), Math.floor(modified.getTime() / 1000));
  const placed = new Map((compiled.query(DESTINATIONS_KEY) as [string, Position][]).map(([label, at]) => [label, at]));
  const destinations = new Map<string, Position>();
  for (const [name, label] of destinationNames(
    doc.labels,
    doc.chapters.map((c) => c.label),
    work.slug,
  )) {
    const at = placed.get(label);
    if (at) destinations.set(name, at);
  }
  const t2 = performance.now();
  const bytes = addDestinations(compiled.pdf, destinations, pdfUrl(work.slug));
  const ms = { source: t1 - t0, compile: t2 - t1, destinations: performance.now() - t2 };
  return { work: work.slug, url: pdfUrl(work.slug), bytes, chapters: doc.chapters.length, pages: compiled.pages, destinations: destinations.size, ms };
}
