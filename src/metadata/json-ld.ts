// schema.org descriptions of a work (Thesis or ScholarlyArticle) and of a chapter (Chapter, isPartOf
// the work), with only the facts the source gives.
import { chapterLabel, workTitle, type Chapter, type Work } from '../works/works.ts';

type Json = { [key: string]: unknown };

function workNode(work: Work, url: string): Json {
  const d = work.data;
  const keywords = d.keywords[d.language];
  const abstract = d.abstracts[d.language];
  const node: Json = {
    '@type': d.type === 'journal-article' ? 'ScholarlyArticle' : 'Thesis',
    '@id': url,
    url,
    name: workTitle(work),
    inLanguage: d.language,
  };
  if (d.type === 'journal-article') node.headline = workTitle(work);
  if (d.authors.length) {
    node.author = d.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      ...(a.affiliation && { affiliation: { '@type': 'Organization', name: a.affiliation } }),
    }));
  }
  if (d.year !== undefined) node.datePublished = String(d.year);
  if (keywords?.length) node.keywords = keywords;
  if (abstract?.length) node.abstract = abstract.join('\n\n').replace(/[*_]/g, '');
  if (d.institution) node.sourceOrganization = { '@type': 'CollegeOrUniversity', name: d.institution };
  if (d.journal) {
    const j = d.journal;
    node.pageStart = String(j.firstPage);
    node.pageEnd = String(j.lastPage);
    node.isPartOf = {
      '@type': 'PublicationIssue',
      issueNumber: j.issue,
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: j.volume,
        isPartOf: { '@type': 'Periodical', name: j.name, issn: [j.eissn, j.pissn].filter(Boolean), ...(j.url && { url: j.url }) },
      },
    };
  }
  return node;
}

export function workJsonLd(work: Work, workUrl: string): Json {
  return { '@context': 'https://schema.org', ...workNode(work, workUrl) };
}

export function chapterJsonLd(work: Work, chapter: Chapter, workUrl: string, chapterUrl: string): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'Chapter',
    '@id': chapterUrl,
    url: chapterUrl,
    name: chapterLabel(chapter),
    position: chapter.data.order,
    inLanguage: work.data.language,
    // The work by its @id, whose page describes it whole (authors, abstract, keywords): repeated in
    // every chapter's <head> it weighed on each chapter's first load (issue #26).
    isPartOf: { '@type': workNode(work, workUrl)['@type'], '@id': workUrl, url: workUrl, name: workTitle(work) },
  };
}

/** JSON for a <script> element: "<" escaped so no text can close the element. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
