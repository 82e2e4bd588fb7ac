// sitemap.xml: every page in both interface languages, each with its other-language alternate.
import type { APIRoute } from 'astro';
import { LOCALES, localePath } from '../i18n';
import { absolute } from '../lib/urls';
import { BIBLIOGRAPHY_URL } from '../citations/ids';
import { chapterUrl, getChaptersByWork, getWorks, workUrl } from '../lib/works';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = async ({ site }) => {
  const byWork = await getChaptersByWork();
  const paths = ['/', '/cari/', '/data/', BIBLIOGRAPHY_URL];
  for (const work of await getWorks()) paths.push(workUrl(work), ...(byWork.get(work.id) ?? []).map(chapterUrl));
  const urls = paths.flatMap((path) =>
    LOCALES.map((locale) => {
      const alternates = LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xml(absolute(localePath(path, l), site))}"/>`).join('');
      return `<url><loc>${xml(absolute(localePath(path, locale), site))}</loc>${alternates}</url>`;
    }),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
