// The works' PDFs are typeset side by side: Typst's compile of one work is independent of the
// others, and it is most of a PDF's time, so a thread per core typesets while the build's own thread
// writes the next work's Typst document from its pages. Each job goes to the thread with the least
// markup waiting, at once (a thread takes its next job without waiting for the build's thread).
// The threads run src/pdf/typeset-worker.ts as TypeScript, as the build's own thread does (Node 24,
// the pinned `node` dev dependency). A pool of no threads typesets in the build's own thread.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { typeset, type Typeset, type TypesetJob } from './typeset.ts';

interface Thread {
  worker: Worker;
  /** Characters of markup sent and not answered yet. */
  waiting: number;
}

export class TypesetPool {
  private readonly threads: Thread[] = [];
  private readonly pending = new Map<number, { resolve: (t: Typeset) => void; reject: (e: Error) => void; thread: Thread; size: number }>();
  private next = 0;
  /** Called when a job is answered (for room()). */
  private answered: (() => void)[] = [];

  /** `root`: the project, whose src/pdf/typeset-worker.ts the threads run; `count` threads (0: none). */
  constructor(root: string, count = Math.min(availableParallelism(), 4)) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(join(root, 'src', 'pdf', 'typeset-worker.ts'));
      const thread: Thread = { worker, waiting: 0 };
      worker.on('message', ({ id, done, error }: { id: number; done?: Typeset; error?: string }) => {
        const p = this.pending.get(id)!;
        this.pending.delete(id);
        thread.waiting -= p.size;
        for (const wake of this.answered.splice(0)) wake();
        // A Buffer arrives as a Uint8Array.
        if (done) p.resolve({ ...done, bytes: Buffer.from(done.bytes.buffer, done.bytes.byteOffset, done.bytes.byteLength) });
        else p.reject(new Error(error));
      });
      worker.on('error', (e: Error) => this.failThread(thread, e));
      this.threads.push(thread);
    }
  }

  /** A thread that failed (it could not load its code): its jobs fail, and the build stops with the reason. */
  private failThread(thread: Thread, e: Error) {
    for (const [id, p] of this.pending)
      if (p.thread === thread) {
        this.pending.delete(id);
        p.reject(new Error(`the PDF could not be typeset in a worker thread: ${e.message}`));
      }
    for (const wake of this.answered.splice(0)) wake();
  }

  /** Resolves once fewer than `limit` jobs wait in the threads (the build's thread does not write far ahead of them). */
  async room(limit: number): Promise<void> {
    while (this.pending.size >= limit) await new Promise<void>((wake) => this.answered.push(wake));
  }

  /** Typesets `job` in the thread with the least waiting, or here when there is none. */
  run(job: TypesetJob): Promise<Typeset> {
    if (!this.threads.length) {
      try {
        return Promise.resolve(typeset(job));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
    const thread = this.threads.reduce((a, b) => (b.waiting < a.waiting ? b : a));
    const id = this.next++;
    const size = job.source.length;
    thread.waiting += size;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, thread, size });
      thread.worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
