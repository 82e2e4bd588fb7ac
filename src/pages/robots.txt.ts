// robots.txt: everything may be crawled; the sitemap's address comes from the `site` setting.
import type { APIRoute } from 'astro';
import { absolute } from '../works/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap.xml', site)}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
