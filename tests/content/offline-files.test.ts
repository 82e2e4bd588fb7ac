// What the build ships for offline reading and installing: a service worker whose precache manifest
// lists every built file with a revision that changes with its content (so a new build replaces
// exactly what changed), a web app manifest, and a search index without Pagefind's unused extras.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/id.ts';
import { DIST, builtPages, readBuilt } from '../support/site.ts';

const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => relative(DIST, join(d.parentPath, d.name)))
  .sort();

function precacheManifest(): Map<string, string | null> {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const entries = [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"([0-9a-f]+)"|null)\}/g)];
  return new Map(entries.map((m) => [m[1]!, m[2] ?? null]));
}

describe('service worker', () => {
  it('precaches every built file: pages, styles, scripts, data, icons and the search index', () => {
    const manifest = precacheManifest();
    // The EPUBs and the data zip are downloads the reader asks for, not part of the automatic copy.
    expect([...manifest.keys()].sort()).toEqual(files.filter((f) => f !== 'sw.js' && !/\.(epub|zip)$/.test(f)));
    for (const page of builtPages()) {
      const file = page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1);
      expect(manifest.has(file), page).toBe(true);
    }
    expect([...manifest.keys()].filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(5);
  });

  it('gives each file a revision that is the hash of its content, or a content-hashed name', () => {
    for (const [url, revision] of precacheManifest()) {
      if (revision === null) expect(url, 'only hashed file names go without a revision').toMatch(/^_astro\/.+\.[\w-]{8}\.\w+$/);
      else expect(revision, url).toBe(createHash('md5').update(readFileSync(join(DIST, url))).digest('hex'));
    }
  });
});

describe('web app manifest', () => {
  it('names the library, starts at the home page and has icons that exist', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toBe(t.siteName);
    expect(manifest.start_url).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) expect(existsSync(join(DIST, icon.src)), icon.src).toBe(true);
  });

  it('is linked from every page', () => {
    for (const page of builtPages()) expect(readBuilt(page), page).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  });
});

describe('search index', () => {
  it('ships the search API and index, not Pagefind’s ready-made interfaces', () => {
    const pagefind = readdirSync(join(DIST, 'pagefind'));
    expect(pagefind).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-highlight.js', 'pagefind-entry.json']));
    expect(pagefind.filter((f) => /-ui\./.test(f))).toEqual([]);
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['id']);
  });
});
