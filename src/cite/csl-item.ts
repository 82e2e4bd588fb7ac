// A work's and a chapter's metadata as CSL-JSON, the input of every citation format on the site.
// Only what the source gives: no author, year, institution or place is filled in when it is absent.
import { workTitle, type Chapter, type Work } from '../works/works.ts';
import { plainAbstract } from '../metadata/description.ts';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'thesis' | 'article-journal';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [[number]] };
  genre?: string;
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  ISSN?: string;
  URL: string;
  language: string;
  keyword?: string;
  abstract?: string;
}

/**
 * Names as the sources print them ("Honorius Kia Kokomakingi"): the last word is taken as the family
 * name, as Indonesian bibliographies (and the works' own reference lists) usually do; a one-word
 * name stays whole.
 */
export function cslName(name: string): CslName {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { literal: name.trim() };
  return { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') };
}

/**
 * The genre of a skripsi, as the works print it. Only a work of type `skripsi` gets it: the source
 * of a `thesis-chapter` does not say what kind of thesis it belongs to.
 */
export const THESIS_GENRE = 'Skripsi';

function common(work: Work) {
  const d = work.data;
  return {
    ...(d.authors.length > 0 && { author: d.authors.map((a) => cslName(a.name)) }),
    ...(d.year !== undefined && { issued: { 'date-parts': [[d.year]] as [[number]] } }),
    language: d.language,
  };
}

/** The work itself, at `url` (the work page, or the section page of an article). */
export function workItem(work: Work, url: string): CslItem {
  const d = work.data;
  const keywords = d.keywords[d.language];
  const abstract = plainAbstract(work);
  const base = {
    id: work.id,
    title: workTitle(work),
    URL: url,
    ...common(work),
    ...(keywords?.length && { keyword: keywords.join(',') }),
    ...(abstract && { abstract }),
  };
  if (d.type === 'journal-article' && d.journal) {
    const j = d.journal;
    // Both ISSNs, as Zotero keeps several in its one ISSN field (joined by ", ").
    const issn = [j.eissn, j.pissn].filter(Boolean).join(', ');
    return {
      ...base,
      type: 'article-journal',
      'container-title': j.name,
      volume: j.volume,
      issue: j.issue,
      page: `${j.firstPage}-${j.lastPage}`,
      ...(issn && { ISSN: issn }),
    };
  }
  return {
    ...base,
    type: 'thesis',
    ...(d.type === 'skripsi' && { genre: THESIS_GENRE }),
    ...(d.institution && { publisher: d.institution }),
    ...(d.city && { 'publisher-place': d.city }),
  };
}

/**
 * A chapter at `url`: the whole work, with the chapter's address. A chapter of an unpublished thesis,
 * or a section of an article, is not a publication of its own (there is no book it is a section of),
 * and citation styles cite the thesis or the article; the chapter page's Highwire and Dublin Core
 * tags say the same (src/metadata/highwire.ts), so saving the page and importing its file agree.
 */
export function chapterItem(work: Work, _chapter: Chapter, url: string): CslItem {
  return workItem(work, url);
}
