// What Zotero saves from a built page, by the rules of its own translators, written out here (not
// copied) from zotero/translators and zotero/utilities as of 2026:
// - "Embedded Metadata.js" (a page with Highwire / Dublin Core / Open Graph tags): init() for the
//   item type, addHighwireMetadata() and addLowQualityMetadata() for the fields;
// - "RDF.js", which Embedded Metadata hands the DC.*, og:*, eprints.* tags to: detectType() and
//   importItem();
// - "COinS.js" with utilities' openurl.js parseContextObject() (spans class="Z3988");
// - "BibTeX.js" and "RIS.js" for the item types the download files are imported as.
// Only the rules this site's pages can meet are modelled; anything else a page carries that would
// change the outcome (a byline, a <time>, a meta author) is reported by `unmodelled` so a test fails
// instead of passing by accident.
import { fromHtml } from 'hast-util-from-html';
import { findElements } from '../../src/markdown/hast.ts';
import type { Element, Root } from 'hast';
import { readBuilt } from './site.ts';

export interface Creator {
  firstName?: string;
  lastName: string;
  /** An organisation (one field). */
  single?: boolean;
}

export interface ZoteroItem {
  itemType: string;
  title?: string;
  creators: Creator[];
  date?: string;
  language?: string;
  abstractNote?: string;
  url?: string;
  /** thesis */
  thesisType?: string;
  university?: string;
  /** journal article */
  publicationTitle?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  ISSN?: string;
  publisher?: string;
  place?: string;
  DOI?: string;
  /** Files Zotero saves with the item (addHighwireMetadata: citation_pdf_url → "Full Text PDF"). */
  attachments?: { title: string; url: string; mimeType: string }[];
}

/** Every element under `node`, in document order. */
const elements = (node: Root | Element): Element[] => findElements(node, () => true);

/** ZU.trimInternal: runs of white space to one space, trimmed. */
const trimInternal = (s: string) => s.replace(/\s+/g, ' ').trim();

/** ZU.cleanAuthor, for the names this site writes: "Family, Given" or "Given … Family". */
export function cleanAuthor(name: string, useComma: boolean): Creator {
  const n = trimInternal(name);
  if (useComma && n.includes(',')) {
    const [last, ...first] = n.split(',');
    return { lastName: last!.trim(), firstName: first.join(',').trim() };
  }
  const i = n.lastIndexOf(' ');
  return i < 0 ? { lastName: n, firstName: '' } : { lastName: n.slice(i + 1), firstName: n.slice(0, i) };
}

/** Namespaces Embedded Metadata knows by default (its _prefixes), by the prefix a tag name starts with. */
const PREFIXES = new Set([
  'bib',
  'bibo',
  'dc',
  'dcterms',
  'prism',
  'foaf',
  'vcard',
  'link',
  'z',
  'eprint',
  'eprints',
  'og',
  'article',
  'book',
  'music',
  'video',
  'so',
  'codemeta',
  'rdf',
]);
const NS_ALIAS: Record<string, string> = { eprint: 'eprints' };

interface Statements {
  get(ns: string, prop: string): string[];
}

/** Zotero item types RDF.js accepts as a DC.type value as they are (ZU.itemTypeExists), the ones used here. */
const ZOTERO_TYPES = new Set(['thesis', 'journalArticle', 'book', 'bookSection', 'report', 'webpage', 'document']);

/** RDF.js detectType(), for the vocabularies a page here can carry: eprints.type, og:type, DC.type. */
function rdfType(st: Statements, defaultUnknownType: string | undefined): string | undefined {
  const t: Record<string, string | undefined> = {};
  const eprints = st.get('eprints', 'type')[0];
  if (eprints) {
    const map: Record<string, string> = {
      book: 'book',
      patent: 'patent',
      report: 'report',
      thesis: 'thesis',
      bookitem: 'bookSection',
      article: 'journalArticle',
      journalarticle: 'journalArticle',
    };
    t.eprints = map[eprints];
  }
  const og = st.get('og', 'type')[0];
  if (og === 'website') t.og = 'webpage';
  else if (og === 'book') t.og = 'book';
  else if (og === 'article') t.ogGuess = 'journalArticle';
  const dc = st.get('dc', 'type')[0] ?? st.get('dcterms', 'type')[0];
  if (dc) {
    if (ZOTERO_TYPES.has(dc)) t.dc = dc;
    else {
      const k = dc.toLowerCase().replace(/\s/g, '');
      const map: Record<string, string> = {
        book: 'book',
        patent: 'patent',
        report: 'report',
        thesis: 'thesis',
        bookitem: 'bookSection',
        bookchapter: 'bookSection',
        article: 'journalArticle',
        journalitem: 'journalArticle',
        journalarticle: 'journalArticle',
        bachelorthesis: 'thesis',
        masterthesis: 'thesis',
        doctoralthesis: 'thesis',
        webpage: 'webpage',
        homepage: 'webpage',
      };
      if (map[k]) t.dc = map[k];
      else if (k === 'text') t.dcGuess = 'journalArticle';
    }
  }
  return t.eprints || t.og || t.dc || defaultUnknownType || t.ogGuess || t.dcGuess;
}

