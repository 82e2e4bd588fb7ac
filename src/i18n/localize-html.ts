// Chapter HTML is rendered once, with Indonesian labels marked by the rehype plugins
// (data-l10n="key" [data-l10n-arg="…"] aria-label="…", and data-l10n-text="key">text).
// This rewrites those labels from a page's dictionary and drops the markers, so the English
// interface labels its links in English while the works' text stays untouched.
import type { Dictionary } from './id';

const LABEL = / data-l10n="(\w+)"(?: data-l10n-arg="([^"]*)")? aria-label="[^"]*"/g;
const TEXT = / data-l10n-text="(\w+)">([^<]*)/g;

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (whole, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : (NAMED[e.toLowerCase()] ?? whole),
  );
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function entry(t: Dictionary, key: string): unknown {
  if (!(key in t)) throw new Error(`localize-html: no dictionary key "${key}" for a marked label`);
  return t[key as keyof Dictionary];
}

/** The text a key stands for; an argument "@key" is itself a dictionary string. */
function resolve(t: Dictionary, key: string, arg?: string): string {
  const value = entry(t, key);
  const a = arg?.startsWith('@') ? String(entry(t, arg.slice(1))) : arg;
  if (typeof value === 'function') return (value as (x: string) => string)(a ?? '');
  if (typeof value === 'string') return value;
  throw new Error(`localize-html: dictionary key "${key}" is not a label`);
}

/**
 * `lang`: the interface language, given to each label that differs from the text around it (an
 * English "Footnotes" or "Link to paragraph 3" inside an Indonesian chapter), so a screen reader
 * speaks it as English.
 */
export function localizeHtml(html: string, t: Dictionary, lang?: string): string {
  const attr = lang ? ` lang="${lang}"` : '';
  return html
    .replace(LABEL, (_, key: string, arg?: string) => ` aria-label="${encode(resolve(t, key, arg === undefined ? undefined : decode(arg)))}"${attr}`)
    .replace(TEXT, (_, key: string) => `${attr}>${encode(resolve(t, key))}`);
}
