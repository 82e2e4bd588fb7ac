// Absolute addresses from the one `site` setting in astro.config.mjs, and the citation downloads.
import { CITE_FILES } from '../routes.ts';
import { withBase } from '../base-path.ts';
import { chapterSlug, chapterUrl, workUrl, type Chapter, type Work } from './works.ts';

/** A site path ("/cari/") as a full address, under the base. */
export function absolute(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config.mjs must set `site` (the public address) for canonical URLs and citations');
  return new URL(withBase(path), site).href;
}

/** The static BibTeX/RIS files of a work or chapter: /kutip/<work>.bib, /kutip/<work>/<chapter>.ris. */
export function citationFile(work: Work, chapter: Chapter | undefined, ext: 'bib' | 'ris'): string {
  return chapter ? `${CITE_FILES}${work.id}/${chapterSlug(chapter)}.${ext}` : `${CITE_FILES}${work.id}.${ext}`;
}

/**
 * The name a downloaded citation file is saved under: the work's and the chapter's slugs
 * (borotoding-2024-bab-1-pendahuluan.bib), so a second work's chapter 1 does not overwrite the first's.
 */
export function citationFileName(work: Work, chapter: Chapter | undefined, ext: 'bib' | 'ris'): string {
  return chapter ? `${work.id}-${chapterSlug(chapter)}.${ext}` : `${work.id}.${ext}`;
}

/** The canonical (Indonesian-interface) address a citation points at. */
export function citedUrl(work: Work, chapter: Chapter | undefined, site: URL | undefined): string {
  return absolute(chapter ? chapterUrl(chapter) : workUrl(work), site);
}
