// The works that have corrections, with their record newest first (src/corrections/record.ts), for
// the record pages, the work page's version, the sitemap and the <html> of every page of a work.
import { ROOT } from '../paths.ts';
import { chapterUrl, getChaptersByWork, getWorks, type Chapter, type Work } from '../works/works.ts';
import { loadCorrections, successors, workVersion, type Correction } from './record.ts';

export interface RecordEntry extends Correction {
  /** The paragraph's id now (after later corrections too). */
  now: string;
  chapter: Chapter | undefined;
}

/** A work's corrections, newest first, each with its chapter and its paragraph's id now. */
export async function workRecord(work: Work | string): Promise<RecordEntry[]> {
  const id = typeof work === 'string' ? work : work.id;
  const list = loadCorrections(ROOT).get(id) ?? [];
  const now = successors(list);
  const chapters = (await getChaptersByWork()).get(id) ?? [];
  return list.map((c) => ({ ...c, now: now.get(`${c.page}#${c.from}`)?.now ?? c.to, chapter: chapters.find((ch) => chapterUrl(ch) === c.page) }));
}

export async function worksWithCorrections(): Promise<Work[]> {
  const records = loadCorrections(ROOT);
  return (await getWorks()).filter((w) => records.has(w.id));
}

/** The day of a work's last correction (its version), or undefined when it has none. */
export function versionOf(work: string): string | undefined {
  return workVersion(loadCorrections(ROOT), work);
}
