// A worker thread of src/pdf/pool.ts: takes the next work no other thread has taken, makes its PDF
// (src/pdf/work-pdf.ts) and answers with it or with the error's message (which names the file), until
// no work is left; then says so.
import { parentPort, workerData } from 'node:worker_threads';
import type { PoolData, PoolMessage } from './pool.ts';
import { writeWorkPdf } from './work-pdf.ts';

const { build, works, next } = workerData as PoolData;
const counter = new Int32Array(next);
const post = (m: PoolMessage) => parentPort!.postMessage(m);

for (let i = Atomics.add(counter, 0, 1); i < works.length; i = Atomics.add(counter, 0, 1)) {
  try {
    post({ index: i, done: writeWorkPdf(build, works[i]!) });
  } catch (e) {
    post({ index: i, error: (e as Error).message });
  }
}
post({ finished: true });
