// What the search index knows about a page. A layout passes a SearchPage to Base.astro, which marks
// <main> as the indexed region (data-pagefind-body) and attaches these filters and metadata; a page
// without one (home, 404, the search page itself) stays out of the index.
import { chapterLabel, workTitle, type Chapter, type Work } from '../works/works.ts';
import { FILTERS, NO_YEAR, WORK_LABEL_FILTER, type PageKind } from './fields.ts';

export { PAGE_KINDS, type PageKind } from './fields.ts';

export interface SearchPage {
  kind: PageKind;
  /** The work the page belongs to; a page about the whole library (e.g. all data) has none. */
  work?: Work;
  /** The title a result shows: the chapter label, or the page's own title. */
  title: string;
}

/** A chapter is a bibliography when the source titles it so ("Daftar Pustaka", "References"). */
export function chapterKind(chapter: Chapter): PageKind {
  return /^(daftar pustaka|referensi|references|bibliography)$/i.test(chapter.data.title.trim()) ? 'pustaka' : 'bab';
}

export function chapterSearchPage(work: Work, chapter: Chapter): SearchPage {
  return { kind: chapterKind(chapter), work, title: chapterLabel(chapter) };
}

export function workYear(work: Work): string {
  return work.data.year ? String(work.data.year) : NO_YEAR;
}

/**
 * How much a match on each kind of page counts (Pagefind's data-pagefind-weight, 1 for body text):
 * a student searching wants the passages of the chapters. A work's own page, its Daftar Singkatan
 * and its reference list repeat the work's title and its words in a few lines, so short that
 * Pagefind ranked them above every chapter that discusses the word (see docs/search-and-weight.md).
 * They stay findable (a word only they hold still finds them), below the chapters that hold it.
 */
const KIND_WEIGHT: Partial<Record<PageKind, string>> = { karya: '0.1', singkatan: '0.1', pustaka: '0.1', koreksi: '0.1', data: '0.5' };

/**
 * The attributes Base.astro puts on <main>: Pagefind reads each filter and metadata value from a
 * data attribute of the same element ("name[attribute]"), so no value needs escaping.
 */
export function searchAttributes(page: SearchPage): Record<string, string> {
  const w = page.work;
  const attrs: Record<string, string> = {
    'data-pagefind-body': '',
    'data-search-kind': page.kind,
    'data-search-title': page.title,
  };
  const weight = KIND_WEIGHT[page.kind];
  if (weight) attrs['data-pagefind-weight'] = weight;
  const filters = [`${FILTERS.kind}[data-search-kind]`];
  const meta = ['title[data-search-title]'];
  if (w) {
    attrs['data-search-work'] = w.id;
    attrs['data-search-year'] = workYear(w);
    attrs['data-search-work-title'] = workTitle(w);
    attrs['data-search-work-label'] = `${w.id} ${w.data.language} ${attrs['data-search-work-title']}`;
    filters.push(`${FILTERS.work}[data-search-work]`, `${FILTERS.year}[data-search-year]`, `${WORK_LABEL_FILTER}[data-search-work-label]`);
    meta.push('work[data-search-work-title]');
  }
  attrs['data-pagefind-filter'] = filters.join(', ');
  attrs['data-pagefind-meta'] = meta.join(', ');
  return attrs;
}
