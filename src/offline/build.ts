// Writes the offline manifest and the service worker into a finished build (run after the pages and
// the search index): every file with its revision and size, grouped into packs; dist/sw.js, this
// folder's own small worker (browser/worker.ts) bundled with the core's files, the packs and the
// hash of every list inside, so that a new build is a new worker byte for byte and the browser
// notices it; and the lists of the other files (dist/_offline/, see revision.ts), which the worker
// fetches when it needs one, so that sw.js does not grow with the number of files.
//
// Why not Workbox's generateSW: it precaches one list, all or nothing, at install. Saving a small
// core automatically, each work only when the reader asks, verifying every file against its build
// and keeping pages whose text did not change across a code change need a worker that knows packs
// and revisions; written by hand it is about 9 KB, smaller than the Workbox runtime it replaces.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import {
  FILE_LISTS,
  FILES_PER_OTHER_LIST,
  FILTER_BITS_PER_PAGE,
  FILTER_HASHES,
  filterBits,
  folderPack,
  groupOf,
  invert,
  isPage,
  listHash,
  listPath,
  listText,
  logicalName,
  normalizePage,
  type FileEntry,
  type FileList,
  type OfflineManifest,
  type Pack,
  type PageFilter,
  type WorkerManifest,
} from './revision.ts';
import { ROOT, WORKS_DIR } from '../paths.ts';
import { SERVER_FILES } from '../deploy/server-files.ts';

export const SW_FILE = 'sw.js';

/**
 * The automatic core, in bytes as stored. What it holds is chosen by rule, so that it stays within
 * its budget however large the library grows (offlineManifest): first the shell (styles, scripts,
 * icons) and the library's own pages (home, search, "Catatan saya", the 404 and "not saved" pages),
 * which do not grow with the library; then search: the index (engine, word index, filters) whole or
 * not at all, then the result texts (fragments) while they fit; then the works' pages in library
 * order (Indonesian interface first) while they fit. The build names what it left out; those files
 * are saved with their work or fetched when needed. Nothing else is downloaded unless the reader
 * saves a work.
 */
export const CORE_BUDGET = 1_000_000;

/** The shell and the library's own pages: always in the core. */
const SHELL = [
  /^_astro\//,
  /^icons\//,
  /^(en\/)?index\.html$/,
  /^(en\/)?cari\/index\.html$/,
  /^(en\/)?catatan\/index\.html$/,
  /^(en\/)?penelitian-terdahulu\/index\.html$/,
  /^(en\/)?404(\.html|\/index\.html)$/,
  /^(en\/)?luring\/index\.html$/,
  /^manifest\.webmanifest$/,
  /^favicon\.svg$/,
];
/** Search's result texts, one a page: in the core while they fit, after the index. */
const SEARCH_FRAGMENT = /^pagefind\/fragment\//;
/** The rest of search (engine, word index, filters, metadata): useless in part, so whole or not at all. */
const SEARCH_INDEX = /^pagefind\//;

// Chart.js drawing on the page (src/charts/browser/draw.ts) is only for browsers that cannot draw in the
// chart worker (src/charts/browser/chart-worker.ts, in the core): left out of the core, it is fetched when a
// chart comes near, and such a browser shows the table when offline.
// The Word export of the previous-studies table (src/matrix/browser/docx.ts with the `docx` library,
// about 220 KB) is fetched when the reader asks for a .docx; CSV and Markdown are made offline.
export const NOT_IN_CORE = [/^_astro\/draw\.[\w-]{8}\.js$/, /^_astro\/docx\.[\w-]{8}\.js$/];

// Source maps, and the files a reader downloads to keep (a work's EPUB and PDF, the data zip): never saved
// for offline reading, a click fetches them.
export const DOWNLOADS = /\.(map|epub|pdf|zip)$/;

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

function listFiles(dir: string): string[] {
  return (
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
      // What the build writes for servers (src/deploy/) is no file of the site.
      .filter((f) => f !== SW_FILE && !f.startsWith(`${FILE_LISTS}/`) && !DOWNLOADS.test(f) && !SERVER_FILES.test(f))
      .sort()
  );
}

