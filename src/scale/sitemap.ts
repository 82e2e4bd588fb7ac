// The sitemap as an index (/sitemap.xml, the address robots.txt names) of child sitemaps
// (/sitemap-<n>.xml) of a fixed number of site paths each, so that no file grows with the library.
import { BIBLIOGRAPHY_URL } from '../citations/ids';
import { formatAll } from '../citations/entries';
import { ROOT } from '../lib/citations';
import { getDatasets } from '../data/datasets';
import { chapterUrl, getChaptersByWork, getWorks, workUrl } from '../lib/works';
import { DATASETS_PER_PAGE, ENTRIES_PER_PAGE, PATHS_PER_SITEMAP, WORKS_PER_PAGE, entryPageUrl, pageUrl, paginate } from './paging';

export const sitemapUrl = (n: number) => `/sitemap-${n}.xml`;

/** Every page's site path (Indonesian interface; the sitemap adds each one's /en/ alternate). */
export async function sitePaths(): Promise<string[]> {
  const works = await getWorks();
  const byWork = await getChaptersByWork();
  const entries = formatAll(ROOT);
  const paths = ['/', '/cari/', '/data/'];
  for (const p of paginate(works, WORKS_PER_PAGE).slice(1)) paths.push(pageUrl('/', p.number));
  for (const p of paginate(await getDatasets(), DATASETS_PER_PAGE).slice(1)) paths.push(pageUrl('/data/', p.number));
  for (const p of paginate(entries, ENTRIES_PER_PAGE)) paths.push(pageUrl(BIBLIOGRAPHY_URL, p.number));
  for (const work of works) paths.push(workUrl(work), ...(byWork.get(work.id) ?? []).map(chapterUrl));
  for (const e of entries) paths.push(entryPageUrl(e.ref.id));
  return paths;
}

/** The paths of each child sitemap. */
export async function sitemapChunks(): Promise<string[][]> {
  return paginate(await sitePaths(), PATHS_PER_SITEMAP).map((p) => p.items);
}
