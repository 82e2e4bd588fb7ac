// The reader's previous-studies table as kept on this device (localStorage): which works are rows
// and in what order, the order of the quotes in each row, the reader's own words ("Persamaan dan
// perbedaan"), the works the reader took out, and the citation style. The quotes themselves are the
// tagged highlights (src/annotations/), so the table is never a second copy of them. Everything read
// back (from storage or from an imported file) is checked field by field; what does not read is dropped.
import { STYLE_KEYS_BROWSER, type StyleKeyBrowser } from './styles.ts';

export interface TableRowState {
  work: string;
  /** The reader's own words for this work. */
  words: string;
  /** Note ids in the reader's order (a quote not listed follows, in reading order). */
  quotes: string[];
}

export interface TableState {
  rows: TableRowState[];
  /** Works the reader took out of the table: not brought back by their tagged highlights. */
  removed: string[];
  style: StyleKeyBrowser;
}

export const STATE_KEY = 'rb-tabel-penelitian';
const SLUG = /^[a-z0-9-]+$/;
const str = (v: unknown): v is string => typeof v === 'string';

export const emptyState = (): TableState => ({ rows: [], removed: [], style: 'apa' });

/** A stored or imported table, checked: never throws, keeps what reads. */
export function checkState(v: unknown): TableState {
  const out = emptyState();
  if (!v || typeof v !== 'object') return out;
  const r = v as Record<string, unknown>;
  const seen = new Set<string>();
  for (const row of Array.isArray(r.rows) ? r.rows : []) {
    if (!row || typeof row !== 'object') continue;
    const w = row as Record<string, unknown>;
    if (!str(w.work) || !SLUG.test(w.work) || seen.has(w.work)) continue;
    seen.add(w.work);
    out.rows.push({
      work: w.work,
      words: str(w.words) ? w.words.slice(0, 20_000) : '',
      quotes: Array.isArray(w.quotes) ? [...new Set(w.quotes.filter(str))] : [],
    });
  }
  out.removed = Array.isArray(r.removed) ? [...new Set(r.removed.filter((x): x is string => str(x) && SLUG.test(x) && !seen.has(x)))] : [];
  if (STYLE_KEYS_BROWSER.includes(r.style as StyleKeyBrowser)) out.style = r.style as StyleKeyBrowser;
  return out;
}

/** The stored table, and whether what was stored could not be read. */
export function loadState(): { state: TableState; bad: boolean } {
  try {
    const raw = localStorage.getItem(STATE_KEY);
    if (raw === null) return { state: emptyState(), bad: false };
    try {
      return { state: checkState(JSON.parse(raw)), bad: false };
    } catch {
      return { state: emptyState(), bad: true };
    }
  } catch {
    return { state: emptyState(), bad: false };
  }
}

/** Stores the table; false when the browser keeps nothing (private mode, full). */
export function saveState(state: TableState): boolean {
  try {
    localStorage.setItem(STATE_KEY, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}

/**
 * An imported table merged into this device's: its rows this table lacks are added after the ones
 * here, in its order; an own-words cell empty here takes the imported words; the imported quote
 * order is kept for rows this device has none for. Nothing here is lost.
 */
export function mergeState(local: TableState, incoming: TableState): TableState {
  if (!local.rows.length && !local.removed.length) return incoming;
  const rows = local.rows.map((r) => {
    const other = incoming.rows.find((o) => o.work === r.work);
    return other ? { ...r, words: r.words.trim() ? r.words : other.words, quotes: r.quotes.length ? r.quotes : other.quotes } : r;
  });
  for (const o of incoming.rows) if (!rows.some((r) => r.work === o.work) && !local.removed.includes(o.work)) rows.push(o);
  return { ...local, rows };
}
