// Page descriptions (meta description, og:description) and the plain abstract, from the authors' own
// words only. Reference managers save a page's description as the abstract when the page gives none
// (Zotero's Embedded Metadata translator falls back to og:description, then meta name="description"),
// so a description is never the site's tagline or a work's title: it is the work's abstract, or the
// opening words of the chapter on that page; a page with neither gets none.
import type { Chapter, Work } from '../works/works.ts';

/** Longest description, in characters: about what search engines show. */
export const DESCRIPTION_MAX = 200;

const SENTENCE_END = /[.!?…]["”’)]?(?=\s|$)/g;

/**
 * `text` whole if it fits in `max` characters; otherwise its whole sentences that fit, or, when the
 * first sentence alone is longer, its words up to the last one that fits, with "…". Never a cut word.
 */
export function excerpt(text: string, max = DESCRIPTION_MAX): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  let end = 0;
  for (const m of s.matchAll(SENTENCE_END)) {
    const at = m.index + m[0].length;
    if (at > max) break;
    end = at;
  }
  if (end > 0) return s.slice(0, end);
  const cut = s.slice(0, max).lastIndexOf(' ');
  return `${s.slice(0, cut > 0 ? cut : max).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Markdown emphasis marks dropped (the abstracts in content/works use *…* for foreign words). */
export const stripEmphasis = (s: string) => s.replace(/[*_]/g, '');

/** The work's whole abstract in its own language, paragraphs joined, or undefined. */
export function plainAbstract(work: Work): string | undefined {
  const paras = work.data.abstracts[work.data.language];
  return paras?.length ? stripEmphasis(paras.join('\n\n')) : undefined;
}

/**
 * The first paragraph of the chapter's own text as plain words: citations (`[@key]`) and footnote
 * marks (`[^1]`) left out, emphasis marks dropped, link text kept. Headings, editor's notes and
 * other components, tables, lists and quotations are skipped, and so is a paragraph whose words
 * depend on rendering (a narrative `@key` citation, inline HTML), so nothing but the author's
 * printed words is returned. Undefined when the chapter has no such paragraph (a reference list).
 */
export function chapterOpening(chapter: Chapter): string | undefined {
  const body = chapter.body ?? '';
  for (const block of body.split(/\n\s*\n/)) {
    const b = block.trim();
    if (!b || /^(#|<|\{|import\s|export\s|\||[-*+]\s|\d+[.)]\s|>|```|:::)/.test(b)) continue;
    const text = b
      .replace(/\s*\[(?:[^\]]*?;\s*)?-?@[^\]]*\]/g, '')
      .replace(/\[\^[^\]]+\]/g, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
    if (/[<>{}@[\]]/.test(text)) continue;
    const plain = stripEmphasis(text).replace(/\s+/g, ' ').trim();
    if (plain) return plain;
  }
  return undefined;
}

/** A work page's description: its abstract, excerpted; none for a work without one. */
export function workDescription(work: Work): string | undefined {
  const abstract = plainAbstract(work);
  return abstract && excerpt(abstract);
}

/**
 * A chapter page's description: its own opening words, else the work's abstract. None for a chapter
 * of a work without an abstract: Zotero saves a chapter page as the whole work, and with no
 * citation_abstract it would save the description (the chapter's first words, cut) as the work's
 * abstract, which the author never wrote.
 */
export function chapterDescription(work: Work, chapter: Chapter): string | undefined {
  if (!plainAbstract(work)) return undefined;
  const opening = chapterOpening(chapter);
  return opening ? excerpt(opening) : workDescription(work);
}
