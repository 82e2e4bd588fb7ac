// sitemap.xml: every page in both interface languages, each with its other-language alternate and,
// where git knows its sources, <lastmod>: the last commit that touched them (src/metadata/lastmod.ts).
import type { APIRoute } from 'astro';
import { LOCALES, localePath } from '../i18n';
import { absolute } from '../lib/urls';
import { BIBLIOGRAPHY_URL } from '../citations/ids';
import { filesUnder, lastModified } from '../metadata/lastmod';
import { chapterUrl, getChaptersByWork, getWorks, workUrl, type Chapter } from '../lib/works';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const workFile = (id: string) => `content/works/${id}.yaml`;

/** A chapter's own file, its work's, the bibliography if it cites or lists entries, its charts' data. */
function chapterSources(chapter: Chapter): string[] {
  const body = chapter.body ?? '';
  const files = [chapter.filePath ?? '', workFile(chapter.data.work.id)];
  if (chapter.data.references || /@[a-z0-9]/.test(body)) files.push('content/bibliography.json');
  for (const m of body.matchAll(/<Chart\s[^>]*dataset="([^"]+)"/g)) files.push(`content/data/${m[1]}.csv`, `content/data/${m[1]}.yaml`);
  return files;
}

export const GET: APIRoute = async ({ site }) => {
  const byWork = await getChaptersByWork();
  const pages: { path: string; sources: string[] }[] = [
    { path: '/', sources: filesUnder('content/works/') },
    { path: '/cari/', sources: filesUnder('content/works/') },
    { path: '/data/', sources: [...filesUnder('content/data/'), ...filesUnder('content/works/')] },
    { path: BIBLIOGRAPHY_URL, sources: ['content/bibliography.json', ...filesUnder('content/chapters/'), ...filesUnder('content/works/')] },
  ];
  for (const work of await getWorks()) {
    const chapters = byWork.get(work.id) ?? [];
    pages.push({ path: workUrl(work), sources: [workFile(work.id), ...chapters.map((c) => c.filePath ?? '')] });
    for (const c of chapters) pages.push({ path: chapterUrl(c), sources: chapterSources(c) });
  }
  const urls = pages.flatMap(({ path, sources }) => {
    const lastmod = lastModified(sources);
    return LOCALES.map((locale) => {
      const alternates = LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xml(absolute(localePath(path, l), site))}"/>`).join('');
      return `<url><loc>${xml(absolute(localePath(path, locale), site))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${alternates}</url>`;
    });
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
