// The works' PDFs are made side by side: a work's PDF needs only its own pages, so a thread per core
// (at most four) takes the next work no other thread has taken (a counter in memory the threads
// share), makes its PDF and writes it into the build (src/pdf/work-pdf.ts), until none is left. They
// start once Astro has written every page, and run beside the steps before the PDF step's turn,
// which use the build's own thread (src/pdf/integration.ts). The threads run src/pdf/pdf-worker.ts as
// TypeScript, as the build's own thread does (Node 24, the pinned `node` dev dependency). A pool of
// no threads makes the PDFs in the build's own thread, when asked for them.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkFile } from '../book/pages.ts';
import { writeWorkPdf, type PdfBuild, type WrittenPdf } from './work-pdf.ts';

/** What a thread is given (workerData). */
export interface PoolData {
  build: PdfBuild;
  works: WorkFile[];
  /** One Int32: the index of the next work to take. */
  next: SharedArrayBuffer;
}

/** What a thread answers: a work's PDF or its error, or that no work is left. */
export type PoolMessage = { index: number; done: WrittenPdf } | { index: number; error: string } | { finished: true };

export class PdfPool {
  private readonly threads: Worker[] = [];
  private readonly results: (WrittenPdf | undefined)[];
  private failure: Error | undefined;
  private readonly settled: Promise<void>;
  private readonly build: PdfBuild;
  private readonly works: WorkFile[];

  /** Starts `count` threads on the works (0: none, the PDFs are made in this thread by all()). */
  constructor(build: PdfBuild, works: WorkFile[], count = Math.min(availableParallelism(), 4)) {
    this.build = build;
    this.works = works;
    this.results = works.map(() => undefined);
    const data: PoolData = { build, works, next: new SharedArrayBuffer(4) };
    const finished: Promise<void>[] = [];
    for (let i = 0; i < Math.min(count, works.length); i++) {
      const worker = new Worker(join(build.root, 'src', 'pdf', 'pdf-worker.ts'), { workerData: data });
      finished.push(
        new Promise<void>((resolve) => {
          worker.on('message', (m: PoolMessage) => {
            if ('finished' in m) return resolve();
            if ('error' in m) this.failure ??= new Error(m.error);
            // A Buffer arrives as a Uint8Array.
            else this.results[m.index] = { ...m.done, bytes: Buffer.from(m.done.bytes.buffer, m.done.bytes.byteOffset, m.done.bytes.byteLength) };
          });
          // A thread that failed (it could not load its code): the build stops with the reason.
          worker.on('error', (e: Error) => {
            this.failure ??= new Error(`the PDFs could not be made in a worker thread: ${e.message}`);
            resolve();
          });
          worker.on('exit', () => resolve());
        }),
      );
      this.threads.push(worker);
    }
    this.settled = Promise.all(finished).then(() => {});
  }

  /** Every work's PDF, in the works' order; the first error stops the build. */
  async all(): Promise<WrittenPdf[]> {
    if (!this.threads.length) return this.works.map((w) => writeWorkPdf(this.build, w));
    await this.settled;
    if (this.failure) throw this.failure;
    return this.results.map((r, i) => {
      if (!r) throw new Error(`the PDF of ${this.works[i]!.slug} was not made`);
      return r;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
