// Where each entry is cited across the library: read from what the citation plugin recorded while
// rendering each chapter (front matter `citations`), so back-links point at the exact elements.
import { render } from 'astro:content';
import type { RenderedCitation } from './rehype-cite-links.ts';
import { chapterUrl, getChaptersByWork, getWorks, type Chapter, type Work } from '../works/works.ts';
import { perBuild } from '../build/cache.ts';

export interface CitationUse {
  work: Work;
  chapter: Chapter;
  /** The citation element's id in the chapter page. */
  id: string;
  /** The citation as rendered, e.g. "(Goma 2020, 40)"; a note's number for a note style. */
  text: string;
  note?: boolean;
  url: string;
}

export async function chapterCitations(chapter: Chapter): Promise<RenderedCitation[]> {
  const { remarkPluginFrontmatter } = await render(chapter);
  return (remarkPluginFrontmatter.citations as RenderedCitation[] | undefined) ?? [];
}

/** Every citation of every entry, by key, in library order (work, chapter, place in the text). */
export const citationUsage: () => Promise<Map<string, CitationUse[]>> = perBuild('src/bibliography/cited.ts: where each entry is cited', async () => {
  const byKey = new Map<string, CitationUse[]>();
  const byWork = await getChaptersByWork();
  for (const work of await getWorks()) {
    for (const chapter of byWork.get(work.id) ?? []) {
      for (const c of await chapterCitations(chapter)) {
        for (const key of c.keys) {
          const list = byKey.get(key) ?? [];
          list.push({ work, chapter, id: c.id, text: c.text, note: c.note, url: `${chapterUrl(chapter)}#${c.id}` });
          byKey.set(key, list);
        }
      }
    }
  }
  return byKey;
});
