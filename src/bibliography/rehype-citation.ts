// rehype-citation's own modules, which its package only exposes through a folder mapping that Node
// no longer resolves ("./node/"): found from the package's main file instead, so the build, the
// tests and scripts/bench.ts all load the one copy (and its one citation-js registry).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = join(dirname(createRequire(import.meta.url).resolve('rehype-citation')), 'src');
const load = <T>(file: string): Promise<T> => import(/* @vite-ignore */ pathToFileURL(join(dir, file)).href);

export const { default: Cite } = await load<typeof import('rehype-citation/node/src/cite.js')>('cite.js');
export const { parseCitation } = await load<typeof import('rehype-citation/node/src/parse-citation.js')>('parse-citation.js');
export const { citationRE } = await load<typeof import('rehype-citation/node/src/regex.js')>('regex.js');
