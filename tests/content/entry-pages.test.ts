// An entry's page has one interface, the Indonesian one (#30: an English copy of every entry's page
// was a tenth of the site's bytes). Its old English address stays published as a small page that
// leads to it at once; the English pages link to it directly; its language switch leads to the
// entry in the English interface's site-wide list. The keys come from content/bibliography.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY_FILE } from '../../src/paths.ts';
import { entryPage } from '../support/bibliography-pages.ts';
import { NOINDEX, ROOT, SITE, builtPages, readBuilt, refreshTarget } from '../support/site.ts';

const keys = (JSON.parse(readFileSync(join(ROOT, BIBLIOGRAPHY_FILE), 'utf8')) as { id: string }[]).map((e) => e.id);
const hrefs = (html: string) => [...html.matchAll(/<a [^>]*?href="([^"]*)"/g)].map((m) => m[1]!);

describe.skipIf(keys.length === 0)("an entry's page", () => {
  it('its old English address leads to it at once, asks not to be indexed, and is small', () => {
    for (const key of keys) {
      const html = readBuilt(entryPage(key, '/en'));
      expect(refreshTarget(html), key).toBe(entryPage(key));
      expect(html, key).toMatch(NOINDEX);
      expect(html, key).toContain(`<link rel="canonical" href="${SITE}${entryPage(key)}">`);
      // Without the refresh (a reader may block it), its link leads there.
      expect(hrefs(html), key).toEqual([entryPage(key)]);
      expect(html.length, key).toBeLessThan(2048);
    }
  });

  it('is linked to as it is from the English pages, never through its old English address', () => {
    const old = new Set(keys.map((k) => entryPage(k, '/en')));
    const through = builtPages()
      .filter((p) => p.startsWith('/en/'))
      .flatMap((p) => hrefs(readBuilt(p)).filter((h) => old.has(h.split('#')[0]!)).map((h) => `${p} -> ${h}`));
    expect(through).toEqual([]);
    // They do link to entries' pages (the English site-wide list does), saying the page's language.
    const list = readBuilt('/en/daftar-pustaka/');
    const linked = keys.filter((k) => list.includes(`href="${entryPage(k)}"`));
    expect(linked.length).toBeGreaterThan(0);
    for (const k of linked) expect(list, k).toContain(`href="${entryPage(k)}" hreflang="id"`);
  });

  it("its language switch leads to the entry in the English interface's site-wide list", () => {
    for (const key of keys) {
      const html = readBuilt(entryPage(key));
      const target = /<a class="language-switch" href="([^"]+)"/.exec(html)?.[1] ?? '';
      const [path, hash] = target.split('#') as [string, string | undefined];
      expect(path.startsWith('/en/daftar-pustaka/'), `${key}: ${target}`).toBe(true);
      expect(hash, key).toBe(key);
      expect(readBuilt(path), `${key}: ${target}`).toContain(`id="${key}"`);
      expect(html, key).not.toContain('hreflang="en" href=');
    }
  });
});
