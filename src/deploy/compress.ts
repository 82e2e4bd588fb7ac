// Writes a Brotli (.br) and a gzip (.gz) copy beside each text file of the build, for servers that
// send precompressed files (nginx's brotli_static and gzip_static): Brotli at its best setting is
// too slow to make per request, and is about 15-20% smaller than the gzip a server makes on the
// fly. Node's own zlib: no dependency. A copy that saves nothing is not written (the server then
// sends the file as it is). PRECOMPRESS=no skips the step, for hosts that compress by themselves
// and count files (GitHub Pages, Netlify, Cloudflare Pages: docs/publishing.md).
// Brotli's best setting takes about 4 s a megabyte on a busy two-core machine: copies are kept in
// a cache by their content's hash (`cache`, in .astro/cache/), so a rebuild compresses only the
// files that changed; what this build did not use is removed from it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { COMPRESSIBLE, extension } from './rules.ts';
import { SERVER_FILES } from './server-files.ts';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** Files below this size are sent as they are (a compressed copy would save less than a packet). */
export const MIN_BYTES = 256;

export const precompressWanted = (env = process.env.PRECOMPRESS) => !/^(no|0|false|off)$/i.test(env ?? '');

export async function precompress(dir: string, cache?: string): Promise<{ files: number; bytes: number; br: number; gz: number; reused: number }> {
  if (cache) mkdirSync(cache, { recursive: true });
  const used = new Set<string>();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .filter((f) => COMPRESSIBLE.has(extension(f)) && !SERVER_FILES.test(f));
  const totals = { files: 0, bytes: 0, br: 0, gz: 0, reused: 0 };
  // A few at a time: zlib's work runs on libuv's threads.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      const data = readFileSync(join(dir, f));
      if (data.length < MIN_BYTES) continue;
      const key = createHash('sha256').update(data).digest('hex').slice(0, 32);
      const kept = cache && [join(cache, `${key}.br`), join(cache, `${key}.gz`)];
      let b: Buffer;
      let g: Buffer;
      if (kept && existsSync(kept[0]!) && existsSync(kept[1]!)) {
        [b, g] = [readFileSync(kept[0]!), readFileSync(kept[1]!)];
        totals.reused++;
      } else {
        [b, g] = await Promise.all([
          br(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
          gz(data, { level: 9 }),
        ]);
        if (kept) {
          writeFileSync(kept[0]!, b);
          writeFileSync(kept[1]!, g);
        }
      }
      if (kept) used.add(`${key}.br`).add(`${key}.gz`);
      totals.files++;
      totals.bytes += data.length;
      if (b.length < data.length) {
        writeFileSync(join(dir, `${f}.br`), b);
        totals.br += b.length;
      }
      if (g.length < data.length) {
        writeFileSync(join(dir, `${f}.gz`), g);
        totals.gz += g.length;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (cache) for (const f of readdirSync(cache)) if (!used.has(f)) rmSync(join(cache, f), { force: true });
  return totals;
}