/** The works, by slug, in the order the library lists them (content/works/<slug>.yaml). */
function workSlugs(root: string): string[] {
  return readdirSync(join(root, WORKS_DIR))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

export function offlineManifest(site: string, root: string, budget = CORE_BUDGET): { manifest: OfflineManifest; warnings: string[]; leftOut: string[] } {
  const files = listFiles(site);
  const warnings: string[] = [];
  // Logical names for the build's hashed code files; two files with one logical name keep their real names.
  const byLogical = new Map<string, string[]>();
  for (const f of files.filter((f) => f.startsWith('_astro/'))) {
    const l = logicalName(f.slice('_astro/'.length));
    if (l) byLogical.set(l, [...(byLogical.get(l) ?? []), f.slice('_astro/'.length)]);
  }
  const assets = Object.fromEntries([...byLogical].filter(([, names]) => names.length === 1).map(([l, [h]]) => [l, h!]));
  const logical = invert(assets);

  const entries: Record<string, FileEntry> = {};
  for (const f of files) {
    const bytes = readFileSync(join(site, f));
    const rev = isPage(f) ? sha(normalizePage(bytes.toString('utf8'), logical)) : sha(bytes);
    entries[f] = [rev, bytes.length, ''];
  }
  const size = (f: string) => entries[f]![1];

  let core = 0;
  const leftOut: string[] = [];
  const take = (f: string) => ((entries[f]![2] = 'core'), (core += size(f)));
  const inCore = (f: string) => !NOT_IN_CORE.some((r) => r.test(f));
  for (const f of files) if (SHELL.some((r) => r.test(f)) && inCore(f)) take(f);
  if (core > budget) warnings.push(`the offline core's shell and library pages are ${core} bytes, over its budget of ${budget}`);
  const index = files.filter((f) => SEARCH_INDEX.test(f) && !SEARCH_FRAGMENT.test(f));
  const indexSize = index.reduce((n, f) => n + size(f), 0);
  // Result texts are of use only with the index.
  const indexIn = core + indexSize <= budget;
  if (indexIn) index.forEach(take);
  else leftOut.push(`the search index (${index.length} files, ${Math.round(indexSize / 1024)} KiB: search works online only)`);
  const fragments = files.filter((f) => SEARCH_FRAGMENT.test(f));
  let fragmentsOut = 0;
  for (const f of fragments) {
    if (indexIn && core + size(f) <= budget) take(f);
    else fragmentsOut++;
  }
  if (fragmentsOut) leftOut.push(`${fragmentsOut} of ${fragments.length} search result texts (fetched when a search shows them)`);
  const slugs = workSlugs(root).filter((s) => entries[`${s}/index.html`]);
  // The library's work pages, Indonesian interface first, while they fit.
  const pagesOut: string[] = [];
  for (const page of [...slugs.map((s) => `${s}/index.html`), ...slugs.map((s) => `en/${s}/index.html`)]) {
    if (core + size(page) <= budget) take(page);
    else pagesOut.push(`/${page.replace(/index\.html$/, '')}`);
  }
  if (pagesOut.length)
    leftOut.push(`${pagesOut.length} work pages (${pagesOut.slice(0, 4).join(', ')}${pagesOut.length > 4 ? ', …' : ''}: saved with their work)`);
  // A work's pack: its pages in one interface language (saving both would double the download),
  // found from each file's folder (the worker finds a file's pack by the same rule).
  const works = new Set(slugs);
  for (const f of files) {
    const pack = folderPack(f);
    if (pack && works.has(pack.split('/')[1]!) && entries[f]![2] === '') entries[f]![2] = pack;
  }
  const packs: Record<string, Pack> = {};
  const lines: Record<string, [string, string][]> = {};
  for (const [f, [rev, bytes, pack]] of Object.entries(entries)) {
    if (!pack) continue;
    const p = (packs[pack] ??= { hash: '', size: 0, count: 0 });
    (lines[pack] ??= []).push([f, rev]);
    p.size += bytes;
    p.count += 1;
  }
  for (const [name, p] of Object.entries(packs)) p.hash = sha(listText(lines[name]!));
  const build = sha(JSON.stringify([entries, assets]));
  return { manifest: { build, files: entries, packs, assets, budget }, warnings, leftOut };
}

/** The Bloom filter of every page of the build (see PageFilter in revision.ts), and where it goes. */
export function pageFilter(manifest: OfflineManifest): { filter: PageFilter; bytes: Buffer } {
  const pages = Object.keys(manifest.files).filter(isPage);
  const bits = Math.max(64, Math.ceil((pages.length * FILTER_BITS_PER_PAGE) / 8) * 8);
  const bytes = Buffer.alloc(bits / 8);
  for (const p of pages) for (const i of filterBits(p, bits)) bytes[i >> 3]! |= 1 << (i & 7);
  const rev = sha(bytes);
  return { filter: { path: `${FILE_LISTS}/pages.${rev}.bin`, rev, size: bytes.length, bits, hashes: FILTER_HASHES }, bytes };
}

/**
 * What sw.js carries of the manifest and the lists it fetches (path in the build → text): one per
 * work's pack, and the files in no pack in lists of about FILES_PER_OTHER_LIST, placed by their path;
 * and the filter of the build's pages.
 */
export function workerManifest(manifest: OfflineManifest): { worker: WorkerManifest; lists: Record<string, string | Buffer> } {
  const unpacked = Object.keys(manifest.files).filter((f) => manifest.files[f]![2] === '');
  const count = Math.max(1, Math.ceil(unpacked.length / FILES_PER_OTHER_LIST));
  const groups: Record<string, FileList> = {};
  const core: FileList = {};
  for (const [f, [rev, size, pack]] of Object.entries(manifest.files)) {
    if (pack === 'core') core[f] = [rev, size];
    else (groups[pack || groupOf(f, manifest.packs, count)] ??= {})[f] = [rev, size];
  }
  const others = Array.from({ length: count }, (_, i) => sha(listText(Object.entries(groups[`x/${i}`] ?? {}).map(([f, [rev]]) => [f, rev]))));
  const lists: Record<string, string | Buffer> = {};
  for (const [group, list] of Object.entries(groups)) lists[listPath(group, listHash(group, manifest.packs, others)!)] = JSON.stringify(list);
  const { filter, bytes } = pageFilter(manifest);
  lists[filter.path] = bytes;
  const { build, packs, assets, budget } = manifest;
  return { worker: { build, core, packs, others, assets, budget, pages: filter }, lists };
}

export async function writeServiceWorker(site: string, root = ROOT, base = '/') {
  const { manifest, warnings, leftOut } = offlineManifest(site, root);
  const { worker, lists } = workerManifest(manifest);
  for (const [path, text] of Object.entries(lists)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  const out = await esbuild({
    entryPoints: [fileURLToPath(new URL('./browser/worker.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    // The base as Vite gives it to the pages (src/base-path.ts).
    define: { __RB_MANIFEST__: JSON.stringify(worker), __RB_BASE__: JSON.stringify(base) },
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.text;
  writeFileSync(join(site, SW_FILE), code);
  const core = manifest.packs.core!;
  return { manifest, warnings, leftOut, count: core.count, size: core.size, bytes: code.length, lists: Object.keys(lists).length };
}
