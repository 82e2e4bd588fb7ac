// /data/datapackage.json: every dataset of content/data/ as one Frictionless Data Package (src/data/package.ts).
import type { APIRoute } from 'astro';
import { getPackageFiles } from '../../data/package-files.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response((await getPackageFiles(site)).json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
