// The bibliography as files for reference managers: the whole library and each work's references,
// as BibTeX and RIS, written by citation-js from content/bibliography.json (no hand formatting).
import type { APIRoute, GetStaticPaths } from 'astro';
import { referencesBibtex, referencesRis } from '../../bibliography/export.ts';
import { workReferences } from '../../bibliography/engine.ts';
import { ALL_DOWNLOAD } from '../../routes.ts';
import { loadLibrary } from '../../bibliography/library.ts';
import { ROOT } from '../../paths.ts';
import { getWorks } from '../../works/works.ts';

export const getStaticPaths = (async () => {
  const lists = [{ name: ALL_DOWNLOAD, work: undefined as string | undefined }, ...(await getWorks()).map((w) => ({ name: w.id, work: w.id }))];
  return lists.flatMap(({ name, work }) => (['bib', 'ris'] as const).map((format) => ({ params: { file: `${name}.${format}` }, props: { work, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { work, format } = props as { work?: string; format: 'bib' | 'ris' };
  const refs = work ? workReferences(ROOT, work) : loadLibrary(ROOT).references;
  const body = format === 'bib' ? referencesBibtex(refs) : referencesRis(refs);
  const type = format === 'bib' ? 'application/x-bibtex' : 'application/x-research-info-systems';
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
