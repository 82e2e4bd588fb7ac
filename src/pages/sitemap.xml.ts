// sitemap.xml: a sitemap index of the child sitemaps (sitemap-[n].xml.ts), each a fixed number of
// pages in both interface languages (src/scale/sitemap.ts), so it stays small however large the library.
import type { APIRoute } from 'astro';
import { absolute } from '../works/urls.ts';
import { sitemapChunks, sitemapUrl } from '../scale/sitemap.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = async ({ site }) => {
  const chunks = await sitemapChunks();
  const items = chunks.map((_, i) => `<sitemap><loc>${xml(absolute(sitemapUrl(i + 1), site))}</loc></sitemap>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
