// Formats CSL-JSON with citation-js and the CSL styles kept in ./csl (see its README for the
// licence). Runs at build time only: pages carry the formatted strings, never the library.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl-item';
import { risRecords } from '../bibliography/export';
// Bundled as text at build time (?raw), so no file is read at run time from the build output.
import apa from '../bibliography/csl/apa.csl?raw';
import chicagoAuthorDate from '../bibliography/csl/chicago-author-date.csl?raw';
import nlmCitationSequence from '../bibliography/csl/nlm-citation-sequence.csl?raw';
import localeId from '../bibliography/csl/locales-id-ID.xml?raw';
import localeEn from '../bibliography/csl/locales-en-US.xml?raw';

export const STYLES = { apa: 'apa', chicago: 'chicago-author-date', vancouver: 'nlm-citation-sequence' } as const;
export type StyleKey = keyof typeof STYLES;
export const STYLE_KEYS = Object.keys(STYLES) as StyleKey[];

const FILES: Record<(typeof STYLES)[StyleKey], string> = {
  apa,
  'chicago-author-date': chicagoAuthorDate,
  'nlm-citation-sequence': nlmCitationSequence,
};
let registered = false;

/** Registers the project's own style and locale files (not citation-js's built-in copies). */
function register() {
  if (registered) return;
  const config = plugins.config.get('@csl');
  for (const [name, xml] of Object.entries(FILES)) config.templates.add(`rb-${name}`, xml);
  config.locales.add('id-ID', localeId);
  config.locales.add('en-US', localeEn);
  registered = true;
}

export interface FormattedCitation {
  style: StyleKey;
  /** The entry as HTML (italics kept), without citeproc's wrapper elements. */
  html: string;
  /** The same entry as plain text, for copying. */
  text: string;
}

/** A single reference list entry; the numeric styles' "1." list number means nothing for one item. */
function entry(item: CslItem, style: StyleKey, lang: string, format: 'html' | 'text'): string {
  register();
  const out = new Cite(item).format('bibliography', { template: `rb-${STYLES[style]}`, lang, format });
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

export function formatCitations(item: CslItem, lang: string): FormattedCitation[] {
  return STYLE_KEYS.map((style) => ({ style, html: entry(item, style, lang, 'html'), text: entry(item, style, lang, 'text') }));
}

/**
 * biblatex (@thesis for theses, which classic BibTeX cannot express; @article for the article).
 * citation-js writes a thesis's genre as `entrysubtype`, which neither biblatex styles nor Zotero's
 * BibTeX import read (zotero/translators BibTeX.js maps `type` to the thesis type); biblatex's own
 * field for it is `type`, so it is written there.
 */
export function toBibtex(item: CslItem): string {
  register();
  const bib = new Cite(item).format('biblatex').trim();
  return `${item.type === 'thesis' ? bib.replace(/^(\s*)entrysubtype(\s*=)/m, '$1type$2') : bib}\n`;
}

/** RIS, with fields as citation-js maps them (one record; see export.ts). */
export function toRis(item: CslItem): string {
  return risRecords([item]);
}
