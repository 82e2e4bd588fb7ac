// /data/data-ntt.zip: every CSV of content/data/ with the datapackage.json that describes them.
import type { APIRoute } from 'astro';
import { getPackageFiles } from '../../data/package-files.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(new Uint8Array((await getPackageFiles(site)).zip), { headers: { 'Content-Type': 'application/zip' } });
