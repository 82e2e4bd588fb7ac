// Bytes on the wire through nginx (the build's own snippet, src/deploy/nginx.ts, with its .br and
// .gz copies): a first visit to a text chapter (its HTML, stylesheets and the scripts it runs before
// interaction) and then a visit to another text chapter (its HTML, and only the files the first
// did not bring: hashed files are `immutable`, so the browser does not ask for them again), with
// Brotli (a browser's "br, gzip") against gzip. Body bytes as nginx sends them, headers excluded.
import type { Figure } from '../../measure/pages.ts';
import { firstLoad } from '../../measure/pages.ts';
import { startNginx } from '../../tests/support/nginx.ts';

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

async function transferred(origin: string, paths: string[], encoding: string): Promise<number> {
  let bytes = 0;
  for (const p of paths) {
    const res = await fetch(`${origin}${p}`, { headers: { 'accept-encoding': encoding } });
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    // Node's fetch decodes the body: the bytes sent are nginx's Content-Length.
    await res.arrayBuffer();
    bytes += Number(res.headers.get('content-length'));
  }
  return bytes;
}

/** `first` and `second`: site paths of two text chapters in `dist` (a build at the root). */
export async function benchServed(dist: string, first: string, second: string): Promise<Figure[]> {
  const files = (path: string) => {
    const f = firstLoad(dist, path);
    return [path, ...f.stylesheets, ...f.scripts];
  };
  const one = files(first);
  const two = files(second).filter((p) => p === second || !one.includes(p));
  const nginx = await startNginx(dist, '/');
  try {
    const figures: Figure[] = [];
    for (const [name, encoding] of [
      ['Brotli', 'br, gzip'],
      ['gzip', 'gzip'],
    ] as const) {
      const a = await transferred(nginx.origin, one, encoding);
      const b = await transferred(nginx.origin, two, encoding);
      figures.push({ name: `${name}: first visit, ${first}`, value: `${kb(a)} (${one.length} files)` });
      figures.push({ name: `${name}: then ${second}`, value: `${kb(b)} (${two.length} files; the rest from the cache)` });
    }
    return figures;
  } finally {
    await nginx.stop();
  }
}
