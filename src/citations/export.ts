// BibTeX and RIS for reference managers, written by citation-js (@citation-js/core with its BibTeX
// and RIS plugins) from the same entries the site renders.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Reference } from './library.ts';

/** The entries as citation-js takes them: the key kept as the citation key, a gap noted for readers. */
const items = (refs: Reference[]) =>
  refs.map((r) => ({ ...r.csl, 'citation-key': r.id, ...(r.incomplete && r.note ? { note: r.note } : {}) }));

export function toBibtex(refs: Reference[]): string {
  return refs.length ? String(new Cite(items(refs)).format('bibtex', { format: 'text' })) : '';
}

/**
 * citation-js maps each entry to RIS tags; its text output then wraps values at 70 characters
 * (which its own parser reads back with a space inside titles and URLs) and cuts IDs to 20
 * characters, so the tags are written one per line here, with the whole key as ID.
 */
export function toRis(refs: Reference[]): string {
  if (!refs.length) return '';
  const records = new Cite(items(refs)).format('ris', { format: 'object' }) as Record<string, unknown>[];
  return records
    .map((record, i) => {
      const { TY, ...tags }: Record<string, unknown> = { ...record, ID: refs[i]!.id };
      const lines = Object.entries(tags).flatMap(([tag, value]) => [value].flat().map((v) => `${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`));
      return [`TY  - ${String(TY)}`, ...lines, 'ER  - '].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
