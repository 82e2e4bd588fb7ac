// Abbreviations, held against content/: every expansion a work's Daftar Singkatan lists is spelled
// out in that work's own text, as "Long Form (ABBR)" or "ABBR (Long Form)"; it links to a passage
// that exists; the library list shows every work's expansion with its work; and in the chapters
// each marked abbreviation is marked once per chapter, with its work's expansion, its words unchanged.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT, DIST, readBuilt, works } from '../support/site.ts';

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const plain = (s: string) => decode(s.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
/** A work's chapters as plain text: emphasis marks and tags out, spaces collapsed. */
const workText = (slug: string) =>
  readdirSync(join(CONTENT, 'chapters', slug))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(join(CONTENT, 'chapters', slug, f), 'utf8'))
    .join('\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ');

interface Row {
  abbr: string;
  expansion: string;
  links: string[];
}
function rows(path: string): Row[] {
  // A work that spells out no abbreviation has no list page.
  if (!existsSync(join(DIST, path, 'index.html')) && path.endsWith('/')) return [];
  const body = /<table class="abbr-list"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(readBuilt(path))?.[1] ?? '';
  let abbr = '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = m[1]!;
    abbr = /<abbr>([^<]+)<\/abbr>/.exec(cells)?.[1] ?? abbr;
    const expansion = plain(/<td[^>]*>([\s\S]*?)<\/td>/.exec(cells)![1]!);
    return { abbr, expansion, links: [...cells.matchAll(/<a href="([^"]+)"/g)].map((l) => decode(l[1]!)) };
  });
}

const library = works();
const perWork = new Map(library.map((w) => [w.slug, rows(`/${w.slug}/singkatan/`)]));

describe('abbreviations', () => {
  it('the texts spell some out (the check below has something to check)', () => {
    expect([...perWork.values()].flat().length).toBeGreaterThan(10);
  });

  it.each(library.map((w) => [w.slug]))("every expansion of %s's list is spelled out in its own text, and links to its passage", (slug) => {
    const text = workText(slug);
    for (const r of perWork.get(slug)!) {
      const e = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
      const spelled = new RegExp(`${e(r.expansion)}\\s*\\(${e(r.abbr)}\\)|${e(r.abbr)}\\s*\\(${e(r.expansion)}\\)`).test(text);
      expect(spelled, `${slug}: ${r.abbr} = ${r.expansion}`).toBe(true);
      expect(r.links.length).toBeGreaterThan(0);
      for (const href of r.links) {
        const [path, fragment] = href.split('#');
        const html = readBuilt(path!);
        if (fragment!.startsWith(':~:text=')) expect(plain(html)).toContain(decodeURIComponent(fragment!.slice(8)));
        else expect(html, href).toContain(`id="${fragment}"`);
      }
    }
  });

  it("the library's list shows each work's expansions with that work", () => {
    const all = rows('/singkatan/');
    for (const [slug, list] of perWork) {
      for (const r of list) {
        expect(all.some((a) => a.abbr === r.abbr && a.expansion === r.expansion && a.links.some((l) => l.startsWith(`/${slug}/`))), `${slug}: ${r.abbr}`).toBe(true);
      }
    }
  });

  it.each(library.flatMap((w) => w.chapters.map((c) => [`/${w.slug}/${c.slug}/`, w.slug] as const)))('%s marks each abbreviation at most once, with its work\'s expansion', (path, slug) => {
    const marks = [...readBuilt(path).matchAll(/<abbr class="abbr" title="([^"]+)" tabindex="0">([^<]+)<\/abbr>/g)].map((m) => ({ title: decode(m[1]!), abbr: m[2]! }));
    expect(new Set(marks.map((m) => m.abbr)).size).toBe(marks.length);
    const listed = perWork.get(slug)!;
    for (const m of marks) expect(listed.some((r) => r.abbr === m.abbr && r.expansion === m.title), `${path}: ${m.abbr}`).toBe(true);
  });
});
