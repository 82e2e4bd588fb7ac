// Chapter HTML is rendered once, with Indonesian labels marked by the Markdown pipeline's plugins
// (an element with data-l10n="reading.key" [data-l10n-arg="…"] and its aria-label; an element with
// data-l10n-text="reading.key" and its leading text; an element with data-l10n-mark="reading.key" and its data-mark; the keys are the dictionaries' reading group). This puts those labels into a page's language and
// drops the markers, on the parsed tree (hast-util-from-html / -to-html, already the EPUB's), so it
// depends on neither attribute order nor quoting. The English interface labels its links in
// English while the works' text stays untouched. Its cost: `npm run bench` (scripts/bench/localize.ts).
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { findElements } from '../markdown/hast.ts';
import type { Dictionary } from './id.ts';

/** A key is a path into the dictionary's groups: "reading.linkToParagraph". */
function entry(t: Dictionary, key: string): unknown {
  let value: unknown = t;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || !(part in value)) {
      throw new Error(`localize-html: no dictionary key "${key}" for a marked label`);
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The text a key stands for; an argument "@key" is itself a dictionary string. */
function resolve(t: Dictionary, key: string, arg?: string): string {
  const value = entry(t, key);
  const a = arg?.startsWith('@') ? String(entry(t, arg.slice(1))) : arg;
  if (typeof value === 'function') return (value as (x: string) => string)(a ?? '');
  if (typeof value === 'string') return value;
  throw new Error(`localize-html: dictionary key "${key}" is not a label`);
}

const marked = (el: Element) => 'dataL10n' in el.properties || 'dataL10nText' in el.properties || 'dataL10nMark' in el.properties;

/** One marked element in the page's language, its markers dropped; `lang` follows the label it marks. */
function localize(el: Element, t: Dictionary, lang: string | undefined): void {
  const { dataL10n: key, dataL10nArg: arg, dataL10nText: textKey, dataL10nMark: markKey } = el.properties;
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(el.properties)) {
    if (name === 'dataL10n' || name === 'dataL10nArg' || name === 'dataL10nText' || name === 'dataL10nMark') continue;
    // A mark CSS draws from data-mark (a corrected paragraph's "dikoreksi", src/corrections/mark.ts).
    if (name === 'dataMark' && markKey !== undefined) properties.dataMark = resolve(t, String(markKey));
    if (name === 'ariaLabel' && key !== undefined) {
      properties.ariaLabel = resolve(t, String(key), arg === undefined ? undefined : String(arg));
      if (lang) properties.lang = lang;
    } else if (!(name === 'dataMark' && markKey !== undefined)) properties[name] = value;
  }
  if (textKey !== undefined) {
    const text = { type: 'text' as const, value: resolve(t, String(textKey)) };
    if (el.children[0]?.type === 'text') el.children[0] = text;
    else el.children.unshift(text);
    if (lang) properties.lang = lang;
  }
  el.properties = properties;
}

/**
 * `lang`: the interface language, given to each label that differs from the text around it (an
 * English "Footnotes" or "Link to paragraph 3" inside an Indonesian chapter), so a screen reader
 * speaks it as English.
 */
export function localizeHtml(html: string, t: Dictionary, lang?: string): string {
  if (!html.includes('data-l10n')) return html;
  const tree: Root = fromHtml(html, { fragment: true });
  for (const el of findElements(tree, marked)) localize(el, t, lang);
  return toHtml(tree, { characterReferences: { useNamedReferences: true } });
}
