// A worker thread of src/pdf/pool.ts: typesets the jobs it is sent, one at a time, with its own
// Typst compiler, and answers each with the PDF or the error's message (which names the file).
import { parentPort } from 'node:worker_threads';
import { typeset, type TypesetJob } from './typeset.ts';

parentPort!.on('message', ({ id, job }: { id: number; job: TypesetJob }) => {
  try {
    parentPort!.postMessage({ id, done: typeset(job) });
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message });
  }
});
