// The web app manifest, so the library can be installed on a phone's home screen and opened like an
// app (it works offline: see src/offline/integration.ts). Names come from src/i18n/id.ts.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { t } from '../i18n/id.ts';
import { withBase } from '../base-path.ts';

export const GET: APIRoute = async () =>
  new Response(
    JSON.stringify({
      name: t.siteName,
      short_name: t.appShortName,
      description: t.siteTagline((await getCollection('works')).length),
      lang: 'id',
      start_url: withBase('/'),
      scope: withBase('/'),
      display: 'standalone',
      background_color: '#fdfcf8',
      theme_color: '#8a3b12',
      icons: [
        { src: withBase('/favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
        { src: withBase('/icons/icon-192.png'), sizes: '192x192', type: 'image/png' },
        { src: withBase('/icons/icon-512.png'), sizes: '512x512', type: 'image/png' },
        { src: withBase('/icons/icon-maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
