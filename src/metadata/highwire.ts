// Highwire Press tags (read by Google Scholar, Zotero, Mendeley) for a work and its chapters.
// Only what the source gives: a work with no named author gets no citation_author, one with no year
// no citation_publication_date. A thesis is marked by citation_dissertation_institution where the
// institution is known and, always, citation_dissertation_name (its title), which is what lets
// Zotero recognise a thesis whose institution the source does not name.
import { citationReferences } from '../citations/references';
import { workTitle } from '../citations/csl-item';
import type { Work } from '../lib/works';

export type MetaTag = readonly [name: string, content: string];

export interface HighwireUrls {
  /** Absolute URL of the work page (the abstract page). */
  work: string;
  /** Absolute URL of a chapter page when the tags are for one (its full text). */
  chapter?: string;
}

export function highwireTags(work: Work, urls: HighwireUrls): MetaTag[] {
  const d = work.data;
  const title = workTitle(work);
  const tags: MetaTag[] = [['citation_title', title]];
  for (const a of d.authors) tags.push(['citation_author', a.name]);
  if (d.year !== undefined) tags.push(['citation_publication_date', String(d.year)]);
  tags.push(['citation_language', d.language]);
  for (const k of d.keywords[d.language] ?? []) tags.push(['citation_keywords', k]);
  tags.push(['citation_abstract_html_url', urls.work]);
  if (urls.chapter) tags.push(['citation_fulltext_html_url', urls.chapter]);
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
    tags.push(['citation_dissertation_name', title]);
  }
  for (const ref of citationReferences(work)) tags.push(['citation_reference', ref]);
  return tags;
}
