// The sitemap as an index (/sitemap.xml, the address robots.txt names) of child sitemaps
// (/sitemap-<n>.xml) of a fixed number of site paths each, so that no file grows with the library.
import { ABBREVIATIONS_URL, BIBLIOGRAPHY_URL, DATA_URL, NOTES_URL, SEARCH_URL, workAbbreviationsUrl, workCorrectionsUrl, workFloatsUrl } from '../routes.ts';
import { worksWithCorrections } from '../corrections/works.ts';
import { formatAll } from '../bibliography/entries.ts';
import { BIBLIOGRAPHY_FILE, CHAPTERS_DIR, DATA_DIR, ROOT, WORKS_DIR, correctionsFile, workFile } from '../paths.ts';
import { getDatasets } from '../data/datasets.ts';
import { getLibraryAbbreviationRows, worksWithAbbreviations } from '../abbreviations/collect.ts';
import { chapterUrl, getChaptersByWork, getWorks, workUrl, type Chapter } from '../works/works.ts';
import { filesUnder } from '../metadata/lastmod.ts';
import {
  ABBREVIATION_ROWS_PER_PAGE,
  DATASETS_PER_PAGE,
  ENTRIES_PER_PAGE,
  PATHS_PER_SITEMAP,
  WORKS_PER_PAGE,
  entryPageUrl,
  pageUrl,
  paginate,
} from './paging.ts';

export const sitemapUrl = (n: number) => `/sitemap-${n}.xml`;

/** A site path and the content files it is made from (for its <lastmod>, src/metadata/lastmod.ts). */
export interface SitePath {
  path: string;
  sources: string[];
  /** The page has one interface, the Indonesian one (an entry's page: paging.ts' entryPageHref). */
  oneInterface?: true;
}

/** A chapter's own file, its work's, the bibliography if it cites or lists entries, its charts' data. */
function chapterSources(chapter: Chapter): string[] {
  const body = chapter.body ?? '';
  const files = [chapter.filePath ?? '', workFile(chapter.data.work.id)];
  if (chapter.data.references || /\]\(<?@[a-z0-9]/.test(body)) files.push(BIBLIOGRAPHY_FILE);
  for (const m of body.matchAll(/<Chart\s[^>]*dataset="([^"]+)"/g)) files.push(`${DATA_DIR}/${m[1]}.csv`, `${DATA_DIR}/${m[1]}.yaml`);
  return files;
}

/** Every page's site path (Indonesian interface; the sitemap adds each one's /en/ alternate), with its sources. */
export async function sitePaths(): Promise<SitePath[]> {
  const works = await getWorks();
  const byWork = await getChaptersByWork();
  const entries = formatAll(ROOT);
  const worksFiles = filesUnder(`${WORKS_DIR}/`);
  const bibliography = [BIBLIOGRAPHY_FILE, ...filesUnder(`${CHAPTERS_DIR}/`), ...worksFiles];
  const data = [...filesUnder(`${DATA_DIR}/`), ...worksFiles];
  const paths: SitePath[] = [
    { path: '/', sources: worksFiles },
    { path: SEARCH_URL, sources: worksFiles },
    { path: DATA_URL, sources: data },
    // Study tools (src/annotations/, src/abbreviations/, src/figures/).
    { path: NOTES_URL, sources: worksFiles },
    { path: ABBREVIATIONS_URL, sources: [...filesUnder(`${CHAPTERS_DIR}/`), ...worksFiles] },
  ];
  for (const p of paginate(works, WORKS_PER_PAGE).slice(1)) paths.push({ path: pageUrl('/', p.number), sources: worksFiles });
  for (const p of paginate(await getDatasets(), DATASETS_PER_PAGE).slice(1)) paths.push({ path: pageUrl(DATA_URL, p.number), sources: data });
  for (const p of paginate(await getLibraryAbbreviationRows(), ABBREVIATION_ROWS_PER_PAGE).slice(1))
    paths.push({ path: pageUrl(ABBREVIATIONS_URL, p.number), sources: [...filesUnder(`${CHAPTERS_DIR}/`), ...worksFiles] });
  for (const p of paginate(entries, ENTRIES_PER_PAGE)) paths.push({ path: pageUrl(BIBLIOGRAPHY_URL, p.number), sources: bibliography });
  const abbreviating = new Set((await worksWithAbbreviations()).map((w) => w.id));
  const corrected = new Set((await worksWithCorrections()).map((w) => w.id));
  for (const work of works) {
    const chapters = byWork.get(work.id) ?? [];
    paths.push({ path: workUrl(work), sources: [workFile(work.id), ...chapters.map((c) => c.filePath ?? '')] });
    for (const c of chapters) paths.push({ path: chapterUrl(c), sources: chapterSources(c) });
    const workSources = [workFile(work.id), ...chapters.map((c) => c.filePath ?? '')];
    if (abbreviating.has(work.id)) paths.push({ path: workAbbreviationsUrl(work.id), sources: workSources });
    paths.push({ path: workFloatsUrl(work.id), sources: workSources });
    if (corrected.has(work.id)) paths.push({ path: workCorrectionsUrl(work.id), sources: [correctionsFile(work.id), workFile(work.id)] });
  }
  for (const e of entries) paths.push({ path: entryPageUrl(e.ref.id), sources: bibliography, oneInterface: true });
  return paths;
}

/** The paths of each child sitemap. */
export async function sitemapChunks(): Promise<SitePath[][]> {
  return paginate(await sitePaths(), PATHS_PER_SITEMAP).map((p) => p.items);
}
