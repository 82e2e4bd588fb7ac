// The site-wide bibliography as built: its list pages (/daftar-pustaka/ and /daftar-pustaka/halaman/<n>/)
// and each entry's own pages (/daftar-pustaka/<key>/), found in dist/ (src/scale/paging.ts).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './site.ts';

/** The paths of the site-wide list's pages, in order. */
export function bibliographyListPages(dist = DIST, prefix = ''): string[] {
  const dir = join(dist, prefix, 'daftar-pustaka', 'halaman');
  const more = existsSync(dir)
    ? readdirSync(dir)
        .map(Number)
        .filter(Number.isInteger)
        .sort((a, b) => a - b)
    : [];
  return [`${prefix}/daftar-pustaka/`, ...more.map((n) => `${prefix}/daftar-pustaka/halaman/${n}/`)];
}

/** An entry's own page. */
export const entryPage = (key: string, prefix = '') => `${prefix}/daftar-pustaka/${key}/`;
