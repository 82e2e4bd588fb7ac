// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from './src/markdown/pipeline.ts';
import { pagefindIndex } from './src/search/integration.ts';
import { serviceWorker } from './src/offline/integration.ts';
import { publishedLinks } from './src/links/integration.ts';
// The annotation library's core-js imports resolved to the browsers' own functions.
import { nativeRuntime } from './src/annotations/native-runtime.ts';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
import { cspHeader } from './src/security/csp-header.ts';
import { wholeBuild } from './src/build/whole-build.ts';
import { cachesIntegration } from './src/build/cache.ts';
import { epubBooks } from './src/epub/integration.ts';
import { pdfBooks } from './src/pdf/integration.ts';
import { parseBasePath } from './src/base-path.ts';
import { serverFiles } from './src/deploy/integration.ts';
import { parseReportUrl } from './src/quote/report.ts';
import { reportSetting } from './src/quote/integration.ts';
import { id as idDictionary } from './src/i18n/id.ts';
import { en as enDictionary } from './src/i18n/en.ts';
import { playerStrings } from './src/listen/strings.ts';

const base = parseBasePath(process.env.BASE_PATH);
// Where a reader's error report goes (a mailto: or an issue form's address), or unset: no reporting.
// Checked here (a bad value stops the build) and written into the pages' code (src/quote/setting.ts).
const reportUrl = parseReportUrl(process.env.REPORT_URL);

export default defineConfig({
  // The one setting for the public address (canonical URLs, sitemap, citation tags).
  site: process.env.SITE_URL ?? 'https://ruangbaca-ntt.example.org',
  // Where under that address the site lives: "/" (the domain's root) unless BASE_PATH says
  // "/ruang-baca/" (a university's sub-path, a GitHub Pages project site). Every address the site
  // writes goes through withBase (src/routes.ts); see docs/publishing.md.
  base,
  trailingSlash: 'always',
  // Caches inside the project, not in node_modules/.astro: worktrees and the throw-away fixture builds
  // of the tests share one node_modules, and a shared content-store cache leaks one build's content
  // into another running at the same time.
  cacheDir: './.astro/cache',
  // No script or stylesheet inlined into pages: the Content-Security-Policy (src/security/csp.ts)
  // allows scripts and styles from the site itself, inline ones only by hash.
  vite: {
    cacheDir: './.astro/vite',
    // The base for src/base-path.ts, as a string in the code (see there); the strings of the player of
    // "Dengarkan", only in its code, loaded on the first press (src/listen/strings.ts).
    define: {
      __RB_BASE__: JSON.stringify(base),
      __RB_REPORT_URL__: JSON.stringify(reportUrl ?? ''),
      __RB_LISTEN__: JSON.stringify({ id: playerStrings(idDictionary), en: playerStrings(enDictionary) }),
    },
    plugins: [
      nativeRuntime(),
      // The player of "Dengarkan" (src/listen/browser/player.ts) fetched on the first press with no
      // preload list: what it imports is the chapter script's own shared chunk, loaded already, and
      // the list (its file's name among them) would be bytes in every chapter's script for nothing.
      // In the browser's build only (Astro sets the build's modulePreload itself).
      {
        name: 'ruang-baca:listen-preload',
        configEnvironment: (name) =>
          name === 'client'
            ? { build: { modulePreload: { resolveDependencies: (file, deps) => (/(^|\/)player\.[^/]*\.js$/.test(file) ? [] : deps) } } }
            : undefined,
      },
    ],
    build: {
      assetsInlineLimit: 0,
      // Astro's own "use astro:head-inject" in every MDX module makes the bundler warn 12 lines per
      // chapter; nothing an author can fix, so only that warning is dropped (see docs/content.md, Adding a work).
      rolldownOptions: {
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:')) return;
          handler(level, log);
        },
      },
    },
    // What every page runs before the reader interacts (boot.ts with the service worker's
    // registration, the text-size and theme controls) and the small modules most pages' scripts share
    // (guards, storage, search names, public addresses, Vite's loader for code fetched on demand,
    // the charts' 120-byte yield that was a file of its own on every chart chapter) travel
    // as one file: one request and one gzip stream instead of eight on a slow connection
    // (tests/content/budgets.test.ts counts each file's gzip on its own). Not announce.ts: only code
    // loaded on demand uses it (copying, quoting, reporting), so it comes as a file of its own then.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: 'common',
                    test: /src[\\/]browser[\\/](boot|safe|storage)\.ts$|src[\\/]reading[\\/]browser[\\/]controls\.ts$|src[\\/]offline[\\/]browser[\\/]offline\.ts$|src[\\/]search[\\/]fields\.ts$|src[\\/]routes\.ts$|vite[\\/]preload-helper|src[\\/]charts[\\/]browser[\\/]yield\.ts$/,
                  },
                ],
              },
            },
          },
        },
      },
    },
  },
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
  // After the pages are written, in this order: the page build's caches are let go of
  // (src/build/cache.ts), every published link still resolves (src/links/),
  // one EPUB per work (src/epub/), one PDF per work from the same pages (src/pdf/), the search index,
  // then the service worker that precaches every file, the index included; then what web servers
  // need (src/deploy/: nginx's snippet, _headers, the .br and .gz copies); then the finished build
  // is moved into dist/ (a failed build never leaves a partial one there, see src/build/whole-build.ts).
  integrations: [
    mdx(),
    cspHeader(),
    cachesIntegration(),
    reportSetting(reportUrl),
    publishedLinks(),
    epubBooks(),
    pdfBooks(),
    pagefindIndex(),
    serviceWorker(),
    serverFiles(),
    wholeBuild(),
  ],
  // The chapters' Markdown pipeline, every stage in order (the front-matter hand-off of citations
  // and the per-page localisation included): src/markdown/pipeline.ts.
  markdown: {
    processor: unified(markdownOptions(root)),
  },
});
