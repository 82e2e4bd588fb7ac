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
      const lines = [`TY  - ${RIS_TYPE[(items[i] as { type?: string }).type ?? ''] ?? String(record.TY)}`];
      // A page range as SP and EP, the RIS way (citation-js puts the whole range in SP).
      const range = typeof record.SP === 'string' && !record.EP ? /^\s*(\S+?)\s*[-–]+\s*(\S+)\s*$/.exec(record.SP) : null;
      if (range) Object.assign(record, { SP: range[1], EP: range[2] });
      // citation-js writes no author for some types (newspaper articles): AU then, the primary
      // author, which Zotero reads for every type (citation-js reads none for NEWS or STAT).
      const names = (items[i] as { author?: { family?: string; given?: string; literal?: string }[] }).author ?? [];
      if (names.length && !['AU', 'A1', 'A2', 'A3', 'A4'].some((t) => t in record)) {
        lines.push(...names.map((n) => `AU  - ${n.literal ?? [n.family, n.given].filter(Boolean).join(', ')}`));
      }
      for (const [tag, value] of Object.entries({ ...record, ID: items[i]!.id })) {
        if (tag === 'TY') continue;
        for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`);
      }
      return `${lines.join('\r\n')}\r\nER  - \r\n`;
    })
    .join('');
}

/** The entries as citation-js takes them: the key kept as the citation key, a gap noted for readers. */
const items = (refs: Reference[]) => refs.map((r) => ({ ...r.csl, 'citation-key': r.id, ...(r.incomplete && r.note ? { note: r.note } : {}) }));

/**
 * Entry types where citation-js's choice would make the two files disagree, as the importers read
 * them (zotero/translators BibTeX.js bibtex2zoteroTypeMap, RIS.js importTypeMap; citation-js):
 * a web page is @misc in classic BibTeX (Zotero: document) but ELEC in RIS (web page), so it is
 * biblatex's @online, which Zotero, JabRef and citation-js read as a web page (classic BibTeX styles
 * treat an unknown type as @misc); a thesis is @misc too (citation-js writes @phdthesis or
 * @mastersthesis only for a genre it recognises, and those would make Zotero invent "PhD Thesis"),
 * so it is biblatex's @thesis, with its genre in `type`; legislation is LEGAL in RIS, which Zotero reads as a court case,
 * so it is STAT (statute). An entry of the generic type `document` stays @misc and GEN, the generic
 * type of each format, which JabRef, Mendeley and citation-js read as generic; Zotero's RIS import
 * alone reads GEN as a journal article (its own RIS export writes documents as GEN as well), so for
 * Zotero the BibTeX file is the one to import (docs/reading.md, "Linking, citing, reading").
 */
const BIBTEX_TYPE: Record<string, string> = { webpage: 'online', thesis: 'thesis' };
const RIS_TYPE: Record<string, string> = { legislation: 'STAT' };
export const EXPORT_TYPES = { bibtex: BIBTEX_TYPE, ris: RIS_TYPE };

/** A reference list as BibTeX (classic entry types, which every reference manager reads; see above). */
export function referencesBibtex(refs: Reference[]): string {
  if (!refs.length) return '';
  const entries = items(refs).map((item) => {
    const bib = new Cite(item).format('bibtex', { format: 'text' }).trim();
    const type = BIBTEX_TYPE[item.type];
    return type ? bib.replace(/^@\w+\{/, `@${type}{`) : bib;
  });
  return `${entries.join('\n\n')}\n`;
}

export function referencesRis(refs: Reference[]): string {
  return risRecords(items(refs));
}
