// What the search index knows about a page. A layout passes a SearchPage to Base.astro, which marks
// <main> as the indexed region (data-pagefind-body) and attaches these filters and metadata; a page
// without one (home, 404, the search page itself) stays out of the index.
import { chapterLabel, type Chapter, type Work } from './works';
import { FILTERS, NO_YEAR, type PageKind } from './search-fields';

export { PAGE_KINDS, type PageKind } from './search-fields';

export interface SearchPage {
  kind: PageKind;
  work: Work;
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
 * The attributes Base.astro puts on <main>: Pagefind reads each filter and metadata value from a
 * data attribute of the same element ("name[attribute]"), so no value needs escaping.
 */
export function searchAttributes(page: SearchPage): Record<string, string> {
  const w = page.work;
  return {
    'data-pagefind-body': '',
    'data-pagefind-filter': `${FILTERS.work}[data-search-work], ${FILTERS.kind}[data-search-kind], ${FILTERS.year}[data-search-year]`,
    'data-pagefind-meta': 'title[data-search-title], work[data-search-work-title]',
    'data-search-work': w.id,
    'data-search-kind': page.kind,
    'data-search-year': workYear(w),
    'data-search-title': page.title,
    'data-search-work-title': w.data.title[w.data.language] ?? w.id,
  };
}
