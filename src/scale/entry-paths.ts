// The entries' pages, one per entry of the site-wide bibliography, and for an entry cited by very
// many works its further pages of back-links (/daftar-pustaka/<key>/<n>/): the paths of both the
// pages (src/pages/daftar-pustaka/[key]/[...page].astro) and their old English addresses
// (src/pages/en/…, src/scale/EntryRedirect.astro). A module of its own, not the Indonesian route's
// export, so that the English route does not take the page's stylesheets with it.
import { formatAll, type FormattedEntry } from '../bibliography/entries.ts';
import { citationUsage } from '../bibliography/cited.ts';
import { BIBLIOGRAPHY_FILE, ROOT } from '../paths.ts';
import { ContentError } from '../works/works.ts';
import { CITING_WORKS_PER_PAGE, PAGE_SEGMENT } from './paging.ts';

export type EntryPageProps = {
  entry: FormattedEntry;
  /** The entry's place in the site-wide list (0-based). */
  index: number;
  /** Which page of the citing works (1-based). */
  page: number;
};

export async function entryPaths(): Promise<{ params: { key: string; page: string | undefined }; props: EntryPageProps }[]> {
  const usage = await citationUsage();
  return formatAll(ROOT).flatMap((entry, index) => {
    const key = entry.ref.id;
    if (key === PAGE_SEGMENT) throw new ContentError(BIBLIOGRAPHY_FILE, `the key "${key}" is reserved for the pages of the bibliography; rename the entry`);
    const works = new Set([...entry.ref.listedIn, ...(usage.get(key) ?? []).map((u) => u.work.id)]).size;
    const count = Math.max(1, Math.ceil(works / CITING_WORKS_PER_PAGE));
    return Array.from({ length: count }, (_, i) => ({
      params: { key, page: i === 0 ? undefined : String(i + 1) },
      props: { entry, index, page: i + 1 },
    }));
  });
}
