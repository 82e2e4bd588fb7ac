// The data package's files for the pages that serve them and for the /data/ page (which shows the
// zip's size): made once per build from content/data/ (read.ts), the works' citations and the
// bibliography's entries as the site formats them.
import { htmlText } from '../markdown/hast.ts';
import { getWorks, type Work } from '../works/works.ts';
import { ROOT } from '../paths.ts';
import { formatAll } from '../bibliography/entries.ts';
import { formatCitations } from '../cite/format.ts';
import { workItem } from '../cite/csl-item.ts';
import { BIBLIOGRAPHY_URL, DATA_URL } from '../routes.ts';
import { absolute } from '../works/urls.ts';
import { readDataDir } from './read.ts';
import { packageFiles, type PackageFiles, type WorkSource } from './package.ts';
import { perBuild } from '../build/cache.ts';

const text = (html: string) => htmlText(html).replace(/\s+/g, ' ').trim();

function workSource(work: Work, site: URL | undefined): WorkSource {
  const url = absolute(`/${work.id}/`, site);
  const apa = formatCitations(workItem(work, url), 'id').find((c) => c.style === 'apa')!;
  return { citation: apa.text.trim(), chapterUrl: (chapter) => absolute(`/${work.id}/${chapter}/`, site) };
}

// The build's site address (every page passes the same one).
let site: URL | undefined;
const files = perBuild('src/data/package-files.ts: the data package', async () => {
  const { datasets } = readDataDir(ROOT);
  const works = new Map((await getWorks()).map((w) => [w.id, workSource(w, site)]));
  const references = new Map(formatAll(ROOT).map((e) => [e.ref.id, { text: text(e.html), url: absolute(`${BIBLIOGRAPHY_URL}#${e.ref.id}`, site) }]));
  return packageFiles({ datasets, works, references, homepage: absolute(DATA_URL, site) });
});

export function getPackageFiles(siteUrl: URL | undefined): Promise<PackageFiles> {
  site = siteUrl;
  return files();
}
