// A work's abbreviations for the Daftar Singkatan pages, from what rehype-abbreviations recorded
// for each chapter: per abbreviation, each different expansion with the passages that give it.
import { render } from 'astro:content';
import { chapterLabel, chapterUrl, getChaptersByWork, getWorks, type Work } from '../works/works.ts';
import { expansionKey } from './find.ts';
import type { ChapterAbbreviation } from './rehype-abbreviations.ts';
import { registerCache } from '../build/cache.ts';

export interface Place {
  chapter: string;
  /** Chapter path with the paragraph id, or a text fragment to the words where the block has none. */
  href: string;
}
export interface Form {
  expansion: string;
  places: Place[];
}
export interface Entry {
  abbr: string;
  forms: Form[];
}

export async function workAbbreviationList(work: Work): Promise<Entry[]> {
  const chapters = (await getChaptersByWork()).get(work.id) ?? [];
  const byAbbr = new Map<string, Map<string, Form>>();
  for (const chapter of chapters) {
    const found = ((await render(chapter)).remarkPluginFrontmatter.abbreviations as ChapterAbbreviation[] | undefined) ?? [];
    for (const a of found) {
      const forms = byAbbr.get(a.abbr) ?? new Map<string, Form>();
      byAbbr.set(a.abbr, forms);
      // Each printed form apart (capitals and typos as printed); the library page says where works differ.
      const key = a.expansion.normalize('NFC').replace(/\s+/g, ' ').trim();
      const form = forms.get(key) ?? { expansion: a.expansion, places: [] };
      forms.set(key, form);
      const href = `${chapterUrl(chapter)}#${a.para ?? `:~:text=${encodeURIComponent(a.quote)}`}`;
      if (!form.places.some((p) => p.href === href)) form.places.push({ chapter: chapterLabel(chapter), href });
    }
  }
  return [...byAbbr.entries()].map(([abbr, forms]) => ({ abbr, forms: [...forms.values()] })).sort((a, b) => a.abbr.localeCompare(b.abbr, 'id'));
}

/**
 * The works that spell out at least one abbreviation: only these get a Daftar Singkatan page (a page
 * saying "none" would be indexed by search and listed in the sitemap for nothing).
 */
export async function worksWithAbbreviations(): Promise<Work[]> {
  const works = await getWorks();
  const lists = await Promise.all(works.map(workAbbreviationList));
  return works.filter((_, i) => lists[i]!.length > 0);
}

/** One row of the library's Daftar Singkatan: an abbreviation as one work spells it out. */
export interface LibraryRow {
  abbr: string;
  expansion: string;
  /** Works spell this abbreviation out differently (compared without case and spacing; ./find.ts). */
  differs: boolean;
  work: Work;
  href: string;
}

let libraryRows: Promise<LibraryRow[]> | undefined;
registerCache(
  "src/abbreviations/collect.ts: the library's Daftar Singkatan rows",
  'pages',
  'the rendered chapters (not kept in dev: read on every request)',
  () => (libraryRows = undefined),
);

/**
 * Every work's abbreviations as rows, by abbreviation, then in library order: the library page is
 * paged over these rows (src/scale/paging.ts), so no page grows with the library. Read once per build.
 */
export function getLibraryAbbreviationRows(): Promise<LibraryRow[]> {
  const read = async () => {
    const rows: LibraryRow[] = [];
    const keys = new Map<string, Set<string>>();
    for (const work of await getWorks()) {
      for (const e of await workAbbreviationList(work)) {
        for (const f of e.forms) {
          rows.push({ abbr: e.abbr, expansion: f.expansion, differs: false, work, href: f.places[0]!.href });
          keys.set(e.abbr, (keys.get(e.abbr) ?? new Set()).add(expansionKey(f.expansion)));
        }
      }
    }
    for (const r of rows) r.differs = keys.get(r.abbr)!.size > 1;
    // A stable sort keeps library order within an abbreviation.
    return rows.sort((x, y) => x.abbr.localeCompare(y.abbr, 'id'));
  };
  if (import.meta.env.DEV) return read();
  return (libraryRows ??= read());
}
