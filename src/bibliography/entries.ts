// Formatted reference entries for the pages (reference lists, citation previews), from the same
// engines and registrations as the citations in the text, with URLs and DOIs made into links.
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { findElements, hasClass } from '../markdown/hast.ts';
import { linkUrls } from '../markdown/rehype-link-urls.ts';
import {
  citedKeys,
  citeprocItems,
  engineFor,
  isNumbered,
  releaseEngines,
  SHARED_STYLE,
  templateFor,
  workKeys,
  workReferences,
  type CitationStyle,
} from './engine.ts';
import { registerCache } from '../build/cache.ts';
import { loadLibrary, type Library, type Reference } from './library.ts';

export interface FormattedEntry {
  ref: Reference;
  /** The entry as the style formats it (HTML, without a numbered style's number). */
  html: string;
  /** The entry's number in a numbered list (the printed one where the file gives it). */
  number?: number;
}

function format(library: Library, template: string, keys: string[], style: CitationStyle, work?: string): FormattedEntry[] {
  const engine = engineFor(template, citeprocItems(library), keys);
  const bibliography = engine.makeBibliography();
  if (!bibliography) return [];
  const [params, entries] = bibliography;
  return entries.map((html, i) => {
    const id = params.entry_ids[i]![0]!;
    const ref = library.byId.get(id)!;
    const tree = fromHtml(html, { fragment: true });
    const entry = findElements(tree, (el) => hasClass(el, 'csl-right-inline'))[0] ?? findElements(tree, (el) => hasClass(el, 'csl-entry'))[0] ?? tree;
    linkUrls(entry);
    const number = isNumbered(style) ? (work && ref.number[work]) || i + 1 : undefined;
    return { ref, html: toHtml(entry.children).trim(), number };
  });
}

// Per library object (a changed bibliography is a new one), then per list: a work's list is also
// made from the keys its chapters cite (citedKeys gives the same set until a chapter changed) and
// its style, so an edit of either in `npm run dev` makes it again.
let cache = new WeakMap<Library, Map<string, { inputs: unknown[]; entries: FormattedEntry[] }>>();
registerCache(
  'src/bibliography/entries.ts: formatted reference lists',
  'pages',
  "the library object, the keys the work's chapters cite and the work's style (src/bibliography/engine.ts)",
  () => (cache = new WeakMap()),
);

function cached(library: Library, key: string, inputs: unknown[], make: () => FormattedEntry[]): FormattedEntry[] {
  let perLibrary = cache.get(library);
  if (!perLibrary) cache.set(library, (perLibrary = new Map<string, { inputs: unknown[]; entries: FormattedEntry[] }>()));
  const hit = perLibrary.get(key);
  if (hit && hit.inputs.length === inputs.length && hit.inputs.every((x, i) => x === inputs[i])) return hit.entries;
  const entries = make();
  perLibrary.set(key, { inputs, entries });
  return entries;
}

/** A work's references (its printed list and whatever it cites), in its own style and order. */
export function formatWork(root: string, work: string, style: CitationStyle): FormattedEntry[] {
  const library = loadLibrary(root);
  return cached(library, work, [citedKeys(root, work), style], () => {
    // citeproc sorts the list by its style (APA alphabetically); the work's list keeps its own order.
    const formatted = new Map(format(library, templateFor(root, style), workKeys(root, work), style, work).map((e) => [e.ref.id, e]));
    return workReferences(root, work).flatMap((r) => formatted.get(r.id) ?? []);
  });
}

/** Every entry of the library once, in the shared style (the site-wide bibliography). */
export function formatAll(root: string): FormattedEntry[] {
  const library = loadLibrary(root);
  return cached(library, '*', [], () => {
    const template = templateFor(root, SHARED_STYLE, 'whole');
    const all = format(
      library,
      template,
      library.references.map((r) => r.id),
      SHARED_STYLE,
    );
    // Made once a build: its engine, holding every entry, is not kept for the rest of the pages.
    releaseEngines(template);
    return all;
  });
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Markdown link the PDF extraction left in a printed entry: `[printed text](https://…)`. */
const MARKDOWN_LINK = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;

/**
 * An entry as a work prints it (`custom.printed`): its *emphasis* and its URLs as links. A Markdown
 * link shows its printed text (003 prints "Http://Digilib…/BAB II.Pdf", with a space) and goes to
 * its target.
 */
export function printedHtml(markdown: string): string {
  const inline = (text: string) => escape(text.replace(/<(https?:\/\/[^>\s]+)>/g, '$1')).replace(/\*([^*]+)\*/g, '<i>$1</i>');
  let html = '';
  let last = 0;
  for (const m of markdown.matchAll(MARKDOWN_LINK)) {
    html += `${inline(markdown.slice(last, m.index))}<a href="${escape(m[2]!)}">${escape(m[1]!)}</a>`;
    last = m.index + m[0].length;
  }
  html += inline(markdown.slice(last));
  const tree = fromHtml(html, { fragment: true });
  linkUrls(tree);
  return toHtml(tree);
}

/** Whether the printed wording says something the formatted entry does not (case, markup, punctuation aside). */
export function printedDiffers(printed: string, html: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .toLowerCase();
  return norm(printed.replace(/\*/g, '')) !== norm(html);
}
