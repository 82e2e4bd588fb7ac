// Citations as the author printed them. In the MDX a citation is a link whose text is the printed
// citation, character for character, and whose address is `@` and the entry's key, with the page
// it cites in pandoc's citation syntax where there is one:
//
//   ([Suwarno, Wiloso and Therik 2018, 114](<@suwarno2018ntt, 114>))   a page (locator)
//   ([Suwarno et al., 2018](@suwarno2018ntt))                           no page
//   [Arif (2016)](@arif2016) menjelaskan                               narrative
//   [^2]: [Ibid.](@ilo2007sekilas)                                      a footnote that cites
//
// The address is read with rehype-citation's own citation parser (the part between `<` and `>` is
// a pandoc citation, as `[@key, 114]` would be). This stage makes each such link point at the
// entry in the work's reference list, gives it a stable id (its key and the how-manieth citation of
// that key in the chapter it is: `sitasi-suwarno2018ntt-3`), ties it to the entry's full reference
// (aria-describedby, popover), and records the chapter's citations in its front matter
// (`citations`) for the back-links of the reference lists. The printed words are never touched:
// the formatted reference is one tap behind them.
//
// Bad input stops the build naming the file, the line and the key: an unknown key, an address that
// is no citation, a key that the work's printed list does not hold, and a citation still in the
// old generated form (`[@key]`), which would print a style engine's words instead of the author's.
import { relative } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { citationId, entryUrlFromChapter, previewId } from '../routes.ts';
import { BIBLIOGRAPHY_FILE } from '../paths.ts';
import { chapterError, loadLibrary, type Library } from './library.ts';
import { citationRE, parseCitation } from './rehype-citation.ts';
import { textOf } from '../markdown/hast.ts';
import { registerCache } from '../build/cache.ts';

/** What a page needs to know about one citation of a chapter. */
export interface RenderedCitation {
  /** The citation link's element id (stable: its key and its count in the chapter). */
  id: string;
  keys: string[];
  /** The citation as printed, e.g. "(Suwarno et al., 2018)"; in a footnote, the note's number. */
  text: string;
  /** The page or pages it cites, as the address gives them ("114", "145-147"). */
  locator?: string;
  /** The citation is (in) a footnote. */
  note?: boolean;
}

export interface CiteLinksOptions {
  /** The project root (content/). */
  root: string;
}

type Frontmatter = Record<string, unknown> & { work?: unknown; citations?: RenderedCitation[] };
type AnyParent = { type: string; tagName?: string; properties?: Element['properties']; children: (RootContent | ElementContent)[] };

/** The citation address of a link (`@key`, `@key, 114`), or undefined for any other link. */
export function citationAddress(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  let value = href;
  try {
    value = decodeURIComponent(href);
  } catch {
    // a malformed escape is reported below as an address that is no citation
  }
  return value.startsWith('@') ? value : undefined;
}

/** The key and locator of a citation address, read by rehype-citation's parser; undefined if it is none. */
export function parseAddress(address: string): { key: string; locator?: string } | undefined {
  const text = `[${address}]`;
  const m = new RegExp(`^${citationRE.source}$`, 'u').exec(text);
  if (!m) return undefined;
  const [items] = parseCitation(m);
  if (items.length !== 1 || !items[0]?.id) return undefined;
  const item = items[0];
  return { key: String(item.id), ...(item.locator ? { locator: String(item.locator) } : {}) };
}

/** A citation as an MDX text writes it, found without compiling the file. */
export interface MdxCitation {
  /** The link text: the citation as printed (Markdown and all). */
  printed: string;
  /** The key and page its address names; no key when the address is no citation. */
  key?: string;
  locator?: string;
  /** Where the link starts in the text. */
  index: number;
}

/**
 * The citation links of an MDX text in order, `[printed](@key)` or `[printed](<@key, page>)`: for
 * registering a work's references before its chapters are rendered, and for the content tests.
 */
export function citationsInMdx(text: string): MdxCitation[] {
  return [...text.matchAll(/\[((?:[^[\]]|\[[^\]]*\])*)\]\((<@[^>\n]+>|@[^)\s]+)\)/g)].map((m) => ({
    printed: m[1]!,
    ...parseAddress(m[2]!.replace(/^<|>$/g, '')),
    index: m.index,
  }));
}

/** The keys an MDX text cites, in order. */
export function keysInMdx(text: string): string[] {
  return citationsInMdx(text).flatMap((c) => (c.key ? [c.key] : []));
}

