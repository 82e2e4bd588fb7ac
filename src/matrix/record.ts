// What the previous-studies table (src/matrix/) knows of a work, written at build time as
// /penelitian-terdahulu/<work>.json and fetched by the table page for the works in it: the work's
// own metadata as content/works/<work>.yaml gives it (nothing filled in: a missing author, year or
// institution stays absent and the page says so), and its reference in the cite panel's three
// styles in both interface languages, formatted by the cite panel's own code (src/cite/format.ts),
// so the table's references and the "Kutip" panel never differ.
import { workItem } from '../cite/csl-item.ts';
import { formatCitations, type StyleKey } from '../cite/format.ts';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { citedUrl } from '../works/urls.ts';
import { workTitle, workUrl, type Work } from '../works/works.ts';

export interface WorkRecord {
  id: string;
  /** The work's order in the library (a new row's place). */
  order: number;
  title: string;
  /** The language of the work's text (quotes and title carry it). */
  language: string;
  authors: string[];
  year?: number | undefined;
  type: string;
  institution?: string | undefined;
  /** An article's journal as the source prints it: where a thesis names its institution. */
  journal?: string | undefined;
  /** The work page, a site path (/<work>/). */
  path: string;
  citations: Record<Locale, Partial<Record<StyleKey, { html: string; text: string }>>>;
}

export function workRecord(work: Work, site: URL | undefined): WorkRecord {
  const d = work.data;
  const item = workItem(work, citedUrl(work, undefined, site));
  const citations = Object.fromEntries(
    LOCALES.map((locale) => [locale, Object.fromEntries(formatCitations(item, locale).map((c) => [c.style, { html: c.html, text: c.text }]))]),
  ) as WorkRecord['citations'];
  return {
    id: work.id,
    order: d.order,
    title: workTitle(work),
    language: d.language,
    authors: d.authors.map((a) => a.name),
    year: d.year,
    type: d.type,
    institution: d.institution,
    journal: d.type === 'journal-article' ? d.journal?.name : undefined,
    path: workUrl(work),
    citations,
  };
}
