// Last step before the build is moved into dist/ (after the service worker, so that sw.js and the
// offline file lists are compressed too): what a web server needs to serve this build, written
// into it (nginx's snippet in _server/, Netlify's and Cloudflare's _headers and _redirects), and
// the precompressed copies (./compress.ts). docs/publishing.md says how each host uses them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { precompress, precompressWanted } from './compress.ts';
import { nginxSnippet } from './nginx.ts';
import { NGINX_SNIPPET } from './server-files.ts';
import { headersFile, redirectsFile } from './static-hosts.ts';

export function writeServerFiles(dir: string, base: string, redirects: [string, string][] = []): void {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(NGINX_SNIPPET, nginxSnippet(base));
  write('_headers', headersFile(base));
  write('_redirects', redirectsFile(base, redirects));
}

export function serverFiles(): AstroIntegration {
  let base = '/';
  let cache: string | undefined;
  return {
    name: 'ruang-baca:server-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        // Beside Astro's own cache (astro.config.mjs: cacheDir), per project folder.
        cache = fileURLToPath(new URL('precompressed/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeServerFiles(out, base);
        if (!precompressWanted()) return logger.info('no precompressed copies (PRECOMPRESS=no)');
        const t = await precompress(out, cache);
        const mb = (n: number) => (n / 1048576).toFixed(1);
        logger.info(
          `${t.files} text files (${mb(t.bytes)} MB) precompressed beside themselves (${t.reused} from the cache): ${mb(t.br)} MB Brotli, ${mb(t.gz)} MB gzip`,
        );
      },
    },
  };
}