export interface SavedPage {
  item: ZoteroItem;
  /** Which translator Zotero runs first: COinS (priority 310) before Embedded Metadata (320). */
  translator: 'COinS' | 'Embedded Metadata';
  /** The COinS spans, each parsed (COinS.js); the ones with a title are what Zotero lists. */
  coins: { title: string; item: ZoteroItem | false }[];
  /** Things on the page that the rules above do not model (should be empty). */
  unmodelled: string[];
}

/** Embedded Metadata's item for the page, and the COinS on it. */
export function savePage(path: string): SavedPage {
  const tree = fromHtml(readBuilt(path));
  const all = elements(tree);
  const head = all.find((e) => e.tagName === 'head');
  const metas = (head ? elements(head) : []).filter((e) => e.tagName === 'meta');
  const tags: [string, string][] = [];
  for (const m of metas) {
    const name = String(m.properties.name ?? m.properties.property ?? '');
    const content = m.properties.content;
    if (name && content !== undefined && content !== '') tags.push([name, String(content)]);
  }
  const unmodelled: string[] = [];

  // init(): Highwire type (the last decisive tag wins), the citation_title guess, the RDF statements.
  let hwType: string | undefined;
  let hwTypeGuess: string | undefined;
  const statements: [string, string, string][] = [];
  for (const [name, value] of tags) {
    for (const tag of name.split(/\s+/)) {
      const parts = tag.split(/[.:_]/);
      let prefix: string | undefined;
      let len = 0;
      if (parts.length > 2 && PREFIXES.has(parts[1]!.toLowerCase())) {
        prefix = parts[1]!.toLowerCase();
        len = parts[0]!.length + parts[1]!.length + 1;
      } else if (PREFIXES.has(parts[0]!.toLowerCase())) {
        prefix = parts[0]!.toLowerCase();
        len = parts[0]!.length;
      }
      if (prefix) {
        let prop = tag.slice(len + 1);
        prop = prop.charAt(0).toLowerCase() + prop.slice(1);
        statements.push([NS_ALIAS[prefix] ?? prefix, prop, value]);
        continue;
      }
      const short = tag.slice(tag.lastIndexOf('citation_'));
      if (short === 'citation_journal_title') hwType = 'journalArticle';
      else if (short === 'citation_technical_report_institution') hwType = 'report';
      else if (short === 'citation_conference_title' || short === 'citation_conference') hwType = 'conferencePaper';
      else if (short === 'citation_book_title' || short === 'citation_inbook_title') hwType = 'bookSection';
      else if (short === 'citation_dissertation_institution') hwType = 'thesis';
      else if (short === 'citation_title' || short === 'citation_series_title') hwTypeGuess ??= 'journalArticle';
      else if (short === 'citation_isbn') hwTypeGuess = 'book';
    }
  }
  const st: Statements = { get: (ns, prop) => statements.filter(([n, p]) => n === ns && p === prop).map(([, , v]) => v) };
  const first = (...keys: [string, string][]) => keys.map(([ns, p]) => st.get(ns, p)[0]).find((v) => v !== undefined);
  const rdfDefault = hwTypeGuess ?? (statements.length ? 'webpage' : undefined);
  const itemType = hwType ?? (statements.length ? rdfType(st, rdfDefault) : hwTypeGuess) ?? 'webpage';

  // RDF.js importItem(): the item the RDF statements give, before the Highwire tags override it.
  const item: ZoteroItem = { itemType, creators: [] };
  item.title = first(['dc', 'title'], ['dcterms', 'title'], ['eprints', 'title'], ['og', 'title']);
  item.creators = [...st.get('dc', 'creator'), ...(st.get('dc', 'creator').length ? [] : st.get('dcterms', 'creator'))].map((n) =>
    cleanAuthor(n, n.includes(',')),
  );
  item.publisher = first(['dc', 'publisher'], ['dcterms', 'publisher']);
  item.date = first(
    ['eprints', 'date'],
    ['og', 'published_time'],
    ['article', 'published_time'],
    ['dc', 'date.issued'],
    ['dcterms', 'issued'],
    ['dc', 'date'],
    ['dcterms', 'date'],
  );
  item.url = first(['eprints', 'official_url'], ['og', 'url']);
  item.abstractNote =
    first(['eprints', 'abstract'], ['og', 'description'], ['dcterms', 'abstract']) ?? first(['dc', 'description'], ['dcterms', 'description']);
  item.language = first(['dc', 'language'], ['dcterms', 'language']);
  const dcType = first(['dc', 'type'], ['dcterms', 'type']);
  if (itemType === 'thesis') item.thesisType = st.get('eprints', 'thesis_type')[0] ?? dcType;

  // addHighwireMetadata(): processFields (first value of each, trimmed), authors, pages, ISSN, url.
  const hw = (name: string) => tags.filter(([n]) => n === name || n.endsWith(name)).map(([, v]) => v);
  const hw1 = (name: string) => {
    const v = hw(name)[0];
    return v && v.trim() ? trimInternal(v) : undefined;
  };
  const fields: [string, keyof ZoteroItem][] = [
    ['citation_title', 'title'],
    ['citation_publication_date', 'date'],
    ['citation_cover_date', 'date'],
    ['citation_date', 'date'],
    ['citation_journal_title', 'publicationTitle'],
    ['citation_volume', 'volume'],
    ['citation_issue', 'issue'],
    ['citation_dissertation_institution', 'university'],
    ['citation_publisher', 'publisher'],
    ['citation_abstract', 'abstractNote'],
    ['citation_doi', 'DOI'],
    ['citation_public_url', 'url'],
    ['citation_language', 'language'],
  ];
  for (const [tag, field] of fields) {
    const v = hw1(tag);
    if (v) (item as unknown as Record<string, string>)[field] = v;
  }
  const authors = hw('citation_author');
  if (authors.length) item.creators = authors.map((a) => cleanAuthor(a, a.includes(',')));
  const fp = hw1('citation_firstpage');
  const lp = hw1('citation_lastpage');
  if (fp) item.pages = lp ? `${fp}-${lp}` : fp;
  const issn = hw('citation_issn');
  if (issn.length) item.ISSN = issn.join(', ');
  item.url ??= hw1('citation_abstract_html_url') ?? hw1('citation_fulltext_html_url');
  const pdfs = hw('citation_pdf_url');
  if (pdfs.length) item.attachments = pdfs.map((url) => ({ title: 'Full Text PDF', url, mimeType: 'application/pdf' }));
  if (item.itemType === 'thesis' && item.university === undefined && item.publisher) item.university = item.publisher;

  // addLowQualityMetadata(): fallbacks.
  if (!item.title) item.title = all.find((e) => e.tagName === 'title') ? '(document title)' : undefined;
  if (!item.creators.length) {
    if (tags.some(([n]) => n.toLowerCase() === 'author' || n === 'article:author')) unmodelled.push('meta author');
    const byline = all.find((e) => ([] as unknown[]).concat(e.properties.className ?? []).some((c) => /byline|vcard/i.test(String(c))));
    if (byline) unmodelled.push('byline element');
    if (all.some((e) => e.tagName === 'a' && ([] as unknown[]).concat(e.properties.rel ?? []).includes('author'))) unmodelled.push('a[rel=author]');
  }
  if (!item.abstractNote) {
    const d = tags.find(([n]) => n.toLowerCase() === 'description')?.[1];
    if (d) item.abstractNote = trimInternal(d);
  }
  if (!item.date && all.some((e) => e.tagName === 'time' && e.properties.dateTime)) unmodelled.push('time[datetime]');

  const coins = all
    .filter((e) => e.tagName === 'span' && ([] as unknown[]).concat(e.properties.className ?? []).includes('Z3988') && e.properties.title)
    .map((e) => ({ title: String(e.properties.title), item: parseContextObject(String(e.properties.title)) }));
  const translator = coins.some((c) => c.item) ? 'COinS' : 'Embedded Metadata';
  return { item, translator, coins, unmodelled };
}

