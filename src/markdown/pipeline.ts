// The Markdown pipeline of every chapter, in one place: astro.config.mjs, the unit tests, the
// citations bench (scripts/bench/citations.ts) and the MDX syntax check (scripts/check-mdx.mjs) all
// take their stages from here, so what they run is what the site runs. The stages, in order:
//
//  Astro reads the front matter of the .mdx file and hands it to the processor (file.data.astro.frontmatter).
//  1. gfm               remark-gfm: tables, footnotes, autolinks (Astro's built-in copy is off, so
//                       it runs once); smart quotes are off too: they would rewrite the authors' punctuation.
//  2. charts            remarkCharts (./remark-charts.ts): checks and numbers the <Chart dataset="…" /> tags.
//     (remark-rehype)   Markdown to HTML; the footnotes' heading and back links get Indonesian labels.
//  3. citeLinks         rehypeCiteLinks (src/bibliography/rehype-cite-links.ts): each printed citation
//                       becomes a link to its entry with a stable id, and every citation is written back
//                       into the chapter's front matter (`citations`): the front-matter hand-off that
//                       src/bibliography/cited.ts reads for the reference lists' back-links.
//  4. footnotes         rehypeFootnotes (./rehype-footnotes.ts): sidenotes beside the calling paragraph;
//                       marks the footnotes' labels for localisation.
//  5. sectionAnchors    rehypeSectionAnchors (./rehype-section-anchors.ts): heading ids and their link controls.
//  6. paragraphAnchors  rehypeParagraphAnchors (./rehype-paragraph-anchors.ts): content-hash paragraph ids, ¶ marks.
//  7. passageAnchors    rehypePassageAnchors (src/passages/rehype-passage-anchors.ts): ids and link controls
//                       for list items and footnotes, by the same rules as paragraphs.
//  8. movedIds          rehypeMovedIds (src/links/rehype-moved-ids.ts): anchors keeping retired ids alive.
//  9. scrollableTables  rehypeScrollableTables (./rehype-scrollable-tables.ts): focusable, labelled table regions.
// 10. floats            rehypeFloats (src/figures/rehype-floats.ts): numbered tables, figures and charts
//                       with their own anchors; "Tabel 1.1" in the text becomes a link to it.
// 11. abbreviations     rehypeAbbreviations (src/abbreviations/rehype-abbreviations.ts): where the chapter
//                       spells an abbreviation out (into the front matter), and its first use marked.
//  Later, once per page: localizeHtml (src/i18n/localize-html.ts, called by src/reading/Prose.astro)
//  puts the labels marked by stages 4-10 into the page's interface language.
import type { RehypePlugins, RemarkPlugins, RemarkRehype } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { rehypeCiteLinks } from '../bibliography/rehype-cite-links.ts';
import { id as t } from '../i18n/id.ts';
import { rehypeMovedIds } from '../links/rehype-moved-ids.ts';
import { rehypePassageAnchors } from '../passages/rehype-passage-anchors.ts';
import { rehypeFloats } from '../figures/rehype-floats.ts';
import { rehypeAbbreviations } from '../abbreviations/rehype-abbreviations.ts';
import { rehypeFootnotes } from './rehype-footnotes.ts';
import { rehypeParagraphAnchors } from './rehype-paragraph-anchors.ts';
import { rehypeScrollableTables } from './rehype-scrollable-tables.ts';
import { rehypeSectionAnchors } from './rehype-section-anchors.ts';
import { remarkCharts } from './remark-charts.ts';

export type Stage =
  | 'gfm'
  | 'charts'
  | 'citeLinks'
  | 'footnotes'
  | 'sectionAnchors'
  | 'paragraphAnchors'
  | 'passageAnchors'
  | 'movedIds'
  | 'scrollableTables'
  | 'floats'
  | 'abbreviations';

/** Every stage, in the order it runs. */
export const STAGES: readonly Stage[] = [
  'gfm',
  'charts',
  'citeLinks',
  'footnotes',
  'sectionAnchors',
  'paragraphAnchors',
  'passageAnchors',
  'movedIds',
  'scrollableTables',
  'floats',
  'abbreviations',
];

/** The labels remark-rehype gives the footnotes (Indonesian; marked for localizeHtml by rehypeFootnotes). */
export const remarkRehype: RemarkRehype = {
  footnoteLabel: t.reading.footnotesHeading,
  footnoteBackLabel: (i: number) => t.reading.backToReference(String(i + 1)),
};

/**
 * The plugins of the pipeline, or of the stages named in `only` (always in pipeline order, so a
 * test of some stages runs them as the site does). `root` is the project root the stages that read
 * content/ resolve from.
 */
export function pipeline(
  root: string,
  only: readonly Stage[] = STAGES,
): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins; remarkRehype: RemarkRehype } {
  const on = (s: Stage) => only.includes(s);
  const remarkPlugins: RemarkPlugins = [];
  if (on('gfm')) remarkPlugins.push(remarkGfm);
  if (on('charts')) remarkPlugins.push(remarkCharts);
  const rehypePlugins: RehypePlugins = [];
  if (on('citeLinks')) rehypePlugins.push([rehypeCiteLinks, { root }]);
  if (on('footnotes')) rehypePlugins.push(rehypeFootnotes);
  if (on('sectionAnchors')) rehypePlugins.push(rehypeSectionAnchors);
  if (on('paragraphAnchors')) rehypePlugins.push(rehypeParagraphAnchors);
  if (on('passageAnchors')) rehypePlugins.push(rehypePassageAnchors);
  if (on('movedIds')) rehypePlugins.push([rehypeMovedIds, { root }]);
  if (on('scrollableTables')) rehypePlugins.push(rehypeScrollableTables);
  if (on('floats')) rehypePlugins.push(rehypeFloats);
  if (on('abbreviations')) rehypePlugins.push(rehypeAbbreviations);
  return { remarkPlugins, rehypePlugins, remarkRehype };
}

/** Options for Astro's processor (`unified()` in astro.config.mjs, `createMarkdownProcessor` in tests). */
export function markdownOptions(root: string, only?: readonly Stage[]) {
  // gfm: the built-in copy is off (stage 1 runs remark-gfm); smartypants: fidelity first.
  return { gfm: false, smartypants: false, ...pipeline(root, only) };
}
