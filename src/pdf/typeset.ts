// Typesetting one work: the Typst document compiled (compile.ts), then each id of the web pages
// written in as a named destination where Typst placed its label (destinations.ts). All it takes and
// gives is plain data, so it runs in a worker thread (pool.ts) as well as in the build's own.
import { compileTypst } from './compile.ts';
import { addDestinations, type Position } from './destinations.ts';

/** Where the document collects its labels' positions for the named destinations (read back with `query`). */
export const DESTINATIONS_KEY = 'ruang-baca-destinations';

/** What typesetting a work takes, all of it plain data: it can be posted to a worker thread (src/pdf/pool.ts). */
export interface TypesetJob {
  /** The PDF's site path, for errors. */
  file: string;
  source: string;
  creationSeconds: number;
  /** Each named destination and the label it is written at. */
  names: [string, string][];
}

export interface Typeset {
  bytes: Buffer;
  pages: number;
  destinations: number;
  ms: { compile: number; destinations: number };
}

/** Typesets a job: Typst's PDF, then the named destinations where Typst placed their labels. */
export function typeset(job: TypesetJob): Typeset {
  const t0 = performance.now();
  const compiled = compileTypst(job.source, job.file, job.creationSeconds);
  const placed = new Map(compiled.query(DESTINATIONS_KEY) as [string, Position][]);
  const destinations = new Map<string, Position>();
  for (const [name, label] of job.names) {
    const at = placed.get(label);
    if (at) destinations.set(name, at);
  }
  const t1 = performance.now();
  const bytes = addDestinations(compiled.pdf, destinations, job.file);
  return { bytes, pages: compiled.pages, destinations: destinations.size, ms: { compile: t1 - t0, destinations: performance.now() - t1 } };
}
