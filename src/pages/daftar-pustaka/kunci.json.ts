// The keys of the site-wide bibliography's entries (/daftar-pustaka/kunci.json): an old link
// /daftar-pustaka/#key is sent on to the entry's own page only when its key is one of them
// (src/scale/browser/entry-anchor.ts), so a word shaped like a key (#constructor) stays put.
import type { APIRoute } from 'astro';
import { loadLibrary } from '../../bibliography/library.ts';
import { ROOT } from '../../paths.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadLibrary(ROOT).references.map((ref) => ref.id)), { headers: { 'Content-Type': 'application/json' } });
