// A child sitemap (/sitemap-<n>.xml): a fixed number of pages in both interface languages, each with
// its other-language alternate. Listed by the index, sitemap.xml.
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, localePath } from '../i18n';
import { absolute } from '../lib/urls';
import { sitemapChunks } from '../scale/sitemap';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const getStaticPaths = (async () => (await sitemapChunks()).map((paths, i) => ({ params: { n: String(i + 1) }, props: { paths } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, props }) => {
  const { paths } = props as { paths: string[] };
  const urls = paths.flatMap((path) =>
    LOCALES.map((locale) => {
      const alternates = LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xml(absolute(localePath(path, l), site))}"/>`).join('');
      return `<url><loc>${xml(absolute(localePath(path, locale), site))}</loc>${alternates}</url>`;
    }),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
