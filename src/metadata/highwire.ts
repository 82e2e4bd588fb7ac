// What reference managers and Google Scholar read from a work page and its chapter pages: Highwire
// Press `citation_*` tags, Dublin Core (`DC.*`) and `eprints.thesis_type`. Only what the source
// gives: a work with no named author gets no citation_author, one with no year no date.
//
// Zotero's Embedded Metadata translator (zotero/translators, "Embedded Metadata.js") takes the item
// type from the Highwire tags first (citation_journal_title: journal article;
// citation_dissertation_institution: thesis) and, without one of those, from the Dublin Core and
// Open Graph tags through its RDF translator (RDF.js: DC.type "Thesis" gives a thesis; the thesis
// type is then eprints.thesis_type). Two of the theses name no institution, so DC.type is what makes
// them theses without inventing one. The abstract is citation_abstract (whole); without it Zotero
// would save og:description or the meta description, so those are the authors' words too
// (description.ts).
//
// A chapter page carries the tags of the whole work, with the chapter's address: a chapter of an
// unpublished thesis, or a section of an article, is not published on its own, so Google Scholar
// and a reference manager should see one item per work, never "BAB I Pendahuluan" as a book
// section. The chapter's .bib/.ris downloads give the same item (csl-item.ts).
import { citationReferences } from '../bibliography/references.ts';
import { THESIS_GENRE } from '../cite/csl-item.ts';
import { plainAbstract } from './description.ts';
import { workTitle, type Work } from '../works/works.ts';

/** name, content and, for text in the work's language, its language (the page may be English). */
export type MetaTag = readonly [name: string, content: string, lang?: string];

export interface HighwireUrls {
  /** Absolute URL of the work page (the abstract page). */
  work: string;
  /** Absolute URL of a chapter page when the tags are for one (its full text). */
  chapter?: string;
  /** Absolute URL of the work's PDF (the whole text: Google Scholar's citation_pdf_url, Zotero saves it). */
  pdf?: string;
  /** Absolute URL of another page of the work (its list of tables and figures, of abbreviations). */
  page?: string;
  /**
   * The page is the work's in the English interface: its references are left to the Indonesian
   * work page, which Google Scholar indexes (the English one names it as its alternate); they were
   * 10 KB of a work page's head, and 1 MB of a 100-work site (#30).
   */
  english?: boolean;
}

/** The kind of thesis where the source says which ("Skripsi"); undefined where it does not. */
export function thesisType(work: Work): string | undefined {
  return work.data.type === 'skripsi' ? THESIS_GENRE : undefined;
}

export function highwireTags(work: Work, urls: HighwireUrls): MetaTag[] {
  const d = work.data;
  const lang = d.language;
  const title = workTitle(work);
  const abstract = plainAbstract(work);
  const tags: MetaTag[] = [['citation_title', title, lang]];
  for (const a of d.authors) tags.push(['citation_author', a.name]);
  if (d.year !== undefined) tags.push(['citation_publication_date', String(d.year)]);
  tags.push(['citation_language', lang]);
  for (const k of d.keywords[lang] ?? []) tags.push(['citation_keywords', k, lang]);
  if (abstract) tags.push(['citation_abstract', abstract, lang]);
  tags.push(['citation_abstract_html_url', urls.work]);
  if (urls.chapter) tags.push(['citation_fulltext_html_url', urls.chapter]);
  if (urls.pdf) tags.push(['citation_pdf_url', urls.pdf]);
  // The address the item is saved with, the same as the UR of this page's .ris download.
  tags.push(['citation_public_url', urls.chapter ?? urls.page ?? urls.work]);
  if (d.type === 'journal-article' && d.journal) {
    const j = d.journal;
    tags.push(
      ['citation_journal_title', j.name],
      ['citation_volume', j.volume],
      ['citation_issue', j.issue],
      ['citation_firstpage', String(j.firstPage)],
      ['citation_lastpage', String(j.lastPage)],
    );
    for (const issn of [j.eissn, j.pissn]) if (issn) tags.push(['citation_issn', issn]);
  } else {
    if (d.institution) tags.push(['citation_dissertation_institution', d.institution]);
    const kind = thesisType(work);
    if (kind) tags.push(['citation_dissertation_name', kind, lang]);
  }
  // The work's references where Google Scholar reads them, its abstract page; repeated in every
  // chapter's <head> they were a third of a chapter's HTML before compression (issue #26). A
  // reference manager saving a chapter saves the work, which has no field for them.
  if (!urls.chapter && !urls.page && !urls.english) for (const ref of citationReferences(work)) tags.push(['citation_reference', ref]);
  return [...tags, ...dublinCoreTags(work)];
}

/**
 * Dublin Core and the eprints thesis type, as Zotero's RDF translator reads them. No
 * DC.description: the abstract is given once, as citation_abstract, which Zotero reads first.
 */
export function dublinCoreTags(work: Work): MetaTag[] {
  const d = work.data;
  const lang = d.language;
  const article = d.type === 'journal-article';
  // RDF.js lower-cases DC.type and drops spaces: "thesis" → thesis, "journalarticle" → journalArticle.
  const tags: MetaTag[] = [
    ['DC.type', article ? 'Journal Article' : 'Thesis'],
    ['DC.title', workTitle(work), lang],
  ];
  for (const a of d.authors) tags.push(['DC.creator', a.name]);
  if (d.year !== undefined) tags.push(['DC.date', String(d.year)]);
  tags.push(['DC.language', lang]);
  if (!article && d.institution) tags.push(['DC.publisher', d.institution]);
  const kind = thesisType(work);
  if (kind) tags.push(['eprints.thesis_type', kind, lang]);
  return tags;
}