/** openurl.js parseContextObject(): a ContextObject (KEV) as the item Zotero makes of it, or false. */
export function parseContextObject(co: string): ZoteroItem | false {
  const parts = co.split('&');
  let itemType: string | undefined;
  for (const p of parts) {
    if (!p.startsWith('rft_val_fmt=')) continue;
    const fmt = decodeURIComponent(p.slice(12));
    if (fmt === 'info:ofi/fmt:kev:mtx:journal') itemType = 'journalArticle';
    else if (fmt === 'info:ofi/fmt:kev:mtx:book') {
      if (parts.includes('rft.genre=bookitem')) itemType = 'bookSection';
      else if (parts.includes('rft.genre=conference') || parts.includes('rft.genre=proceeding')) itemType = 'conferencePaper';
      else if (parts.includes('rft.genre=report')) itemType = 'report';
      else if (parts.includes('rft.genre=document')) itemType = 'document';
      else itemType = 'book';
    } else if (fmt === 'info:ofi/fmt:kev:mtx:dissertation') itemType = 'thesis';
    else if (fmt === 'info:ofi/fmt:kev:mtx:patent') itemType = 'patent';
    else if (fmt === 'info:ofi/fmt:kev:mtx:dc') itemType = 'webpage';
    if (itemType) break;
  }
  if (!itemType) return false;
  const item: ZoteroItem & { series?: string; edition?: string; ISBN?: string } = { itemType, creators: [] };
  let pagesKey = '';
  const complex: (Creator & { offset: number })[] = [];
  for (const p of parts) {
    const [key, raw = ''] = p.split('=');
    // "+" and "%2B" are read as spaces, as in a form submission.
    const value = decodeURIComponent(raw.replace(/\+|%2[bB]/g, ' '));
    if (!value) continue;
    const t = item.itemType;
    if (key === 'rft_id') {
      if (value.slice(0, 8).toLowerCase() === 'info:doi') item.DOI = value.slice(9);
      else if (/^https?:\/\//.test(value)) item.url = value;
    } else if (key === 'rft.btitle') {
      if (t === 'book' || t === 'report') item.title = value;
      else if (t === 'bookSection' || t === 'conferencePaper') item.publicationTitle = value;
    } else if (key === 'rft.atitle' && ['journalArticle', 'bookSection', 'conferencePaper'].includes(t)) item.title = value;
    else if (key === 'rft.jtitle' && t === 'journalArticle') item.publicationTitle = value;
    else if (key === 'rft.title') {
      if (['journalArticle', 'bookSection', 'conferencePaper'].includes(t)) item.publicationTitle = value;
      else item.title = value;
    } else if (key === 'rft.date') item.date = value;
    else if (key === 'rft.volume') item.volume = value;
    else if (key === 'rft.issue') item.issue = value;
    else if (key === 'rft.pages') {
      pagesKey = key;
      item.pages = value;
    } else if (key === 'rft.spage' || key === 'rft.epage') {
      if (pagesKey !== 'rft.pages') {
        item.pages = pagesKey && value !== item.pages ? (key === 'rft.spage' ? `${value}-${item.pages}` : `${item.pages}-${value}`) : value;
        pagesKey = key;
      }
    } else if (key === 'rft.issn' || (key === 'rft.eissn' && !item.ISSN)) item.ISSN = value;
    else if (key === 'rft.aulast') complex.push({ lastName: value, offset: item.creators.length });
    else if (key === 'rft.au' || key === 'rft.creator') item.creators.push(cleanAuthor(value, value.includes(',')));
    else if (key === 'rft.aucorp') complex.push({ lastName: value, single: true, offset: item.creators.length });
    else if (key === 'rft.isbn' && !item.ISBN) item.ISBN = value;
    else if (key === 'rft.pub' || key === 'rft.publisher') item.publisher = value;
    else if (key === 'rft.place') item.place = value;
    else if (key === 'rft.edition') item.edition = value;
    else if (key === 'rft.series') item.series = value;
    else if (t === 'thesis') {
      if (key === 'rft.inst') item.publisher = value;
      else if (key === 'rft.degree') item.thesisType = value;
    } else if (key === 'rft.identifier' && /^https?:\/\//.test(value)) item.url = value;
    else if (key === 'rft.description') item.abstractNote = value;
    else if (key === 'rft.language') item.language = value;
    else if (key === 'rft.type') {
      if (ZOTERO_ITEM_TYPES.has(value)) item.itemType = value;
    } else if (key === 'rft.source') item.publicationTitle = value;
  }
  let inserted = 0;
  for (const c of complex) {
    const { offset, ...creator } = c;
    item.creators.splice(offset + inserted, 0, creator);
    inserted++;
  }
  return item;
}

/** Zotero's item types (schema.json), for rft.type (Zotero.Utilities.Item.itemTypeExists). */
const ZOTERO_ITEM_TYPES = new Set(
  (
    'artwork audioRecording bill blogPost book bookSection case computerProgram conferencePaper dataset dictionaryEntry document ' +
    'email encyclopediaArticle film forumPost hearing instantMessage interview journalArticle letter magazineArticle manuscript map ' +
    'newspaperArticle patent podcast preprint presentation radioBroadcast report standard statute thesis tvBroadcast videoRecording webpage'
  ).split(' '),
);

/** BibTeX.js bibtex2zoteroTypeMap (the entry types an import keeps; others are discarded). */
export const BIBTEX_IMPORT_TYPES: Record<string, string> = {
  book: 'book',
  inbook: 'bookSection',
  incollection: 'bookSection',
  article: 'journalArticle',
  patent: 'patent',
  phdthesis: 'thesis',
  unpublished: 'manuscript',
  inproceedings: 'conferencePaper',
  conference: 'conferencePaper',
  techreport: 'report',
  booklet: 'book',
  manual: 'book',
  mastersthesis: 'thesis',
  misc: 'document',
  proceedings: 'book',
  online: 'webpage',
  electronic: 'webpage',
  thesis: 'thesis',
  letter: 'letter',
  movie: 'film',
  artwork: 'artwork',
  report: 'report',
  legislation: 'bill',
  jurisdiction: 'case',
  audio: 'audioRecording',
  video: 'videoRecording',
  software: 'computerProgram',
  inreference: 'encyclopediaArticle',
  collection: 'book',
  mvbook: 'book',
};

/** RIS.js: the TY values and the item types its import gives them (importTypeMap with exportTypeMap reversed). */
export const RIS_IMPORT_TYPES: Record<string, string> = {
  ART: 'artwork',
  SOUND: 'audioRecording',
  BILL: 'bill',
  BLOG: 'blogPost',
  BOOK: 'book',
  CHAP: 'bookSection',
  CASE: 'case',
  COMP: 'computerProgram',
  CONF: 'conferencePaper',
  DICT: 'dictionaryEntry',
  ENCYC: 'encyclopediaArticle',
  ICOMM: 'email',
  DATA: 'dataset',
  MPCT: 'film',
  HEAR: 'hearing',
  JOUR: 'journalArticle',
  PCOMM: 'letter',
  MGZN: 'magazineArticle',
  MANSCPT: 'manuscript',
  MAP: 'map',
  NEWS: 'newspaperArticle',
  PAT: 'patent',
  SLIDE: 'presentation',
  RPRT: 'report',
  STAT: 'statute',
  THES: 'thesis',
  VIDEO: 'videoRecording',
  ELEC: 'webpage',
  ABST: 'journalArticle',
  ADVS: 'film',
  AGGR: 'document',
  ANCIENT: 'document',
  CHART: 'artwork',
  CLSWK: 'book',
  CPAPER: 'conferencePaper',
  CTLG: 'magazineArticle',
  DBASE: 'dataset',
  EBOOK: 'book',
  ECHAP: 'bookSection',
  EDBOOK: 'book',
  EJOUR: 'journalArticle',
  EQUA: 'document',
  FIGURE: 'artwork',
  GEN: 'journalArticle',
  GOVDOC: 'report',
  GRNT: 'document',
  INPR: 'manuscript',
  JFULL: 'journalArticle',
  LEGAL: 'case',
  MULTI: 'videoRecording',
  MUSIC: 'audioRecording',
  PAMP: 'manuscript',
  SER: 'book',
  STAND: 'report',
  UNBILL: 'manuscript',
  UNPD: 'manuscript',
  WEB: 'webpage',
};
