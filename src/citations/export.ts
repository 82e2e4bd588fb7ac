// BibTeX and RIS for reference managers, written by citation-js (@citation-js/core with its BibTeX
// and RIS plugins): the bibliography's downloads (/daftar-pustaka/*.bib, *.ris) and, through
// format.ts, the cite panel's files for each work and chapter.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Reference } from './library.ts';

/**
 * RIS records, with fields as citation-js maps them. Written out here because citation-js breaks
 * every line after 70 characters, mid-word (which importers, citation-js included, read back as
 * words split by spaces), and cuts IDs to 20 characters; here each ID is the whole key.
 */
export function risRecords(items: { id: string }[]): string {
  if (!items.length) return '';
  const records = new Cite(items).format('ris', { format: 'object' });
  return records
    .map((record, i) => {
      const lines = [`TY  - ${record.TY}`];
      // A page range as SP and EP, the RIS way (citation-js puts the whole range in SP).
      const range = typeof record.SP === 'string' && !record.EP ? /^\s*(\S+?)\s*[-–]+\s*(\S+)\s*$/.exec(record.SP) : null;
      if (range) Object.assign(record, { SP: range[1], EP: range[2] });
      for (const [tag, value] of Object.entries({ ...record, ID: items[i]!.id })) {
        if (tag === 'TY') continue;
        for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`);
      }
      return `${lines.join('\r\n')}\r\nER  - \r\n`;
    })
    .join('');
}

/** The entries as citation-js takes them: the key kept as the citation key, a gap noted for readers. */
const items = (refs: Reference[]) =>
  refs.map((r) => ({ ...r.csl, 'citation-key': r.id, ...(r.incomplete && r.note ? { note: r.note } : {}) }));

/** A reference list as BibTeX (classic entry types, which every reference manager reads). */
export function referencesBibtex(refs: Reference[]): string {
  return refs.length ? `${new Cite(items(refs)).format('bibtex', { format: 'text' }).trim()}\n` : '';
}

export function referencesRis(refs: Reference[]): string {
  return risRecords(items(refs));
}
