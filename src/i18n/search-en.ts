// The search scripts' strings in English: see search-id.ts.
import type { SearchText } from './search-id.ts';

/**
 * Strings the search scripts use in the browser. A separate export, as in id.ts, so that a script
 * that imports it bundles these strings only, not the whole dictionary.
 */
/** "five" for 5 (number words up to ten, digits above), for counts of works taken from content/. */
export const number = (n: number) => ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);
/** "all four works", "both works", "the one work". */
export const allWorks = (n: number) => (n === 1 ? 'the one work' : n === 2 ? 'both works' : `all ${number(n)} works`);
export const theWorks = (n: number) => (n === 1 ? 'the work' : `the ${number(n)} works`);
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const searchText: SearchText = {
  label: 'Search the library',
  placeholder: 'Search for a word or phrase',
  submit: 'Search',
  shortcut: 'Press / to search from any page.',
  pageTitle: 'Search the library',
  pageIntro: (works: number) =>
    `Search the full text of ${allWorks(works)}, footnotes, tables and references included. Indonesian word forms are matched: “miskin” also finds “kemiskinan”. The address of this page holds your search, so it can be shared.`,
  pageForm: 'Search with filters',
  filters: 'Filter results',
  filterWork: 'Work',
  filterKind: 'Kind of page',
  filterYear: 'Year',
  kinds: { bab: 'Chapter', pustaka: 'References', data: 'Data and charts', karya: 'Work page', singkatan: 'Abbreviations', koreksi: 'Correction history' },
  noYear: 'Year not given',
  apply: 'Apply',
  loading: 'Loading search…',
  prompt: 'Type the words to search for.',
  count: (n: number, q: string) => `${n} result${n === 1 ? '' : 's'} for “${q}”.`,
  none: (q: string) => `No results for “${q}”. Try another word or fewer filters.`,
  toResults: 'Arrow down or Tab moves to the results; Escape closes them.',
  more: 'Show the next results',
  all: (n: number) => (n === 1 ? 'See the result and filters' : `See all ${n} results and filters`),
  resultsLabel: 'Search results',
  sections: 'Matching sections',
  failed: 'Search could not be loaded: the internet connection failed. It tries again by itself when the connection returns.',
  notSaved: 'Not saved for reading offline: this page opens again once you are connected, or save its work.',
  noScript: 'Search on this page needs JavaScript. Without it, use the table of contents of each work on the Library page.',
  notFoundSearch: 'Or search for the page you meant:',
};
