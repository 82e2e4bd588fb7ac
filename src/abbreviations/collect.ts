// A work's abbreviations for the Daftar Singkatan pages, from what rehype-abbreviations recorded
// for each chapter: per abbreviation, each different expansion with the passages that give it.
import { render } from 'astro:content';
import { chapterLabel, chapterUrl, getChaptersByWork, type Work } from '../works/works';
import type { ChapterAbbreviation } from './rehype-abbreviations';

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
  return [...byAbbr.entries()]
    .map(([abbr, forms]) => ({ abbr, forms: [...forms.values()] }))
    .sort((a, b) => a.abbr.localeCompare(b.abbr, 'id'));
}
