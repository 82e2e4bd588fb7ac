// The one place where the browser scripts check what they read from outside their own code:
// localStorage (settings, reading positions), the URL (hash, query) and the network (search results).
// Each guard returns a valid value or nothing, never throws: a damaged value is dropped on its own,
// and nothing that leads off this site ever becomes a link. No DOM access at import time, so the
// build (src/security/inline-scripts.ts) shares the constants below with the inline theme script.
// The guards for addresses and stored reading positions are beside it in ./safe-links.ts (a module of
// its own only so that pages which never show a stored link do not load it).

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
 * A passage id as the build makes them: a paragraph's (`p-3f9a0c12`, `p-3f9a0c12-2` for a repeated
 * text), a list item's (`li-…`) or a footnote's (`fn-…`, src/passages/).
 */
export { PASSAGE_ID as PARAGRAPH_ID } from '../passages/ids.ts';