let listedWorks = new WeakMap<Library, Set<string>>();
registerCache(
  'src/bibliography/rehype-cite-links.ts: the works with a printed reference list, per library',
  'pages',
  'the library object (src/bibliography/library.ts)',
  () => (listedWorks = new WeakMap()),
);

/**
 * Whether the work has a printed reference list (some entry is listed in it): the works with one
 * are found once per library, not by scanning the library for every chapter.
 */
function hasPrintedList(library: Library, work: string): boolean {
  let works = listedWorks.get(library);
  if (!works) listedWorks.set(library, (works = new Set(library.references.flatMap((r) => r.listedIn))));
  return works.has(work);
}

export function rehypeCiteLinks({ root }: CiteLinksOptions) {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter;
    const work = typeof frontmatter?.work === 'string' ? frontmatter.work : undefined;
    if (!frontmatter || !work) return;
    const path = file.path ? relative(root, file.path) : '(markdown)';
    const library = loadLibrary(root);
    const listed = hasPrintedList(library, work);
    const counts = new Map<string, number>();
    const citations: RenderedCitation[] = [];
    const links: Element[] = [];

    const walk = (node: AnyParent, note: string | undefined) => {
      for (const child of node.children) {
        if (child.type === 'text') {
          // A citation left in pandoc's form would be printed by a style engine, not as the author printed it.
          const m = new RegExp(citationRE.source, 'u').exec(child.value);
          if (m && node.tagName !== 'code' && node.tagName !== 'pre') {
            const start = child.position?.start;
            throw chapterError(
              path,
              start?.line,
              start?.column,
              `citation ${m[0]} is not written as printed: write the author's own words as a link to the key, e.g. ([Suwarno et al., 2018](@suwarno2018ntt)) or ([Goma 2020, 40](<@goma2020manusia, 40>))`,
            );
          }
          continue;
        }
        if (child.type !== 'element') {
          if ('children' in child) walk(child, note);
          continue;
        }
        const el = child;
        const noteId = el.tagName === 'li' && typeof el.properties.id === 'string' && /fn-\d+$/.test(el.properties.id) ? el.properties.id : note;
        const address = el.tagName === 'a' ? citationAddress(el.properties.href) : undefined;
        if (address === undefined) {
          walk(el, noteId);
          continue;
        }
        const start = el.position?.start;
        const fail = (message: string) => chapterError(path, start?.line, start?.column, message);
        const printed = textOf(el);
        const parsed = parseAddress(address);
        if (!parsed)
          throw fail(
            `the link [${printed}](${address}) is no citation: its address must be @ and one key, with the page after a comma inside <…>, e.g. (<@goma2020manusia, 40>)`,
          );
        const { key, locator } = parsed;
        if (!library.byId.has(key))
          throw fail(
            `unknown citation key "${key}" in [${printed}](${address}) (no entry with that id in ${BIBLIOGRAPHY_FILE})\n    fix: add an entry with "id": "${key}" to ${BIBLIOGRAPHY_FILE}, or correct the key`,
          );
        if (!printed.trim()) throw fail(`the citation of "${key}" has no text: its link text is the citation as the work prints it`);
        if (listed && !library.byId.get(key)!.listedIn.includes(work)) {
          throw fail(
            `"${key}" is cited in ${work}, but the work's printed reference list does not hold it: add "${work}" to the entry's custom.listedIn (with custom.printed and custom.printedOrder) in ${BIBLIOGRAPHY_FILE}, or cite the entry the list does hold`,
          );
        }
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        const id = citationId(key, count);
        el.properties = {
          id,
          className: ['citation-link'],
          href: entryUrlFromChapter(key),
          dataCites: key,
          ...(locator && { dataLocator: locator }),
          ariaDescribedBy: [previewId(key)],
        };
        const n = noteId?.replace(/^.*fn-/, '');
        citations.push({ id, keys: [key], text: n ?? printed, ...(locator && { locator }), ...(n && { note: true }) });
        links.push(el);
      }
    };
    walk(tree, undefined);
    // A chapter that cites in its text has the citation popover, which brings the full references
    // (src/bibliography/previews.ts) on the reader's first sign of reaching a citation and only
    // then ties each citation to its entry's: until they are there, the id would point at nothing.
    if (citations.some((c) => !c.note)) for (const el of links) delete el.properties.ariaDescribedBy;
    frontmatter.citations = citations;
  };
}
