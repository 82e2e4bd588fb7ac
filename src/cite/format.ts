// Formats a work's or a chapter's CSL-JSON for the cite panel in the styles kept in
// ../bibliography/csl (see its README for the licence), on the reference lists' citeproc engines
// (../bibliography/engine.ts); BibTeX and RIS with citation-js. Runs at build time only: pages carry
// the formatted strings, never the library.
import { Cite, util } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl-item.ts';
import { risRecords } from '../bibliography/export.ts';
import { engineFor, registerLocale, registerStyle, type CitationStyle } from '../bibliography/engine.ts';
import { CSL_LOCALE, type Locale } from '../i18n/index.ts';
import { registerCache } from '../build/cache.ts';
// Bundled as text at build time (?raw), so no file is read at run time from the build output.
import apa from '../bibliography/csl/apa.csl?raw';
import chicagoAuthorDate from '../bibliography/csl/chicago-author-date.csl?raw';
import nlmCitationSequence from '../bibliography/csl/nlm-citation-sequence.csl?raw';
import localeId from '../bibliography/csl/locales-id-ID.xml?raw';
import localeEn from '../bibliography/csl/locales-en-US.xml?raw';

export const STYLES = { apa: 'apa', chicago: 'chicago-author-date', vancouver: 'vancouver' } as const satisfies Record<string, CitationStyle>;
export type StyleKey = keyof typeof STYLES;
export const STYLE_KEYS = Object.keys(STYLES) as StyleKey[];
/** The cite panel's style for a work's own citation style (Chicago's notes style: its author-date form, the panel's). */
export const panelStyle = (style: string): StyleKey => STYLE_KEYS.find((k) => STYLES[k] === style) ?? (style.startsWith('chicago') ? 'chicago' : 'apa');

const FILES: Record<(typeof STYLES)[StyleKey], string> = {
  apa,
  'chicago-author-date': chicagoAuthorDate,
  vancouver: nlmCitationSequence,
};
let templates: Record<StyleKey, string> | undefined;
// The style names registered with the engines: a few strings, fixed for the process.
registerCache("src/cite/format.ts: the cite panel's registered style names", 'build', "the cite panel's style files (code)", () => {
  templates = undefined;
});

/**
 * Registers the project's own style and locale files (not citation-js's built-in copies) with the
 * engines the reference lists use (src/bibliography/engine.ts), so both share one engine per style;
 * returns each style's registered name.
 */
function register(): Record<StyleKey, string> {
  if (!templates) {
    registerLocale(CSL_LOCALE.id, localeId);
    registerLocale(CSL_LOCALE.en, localeEn);
    templates = Object.fromEntries(STYLE_KEYS.map((key) => [key, registerStyle(STYLES[key], FILES[STYLES[key]])])) as Record<StyleKey, string>;
  }
  return templates;
}

export interface FormattedCitation {
  style: StyleKey;
  /** The entry as HTML (italics kept), without citeproc's wrapper elements. */
  html: string;
  /** The same entry as plain text, for copying. */
  text: string;
}

/** A single reference list entry; the numeric styles' "1." list number means nothing for one item. */
function entry(items: unknown[], id: string, style: StyleKey, locale: Locale, format: 'html' | 'text'): string {
  const bibliography = engineFor(register()[style], items, [id], { lang: CSL_LOCALE[locale], format }).makeBibliography();
  if (!bibliography) throw new Error(`citeproc made no entry for ${id} in ${style}`);
  const out = bibliography[0].bibstart + bibliography[1].join('') + bibliography[0].bibend;
  const inner =
    format === 'html'
      ? out
          .replace(/^\s*<div class="csl-bib-body">\s*<div[^>]*class="csl-entry">/, '')
          .replace(/<\/div>\s*<\/div>\s*$/, '')
          .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '')
          .replace(/<div class="csl-right-inline">([\s\S]*)<\/div>/, '$1')
      : out;
  return inner.trim().replace(/^\d+\.\s+/, '');
}

export function formatCitations(item: CslItem, locale: Locale): FormattedCitation[] {
  // Read once, as citation-js's own bibliography output prepares an item (CSL 1.0.2 to what citeproc reads).
  const items = util.downgradeCsl(new Cite(item).data);
  return STYLE_KEYS.map((style) => ({ style, html: entry(items, item.id, style, locale, 'html'), text: entry(items, item.id, style, locale, 'text') }));
}

/**
 * biblatex (@thesis for theses, which classic BibTeX cannot express; @article for the article).
 * citation-js writes a thesis's genre as `entrysubtype`, which neither biblatex styles nor Zotero's
 * BibTeX import read (zotero/translators BibTeX.js maps `type` to the thesis type); biblatex's own
 * field for it is `type`, so it is written there.
 */
export function toBibtex(item: CslItem): string {
  const bib = new Cite(item).format('biblatex').trim();
  return `${item.type === 'thesis' ? bib.replace(/^(\s*)entrysubtype(\s*=)/m, '$1type$2') : bib}\n`;
}

/** RIS, with fields as citation-js maps them (one record; see export.ts). */
export function toRis(item: CslItem): string {
  return risRecords([item]);
}
