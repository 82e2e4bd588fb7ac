// BibTeX (biblatex) and RIS files for every work and chapter, written at build time by citation-js
// from the same CSL-JSON the cite panel formats.
import type { APIRoute, GetStaticPaths } from 'astro';
import { chapterItem, workItem } from '../../cite/csl-item.ts';
import { toBibtex, toRis } from '../../cite/format.ts';
import { citationFile, citedUrl } from '../../works/urls.ts';
import { CITE_FILES } from '../../routes.ts';
import { getChaptersByWork, getWorks, type Chapter, type Work } from '../../works/works.ts';

const TYPES = { bib: 'application/x-bibtex; charset=utf-8', ris: 'application/x-research-info-systems; charset=utf-8' } as const;

type Props = {
  work: Work;
  chapter: Chapter | undefined;
  ext: 'bib' | 'ris';
};

export const getStaticPaths = (async () => {
  const byWork = await getChaptersByWork();
  const paths: { params: { file: string }; props: Props }[] = [];
  for (const work of await getWorks()) {
    for (const chapter of [undefined, ...(byWork.get(work.id) ?? [])]) {
      for (const ext of ['bib', 'ris'] as const) {
        paths.push({ params: { file: citationFile(work, chapter, ext).slice(CITE_FILES.length) }, props: { work, chapter, ext } });
      }
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props, site }) => {
  const { work, chapter, ext } = props;
  const url = citedUrl(work, chapter, site);
  const item = chapter ? chapterItem(work, chapter, url) : workItem(work, url);
  return new Response(ext === 'bib' ? toBibtex(item) : toRis(item), { headers: { 'Content-Type': TYPES[ext] } });
};
