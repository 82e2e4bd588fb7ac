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
