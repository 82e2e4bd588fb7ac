// COinS (ContextObjects in Spans, OpenURL 1.0 KEV in <span class="Z3988" title="…">): one per entry of
// a reference list, so that Zotero (its COinS translator, which runs before Embedded Metadata) offers
// the page as "multiple items" and a reader ticks the entries to save. Mendeley's importer reads
// the same spans.
//
// The keys are the ones Zotero's parser reads (zotero/utilities openurl.js, parseContextObject):
// rft_val_fmt picks the item type (journal: journal article; book with rft.genre bookitem, proceeding
// or report: book section, conference paper, report, else a book; dissertation: thesis; dc: web page,
// made another type by rft.type, a Zotero item type); rft.atitle/btitle/jtitle/title the titles
// by type; rft.au "Family, Given" one per person (a comma keeps a multi-word family name whole);
// rft.aucorp an organisation; rft_id a URL or info:doi/…. Only what the entry has is written.
import type { CslItem } from '../bibliography/library.ts';

type Name = { family?: string; given?: string; literal?: string };

const JOURNAL = 'info:ofi/fmt:kev:mtx:journal';
const BOOK = 'info:ofi/fmt:kev:mtx:book';
const DISSERTATION = 'info:ofi/fmt:kev:mtx:dissertation';
const DC = 'info:ofi/fmt:kev:mtx:dc';

/** CSL types written with Dublin Core keys, with the Zotero item type rft.type names. */
const DC_TYPES: Record<string, string> = {
  'article-newspaper': 'newspaperArticle',
  'article-magazine': 'magazineArticle',
  webpage: 'webpage',
  post: 'forumPost',
  'post-weblog': 'blogPost',
  legislation: 'statute',
  bill: 'bill',
  legal_case: 'case',
  manuscript: 'manuscript',
  dataset: 'dataset',
  map: 'map',
  patent: 'patent',
  interview: 'interview',
  speech: 'presentation',
  motion_picture: 'film',
  song: 'audioRecording',
  software: 'computerProgram',
  'entry-encyclopedia': 'encyclopediaArticle',
  'entry-dictionary': 'dictionaryEntry',
  personal_communication: 'letter',
  graphic: 'artwork',
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

function isoDate(issued: unknown): string {
  const parts = (issued as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
  if (!parts?.length) return '';
  const [y, m, d] = parts.map((p) => String(p));
  return [y, m?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

/** The KEV pairs of one entry, in order. */
export function coinsPairs(item: CslItem): [string, string][] {
  const pairs: [string, string][] = [
    ['url_ver', 'Z39.88-2004'],
    ['ctx_ver', 'Z39.88-2004'],
    ['rfr_id', 'info:sid/ruangbaca-ntt'],
  ];
  const add = (key: string, value: unknown) => {
    const v = str(value);
    if (v) pairs.push([key, v]);
  };
  const title = item.title;
  const container = item['container-title'];
  switch (item.type) {
    case 'article-journal':
    case 'article':
    case 'review':
      add('rft_val_fmt', JOURNAL);
      add('rft.genre', 'article');
      add('rft.atitle', title);
      add('rft.jtitle', container);
      add('rft.volume', item.volume);
      add('rft.issue', item.issue);
      break;
    case 'book':
    case 'classic':
    case 'collection':
    case 'pamphlet':
      add('rft_val_fmt', BOOK);
      add('rft.genre', 'book');
      add('rft.btitle', title);
      add('rft.volume', item.volume);
      break;
    case 'chapter':
    case 'paper-conference':
      add('rft_val_fmt', BOOK);
      add('rft.genre', item.type === 'chapter' ? 'bookitem' : 'proceeding');
      add('rft.atitle', title);
      add('rft.btitle', container);
      break;
    case 'report':
      add('rft_val_fmt', BOOK);
      add('rft.genre', 'report');
      add('rft.btitle', title);
      add('rft.series', item['collection-title']);
      break;
    case 'thesis':
      add('rft_val_fmt', DISSERTATION);
      add('rft.title', title);
      add('rft.inst', item.publisher);
      add('rft.degree', item.genre);
      break;
    default:
      // Zotero has no generic OpenURL format: Dublin Core with rft.type; an unknown type is a document.
      add('rft_val_fmt', DC);
      add('rft.type', DC_TYPES[item.type] ?? 'document');
      add('rft.title', title);
      add('rft.source', container);
      add('rft.language', item.language);
  }
  if (['book', 'chapter', 'paper-conference', 'report', 'thesis', 'classic', 'collection', 'pamphlet'].includes(item.type)) {
    if (item.type !== 'thesis') add('rft.pub', item.publisher);
    add('rft.place', item['publisher-place']);
    add('rft.edition', item.edition);
  } else if (!['article-journal', 'article', 'review'].includes(item.type)) {
    add('rft.publisher', item.publisher);
  }
  for (const n of (item.author as Name[] | undefined) ?? []) {
    if (n.literal) add('rft.aucorp', n.literal);
    else if (n.family) add('rft.au', n.given ? `${n.family}, ${n.given}` : n.family);
  }
  add('rft.date', isoDate(item.issued));
  const page = str(item.page);
  if (page) {
    add('rft.pages', page.replace(/[–—]/g, '-'));
    const range = /^(\S+?)\s*[-–—]+\s*(\S+)$/.exec(page);
    if (range) {
      add('rft.spage', range[1]);
      add('rft.epage', range[2]);
    }
  }
  add('rft.isbn', item.ISBN);
  add('rft.issn', item.ISSN);
  if (item.DOI) add('rft_id', `info:doi/${str(item.DOI)}`);
  // openurl.js reads every "+" (and "%2B") as a space, so a "+" in an address is written as its
  // percent-encoding, which servers read as the same "+".
  add('rft_id', str(item.URL).replace(/\+/g, '%2B'));
  return pairs;
}

/** The span's title: the ContextObject as application/x-www-form-urlencoded KEV. */
export function coinsTitle(item: CslItem): string {
  return coinsPairs(item)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/**
 * Whether an entry gets a span. Zotero lists only spans with a title; one without is sent to its
 * search translators to be looked up by the remaining fields (COinS.js, doWeb), which could bring a
 * different work into the reader's library. An entry without a title (built from in-text citations)
 * therefore has no span.
 */
export const hasCoins = (item: CslItem) => str(item.title) !== '';
