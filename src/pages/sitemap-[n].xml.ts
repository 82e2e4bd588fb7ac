// A child sitemap (/sitemap-<n>.xml): a fixed number of pages in both interface languages, each with
// its other-language alternate (an entry's page, which has one interface, once) and, where git knows its sources, <lastmod> (src/metadata/lastmod.ts).
// Listed by the index, sitemap.xml.
import type { APIRoute, GetStaticPaths } from 'astro';
import { DEFAULT_LOCALE, LOCALES, localePath } from '../i18n/index.ts';
import { absolute } from '../works/urls.ts';
import { lastModified } from '../metadata/lastmod.ts';
import { sitemapChunks, type SitePath } from '../scale/sitemap.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const getStaticPaths = (async () =>
  (await sitemapChunks()).map((paths, i) => ({ params: { n: String(i + 1) }, props: { paths } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, props }) => {
  const { paths } = props as { paths: SitePath[] };
  const urls = paths.flatMap(({ path, sources, oneInterface }) => {
    // The last commit that touched the page's sources, where git knows them (never the build time).
    const lastmod = lastModified(sources);
    const locales = oneInterface ? [DEFAULT_LOCALE] : LOCALES;
    // The same alternates for each language's URL of the page (none for a page of one interface).
    const alternates = oneInterface
      ? ''
      : LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xml(absolute(localePath(path, l), site))}"/>`).join('');
    return locales.map(
      (locale) => `<url><loc>${xml(absolute(localePath(path, locale), site))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${alternates}</url>`,
    );
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
