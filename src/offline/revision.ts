// What the build and the service worker agree on (this module is bundled into both, so it imports
// nothing): the shape of the offline manifest, and how a page's revision is computed so that a
// change to code does not make pages look changed.
//
// A page names the build's code by content-hashed file names (/_astro/Base.BPsEXDhf.css), so any code
// change rewrites every page's bytes. The revision of a page is therefore taken over its text with
// those names replaced by a logical name (/_astro/Base.\uE000.css), and the worker stores the page in
// that form and puts the current build's names back when it serves it. A code-only change then
// changes the code files and the name table, not the pages: the new worker copies every page it
// already has instead of downloading it again.

/** One file of the build: revision (hash of its, for pages normalised, content), bytes, pack ('' = none). */
export type FileEntry = [rev: string, size: number, pack: string];

export interface Pack {
  /** Hash of the pack's files and revisions: its cache is named after it, so a pack is one build's. */
  hash: string;
  size: number;
  count: number;
}

export interface OfflineManifest {
  /** Hash of everything: identifies the build. */
  build: string;
  /** Path without the leading slash ("index.html", "borotoding-2024/bab-1/index.html") → entry. */
  files: Record<string, FileEntry>;
  /** "core" (saved automatically within the budget) and one pack per work and interface language ("id/<work>", "en/<work>"). */
  packs: Record<string, Pack>;
  /** Logical code name → this build's hashed file name, for the pages stored in normalised form. */
  assets: Record<string, string>;
  /** The automatic core's budget in bytes, as the build checked it. */
  budget: number;
}

/**
 * What the worker carries (dist/sw.js): the core's files, the packs, and for the other files only
 * the hash of each list they are in. The lists (FILE_LISTS/<group>.<hash>.json, the group's files
 * with their revisions and sizes) are fetched when the worker needs one: a work's list when the
 * work is saved or one of its pages opened. Every file's revision in sw.js made it grow with the
 * library (52.8 KiB at 4 works, about 10 MB at 1,000), and the browser fetches sw.js again on
 * every update check.
 */
export interface WorkerManifest {
  build: string;
  core: Record<string, [rev: string, size: number]>;
  packs: Record<string, Pack>;
  /** The lists of the files in no pack (the site-wide lists' pages, the data page, …), by number: their hashes. */
  others: string[];
  assets: Record<string, string>;
  budget: number;
  /** The filter of the build's pages, saved with the core. */
  pages: PageFilter;
}

/**
 * Offline, an address whose list is not on the device is either a page not saved or no page at
 * all: the worker tells them apart with a Bloom filter of every page of the build (FILE_LISTS/
 * pages.<hash>.bin, about 1.2 bytes a page, saved with the core): "no" is certain, "maybe" is wrong
 * for about one address in a hundred (which then gets "not saved" instead of the 404 page).
 */
export interface PageFilter {
  path: string;
  rev: string;
  size: number;
  bits: number;
  hashes: number;
}

export const FILTER_HASHES = 7;
/** Bits a page: with 7 hashes, about 1% false "maybe". */
export const FILTER_BITS_PER_PAGE = 10;

/** The bits a path sets in a filter of `bits` bits (double hashing over two FNV-1a hashes). */
export function filterBits(path: string, bits: number, hashes = FILTER_HASHES): number[] {
  const a = fnv(path);
  const b = fnv(path, 0x01000193) | 1;
  return Array.from({ length: hashes }, (_, i) => ((a + Math.imul(i, b)) >>> 0) % bits);
}

/** Whether a path may be in the filter (false: certainly not). */
export const inFilter = (filter: Uint8Array, f: PageFilter, path: string) => filterBits(path, f.bits, f.hashes).every((i) => (filter[i >> 3]! >> (i & 7)) & 1);

/** A group's list of files: path → [revision, size], in the build's (sorted) order. */
export type FileList = Record<string, [rev: string, size: number]>;

/** The folder of the lists, beside sw.js. */
export const FILE_LISTS = '_offline';

/** Files in no pack per list, about (their lists stay small whatever the size of the library). */
export const FILES_PER_OTHER_LIST = 500;

/** The text a list's hash is taken over (a pack's hash is the same text's: its cache and its list share a name). */
export const listText = (entries: [path: string, rev: string][]) => entries.map(([f, rev]) => `${f}:${rev}\n`).join('');

/** FNV-1a of a path, the same in the build and the worker: places a file in no pack in one of the other lists. */
function fnv(text: string, basis = 0x811c9dc5): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A work's files are in its folder ("<work>/…", "en/<work>/…"): the pack of that work in that language. */
export function folderPack(path: string): string | undefined {
  const parts = path.split('/');
  const [lang, slug, depth] = parts[0] === 'en' ? ['en', parts[1], 2] : ['id', parts[0], 1];
  return slug && parts.length > depth ? `${lang}/${slug}` : undefined;
}

/** The list a file outside the core is in: its work's pack, else one of `others` lists by its path. */
export function groupOf(path: string, packs: Record<string, unknown>, others: number): string {
  const pack = folderPack(path);
  return pack && Object.hasOwn(packs, pack) ? pack : `x/${fnv(path) % Math.max(1, others)}`;
}

/** Whether a group is one of the lists of files in no pack ("x/<n>"), not a work's pack. */
export const isOtherList = (group: string) => group.startsWith('x/');

/** The hash a group's list is published under: its pack's, or that of the other list it numbers. */
export function listHash(group: string, packs: Record<string, Pack>, others: string[]): string | undefined {
  return isOtherList(group) ? others[Number(group.slice(2))] : packs[group]?.hash;
}

/** The address of a group's list ("id/borotoding-2024" → /_offline/id.borotoding-2024.<hash>.json). */
export const listPath = (group: string, hash: string) => `${FILE_LISTS}/${group.replace('/', '.')}.${hash}.json`;

export const MARK = '\uE000';

/** "Base.BPsEXDhf.css" → "Base.\uE000.css"; undefined for a name without a content hash. */
export function logicalName(file: string): string | undefined {
  const m = /^(.+)\.[\w-]{8}\.(\w+)$/.exec(file);
  return m ? `${m[1]}.${MARK}.${m[2]}` : undefined;
}

/** Replaces this build's hashed code names in a page by their logical names (hashed → logical). */
export function normalizePage(html: string, logical: Record<string, string>): string {
  return html.replace(/\/_astro\/([\w.-]+)/g, (whole, name: string) => {
    const l = Object.hasOwn(logical, name) ? logical[name] : undefined;
    return l ? `/_astro/${l}` : whole;
  });
}

/** Puts this build's hashed names back into a stored page (logical → hashed). */
export function restorePage(html: string, assets: Record<string, string>): string {
  return html.replace(new RegExp(`/_astro/([\\w.-]*${MARK}[\\w.-]*)`, 'g'), (whole, name: string) => {
    const h = Object.hasOwn(assets, name) ? assets[name] : undefined;
    return h ? `/_astro/${h}` : whole;
  });
}

export const isPage = (path: string) => path.endsWith('.html');

export function invert(assets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(assets).map(([l, h]) => [h, l]));
}

/** Hex of SHA-256, 16 characters: enough to tell builds apart, short in the manifest. */
export function hex(digest: ArrayBuffer): string {
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
