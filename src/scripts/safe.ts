// The one place where the browser scripts check what they read from outside their own code:
// localStorage (settings, reading positions), the URL (hash, query) and the network (search results).
// Each guard returns a valid value or nothing, never throws: a damaged value is dropped on its own,
// and nothing that leads off this site ever becomes a link. No DOM access at import time, so the
// build (src/security/inline-scripts.ts) shares the constants below with the inline theme script.

/** Text sizes the reader can choose (0 is the default; theme.css styles each other one). */
export const FONT_SIZES = [-2, -1, 0, 1, 2, 3] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A stored text size, or 0 (the default) for anything else: " 1", "1.0", "9", "" or null. */
export function fontSize(raw: string | null | undefined): number {
  const n = raw != null && /^-?\d$/.test(raw) ? Number(raw) : 0;
  return (FONT_SIZES as readonly number[]).includes(n) ? n : 0;
}

export function theme(raw: string | null | undefined): Theme | undefined {
  return (THEMES as readonly string[]).includes(raw ?? '') ? (raw as Theme) : undefined;
}

/** A URL fragment as text: `#%`, `#%zz` or a cut UTF-8 sequence (`#%E0%A4%A`) give "" instead of throwing. */
export function fragment(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

/** The element a fragment names, or null (also for a malformed one). */
export function fragmentTarget(hash: string): HTMLElement | null {
  const id = fragment(hash);
  return id ? document.getElementById(id) : null;
}

/**
 * A path on this site ("/x/y/", with query or fragment), or undefined for anything else: another
 * origin (`https://…`, `//evil.example/`), a backslash (`/\evil.example/`, which browsers read as
 * `//`), a scheme (`javascript:`), control characters or white space. Only such paths become links.
 */
export function sitePath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!/^\/(?![/\\])/.test(value) || /[\\\s\u0000-\u001f\u007f]/.test(value)) return undefined;
  try {
    const url = new URL(value, location.origin);
    return url.origin === location.origin ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The path part of an address on this site (absolute or relative to it), or undefined. */
export function localPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value, location.origin);
    return url.origin === location.origin ? sitePath(`${url.pathname}${url.search}${url.hash}`) : undefined;
  } catch {
    return undefined;
  }
}

/** A paragraph id as the build makes them (`p-3f9a0c12`, `p-3f9a0c12-2` for a repeated text). */
export const PARAGRAPH_ID = /^p-[0-9a-f]{8}(-\d+)?$/;

/** Where a reader stopped in a work (written by progress.ts, read by resume.ts). */
export interface ReadingPosition {
  /** The chapter's path without the interface-language prefix. */
  path: string;
  label: string;
  /** Id and number of the first paragraph in view, if any. */
  para?: string;
  n?: string;
  at: number;
}

const shortText = (v: unknown, max = 300): v is string => typeof v === 'string' && v.length <= max;

/** A stored reading position, or undefined when the entry is not JSON or any field is wrong. */
export function readingPosition(raw: string | null): ReadingPosition | undefined {
  if (!raw) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const path = sitePath(o.path);
  if (!path || !/^\/[^?#]*\/$/.test(path) || !shortText(o.label) || !o.label.trim()) return undefined;
  const pos: ReadingPosition = { path, label: o.label, at: typeof o.at === 'number' && Number.isFinite(o.at) ? o.at : 0 };
  // A damaged paragraph mark only loses the paragraph: the chapter link stays.
  if (typeof o.para === 'string' && PARAGRAPH_ID.test(o.para) && typeof o.n === 'string' && /^\d{1,5}$/.test(o.n)) {
    pos.para = o.para;
    pos.n = o.n;
  }
  return pos;
}

/** A search query from the URL, as the search box takes it (trimmed to a sane length). */
export function searchQuery(raw: string | null): string {
  return (raw ?? '').slice(0, 200);
}
