// The full references of the entries a chapter cites author-date, for its citation popover
// (CitationPopover.astro): a small JSON file beside the chapter (`rujukan.json`, one per interface,
// each in its work's offline pack), fetched on the reader's first sign of reaching a citation
// (hover, focus or tap on one, or the first Tab), not with the page: on Borotoding's BAB I they
// were 1.3 KB of the 24.7 KB a chapter may weigh (issue #26). browser/citation-popover.ts puts them
// into the page, hidden, and ties each citation to its entry's with aria-describedby.
import { render } from 'astro:content';
import { formatWork } from './entries.ts';
import type { RenderedCitation } from './rehype-cite-links.ts';
import { ROOT } from '../paths.ts';
import type { Dictionary } from '../i18n/id.ts';
import { getChaptersByWork, getWorks, chapterSlug, type Chapter, type Work } from '../works/works.ts';

/** The file's name, beside the chapter's page. */
export const PREVIEWS_FILE = 'rujukan.json';

/** The chapter's citations, as the citation plugin recorded them. */
export async function chapterCitations(chapter: Chapter): Promise<RenderedCitation[]> {
  const { remarkPluginFrontmatter } = await render(chapter);
  return (remarkPluginFrontmatter.citations as RenderedCitation[] | undefined) ?? [];
}

/** Whether a chapter shows the popover: it cites in its text (a note-style citation is a footnote). */
export const citesInText = (citations: RenderedCitation[]) => citations.some((c) => !c.note);

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Entry key → the entry's full reference (HTML), as the work's reference list gives it. */
export function previewsOf(work: Work, citations: RenderedCitation[], t: Dictionary): Record<string, string> {
  const cited = new Set(citations.flatMap((c) => c.keys));
  const out: Record<string, string> = {};
  for (const { ref, html, number } of formatWork(ROOT, work.id, work.data.citationStyle)) {
    if (!cited.has(ref.id)) continue;
    out[ref.id] = `${number ? `${number}. ` : ''}${html}${ref.incomplete ? ` (${escapeText(`${t.bibliography.incompleteEntry}: ${ref.note ?? ''}`)})` : ''}`;
  }
  return out;
}

/** Every chapter that cites in its text, with its citations: the paths of the JSON files. */
export async function previewPaths() {
  const byWork = await getChaptersByWork();
  const paths: { params: { work: string; chapter: string }; props: { work: Work; citations: RenderedCitation[] } }[] = [];
  for (const work of await getWorks()) {
    for (const chapter of byWork.get(work.id) ?? []) {
      const citations = await chapterCitations(chapter);
      if (citesInText(citations)) paths.push({ params: { work: work.id, chapter: chapterSlug(chapter) }, props: { work, citations } });
    }
  }
  return paths;
}
