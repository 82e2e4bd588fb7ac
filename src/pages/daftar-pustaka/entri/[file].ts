// One entry of the bibliography for reference managers, as BibTeX and RIS (/daftar-pustaka/entri/<key>.bib,
// .ris): what each entry of a reference list offers behind its printed form (src/bibliography/EntryRecord.astro).
import type { APIRoute, GetStaticPaths } from 'astro';
import { referencesBibtex, referencesRis } from '../../../bibliography/export.ts';
import { loadLibrary, type Reference } from '../../../bibliography/library.ts';
import { ROOT } from '../../../paths.ts';

export const getStaticPaths = (() =>
  loadLibrary(ROOT).references.flatMap((ref) =>
    (['bib', 'ris'] as const).map((format) => ({ params: { file: `${ref.id}.${format}` }, props: { ref, format } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { ref, format } = props as { ref: Reference; format: 'bib' | 'ris' };
  const body = format === 'bib' ? referencesBibtex([ref]) : referencesRis([ref]);
  const type = format === 'bib' ? 'application/x-bibtex' : 'application/x-research-info-systems';
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
