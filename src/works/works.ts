// Reading the content collections: works in library order, chapters in work order, and the
// integrity checks Astro's schemas cannot express (each stops the build naming the file).
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { devCheck } from '../checks/loader.ts';
import { ROOT } from '../paths.ts';
import { registerCache } from '../build/cache.ts';

export type Work = CollectionEntry<'works'>;
export type Chapter = CollectionEntry<'chapters'>;

export class ContentError extends Error {
  constructor(file: string | undefined, message: string) {
    super(`${file ?? '(unknown file)'}: ${message}`);
    this.name = 'ContentError';
  }
}

let builtWorks: Promise<Work[]> | undefined;
registerCache(
  'src/works/works.ts: the works in library order',
  'pages',
  'the works collection (content/works/; not kept in dev: read on every request)',
  () => (builtWorks = undefined),
);

export async function getWorks(): Promise<Work[]> {
  // In `npm run dev`, a mistake in any content file is shown in the browser (Astro's overlay).
  if (import.meta.env.DEV) {
    devCheck(ROOT);
    return (await getCollection('works')).sort((a, b) => a.data.order - b.data.order);
  }
  // A build's content does not change while it renders: the works are read from the store once,
  // not once per page (getCollection makes every entry anew, so each of 100,000 pages cost as many
  // entries as the library has works: the library squared).
  builtWorks ??= getCollection('works').then((works) => works.sort((a, b) => a.data.order - b.data.order));
  return [...(await builtWorks)];
}

/** How many works the library holds (every page's tagline), read as getWorks reads them. */
export async function workCount(): Promise<number> {
  return import.meta.env.DEV ? (await getCollection('works')).length : (await getWorks()).length;
}

/** The chapter's own URL segment: the file name without the work folder. */
export function chapterSlug(chapter: Chapter): string {
  return chapter.id.slice(chapter.id.indexOf('/') + 1);
}

export function workUrl(work: Work | string): string {
  return `/${typeof work === 'string' ? work : work.id}/`;
}

export function chapterUrl(chapter: Chapter): string {
  return `/${chapter.data.work.id}/${chapterSlug(chapter)}/`;
}

/** All chapters, grouped by work and sorted; throws on orphans, misplaced files and duplicate orders. */
export async function getChaptersByWork(): Promise<Map<string, Chapter[]>> {
  const byWork = new Map<string, Chapter[]>();
  for (const work of await getWorks()) byWork.set(work.id, []);
  for (const chapter of await getCollection('chapters')) {
    const workId = chapter.data.work.id;
    const list = byWork.get(workId);
    if (!list || !(await getEntry('works', workId))) {
      throw new ContentError(chapter.filePath, `front matter "work: ${workId}" names no work in content/works/`);
    }
    if (!chapter.id.startsWith(`${workId}/`)) {
      throw new ContentError(chapter.filePath, `a chapter of "${workId}" must live in content/chapters/${workId}/`);
    }
    list.push(chapter);
  }
  for (const [workId, list] of byWork) {
    list.sort((a, b) => a.data.order - b.data.order);
    list.forEach((c, i) => {
      const prev = list[i - 1];
      if (prev && prev.data.order === c.data.order) {
        throw new ContentError(c.filePath, `"order: ${c.data.order}" is also used by ${prev.filePath} in work "${workId}"`);
      }
    });
  }
  return byWork;
}

/** A work's title in its own language (the schema requires that one; the slug never shows in practice). */
export function workTitle(work: Work): string {
  return work.data.title[work.data.language] ?? work.id;
}

/** "BAB I Pendahuluan" or just the title for unnumbered parts. */
export function chapterLabel(chapter: Chapter): string {
  return chapter.data.number ? `${chapter.data.number} ${chapter.data.title}` : chapter.data.title;
}

export function authorLine(work: Work, unknown: string): string {
  const names = work.data.authors.map((a) => a.name);
  return names.length ? names.join(', ') : unknown;
}

/** A short name for lists of works: "Borotoding (2024)", "Kokomakingi dkk. (2024)", else the title's start. */
export function workShortLabel(work: Work, etAl: string): string {
  const d = work.data;
  const families = d.authors.map((a) => a.name.trim().split(/\s+/).at(-1));
  if (families.length) return `${families[0]}${families.length > 1 ? ` ${etAl}` : ''}${d.year ? ` (${d.year})` : ''}`;
  const words = workTitle(work).split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}
