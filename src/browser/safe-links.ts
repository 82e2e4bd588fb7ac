// The guards for addresses and stored reading positions (see ./safe.ts, the other half of the one
// place where browser scripts check what they read): only same-origin paths ever become links.
import { PARAGRAPH_ID } from './safe.ts';

/**
 * A path on this site ("/x/y/", with query or fragment), or undefined for anything else: another
 * origin (`https://…`, `//evil.example/`), a backslash (`/\evil.example/`, which browsers read as
 * `//`), a scheme (`javascript:`), control characters or white space. Only such paths become links.
 */
export function sitePath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
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
