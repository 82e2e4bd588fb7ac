// Absolute addresses from the one `site` setting in astro.config.mjs, and the citation downloads.
import { chapterSlug, chapterUrl, workUrl, type Chapter, type Work } from './works';

export function absolute(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config.mjs must set `site` (the public address) for canonical URLs and citations');
  return new URL(path, site).href;
}

/** The static BibTeX/RIS files of a work or chapter: /kutip/<work>.bib, /kutip/<work>/<chapter>.ris. */
export function citationFile(work: Work, chapter: Chapter | undefined, ext: 'bib' | 'ris'): string {
  return chapter ? `/kutip/${work.id}/${chapterSlug(chapter)}.${ext}` : `/kutip/${work.id}.${ext}`;
}

/** The canonical (Indonesian-interface) address a citation points at. */
export function citedUrl(work: Work, chapter: Chapter | undefined, site: URL | undefined): string {
  return absolute(chapter ? chapterUrl(chapter) : workUrl(work), site);
}
