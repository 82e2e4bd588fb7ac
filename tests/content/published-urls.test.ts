// Published addresses never vanish: every address of tests/content/published-urls.txt (what the site
// published before the library's lists were paged) still resolves in the built site, as a
// file or a page, and an entry anchor of the site-wide bibliography (/daftar-pustaka/#key) either
// is on its first page or is sent by that page's script to the entry's own page, which exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, readBuilt } from '../support/site.ts';
import { entryPage } from '../support/bibliography-pages.ts';

const urls = readFileSync(new URL('./published-urls.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('/'));
const file = (path: string) => join(DIST, path.endsWith('/') ? `${path}index.html` : path);

describe('addresses published before', () => {
  it('the list is read (pages, downloads and entry anchors)', () => {
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.some((u) => u.includes('#'))).toBe(true);
  });

  it('every page and file still resolves', () => {
    const missing = urls.filter((u) => !u.includes('#')).filter((u) => !existsSync(file(u)));
    expect(missing).toEqual([]);
  });

  it('every entry anchor of the site-wide bibliography reaches its entry', () => {
    const broken: string[] = [];
    for (const url of urls.filter((u) => u.includes('#'))) {
      const [path, key] = url.split('#') as [string, string];
      const html = readBuilt(path);
      if (html.includes(`id="${key}"`)) continue;
      const prefix = path.startsWith('/en/') ? '/en' : '';
      // Not on the page: its script (src/scale/browser/entry-anchor.ts) goes to the entry's page.
      const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => readFileSync(file(m[1]!), 'utf8'));
      const redirects = scripts.some((code) => code.includes('hashchange') && code.includes('location.replace'));
      if (!redirects || !existsSync(file(entryPage(key, prefix)))) broken.push(url);
    }
    expect(broken).toEqual([]);
  });
});
