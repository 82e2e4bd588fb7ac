// The citeproc engines behind every formatted reference (the record behind each printed entry, the
// popovers, the site-wide list, the cite panel's formatted references), loaded once: each style
// and locale is registered once under a fixed name, the parsed entries are cached, and one
// citeproc engine per style and language is reset for each list. The works' citations are
// never formatted here: they are printed as the authors wrote them (src/bibliography/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTERS_DIR, CSL_DIR, workFile } from '../paths.ts';
import { withoutFrontMatter } from '../markdown/front-matter.ts';
import { loadLibrary, type Library, type Reference } from './library.ts';
import { Cite } from './rehype-citation.ts';
import CSL from 'citeproc';
import { registerCache } from '../build/cache.ts';
import { keysInMdx } from './rehype-cite-links.ts';

export type CitationStyle = 'apa' | 'chicago-author-date' | 'vancouver' | 'chicago-notes';

/** The CSL file of each style (src/bibliography/csl/, with its licence note). */
export const STYLE_FILES: Record<CitationStyle, string> = {
  apa: 'apa.csl',
  'chicago-author-date': 'chicago-author-date.csl',
  vancouver: 'nlm-citation-sequence.csl',
  'chicago-notes': 'chicago-notes-bibliography.csl',
};
export const LOCALE = 'id-ID';
const LOCALE_FILE = 'locales-id-ID.xml';
/** The style of the site-wide bibliography, which lists the entries of all works together. */
export const SHARED_STYLE: CitationStyle = 'apa';

/** Numeric styles number the references by the work's printed list, not by first citation. */
export const isNumbered = (style: CitationStyle) => style === 'vancouver';

/** The minimal surface of a citeproc-js engine that this site uses (to format reference lists). */
export interface CiteprocEngine {
  updateItems(ids: string[], nosort?: boolean): string[];
  restoreProcessorState(citations: unknown[]): void;
  makeBibliography(): [{ entry_ids: string[][]; bibstart: string; bibend: string }, string[]] | false;
  setOutputFormat(format: 'html' | 'text'): void;
}
type Engine = CiteprocEngine & { sys: { retrieveItem(id: string): unknown }; opt: { development_extensions: { wrap_url_and_doi: boolean } } };

type CiteLike = { (data: unknown, opts?: unknown): { data: unknown[] } };
const RealCite = Cite as unknown as CiteLike;

/**
 * The styles, locales and engines, one set per process (the build loads this file once for the
 * Markdown plugins and once more for the pages, and both share them). The engines are citeproc's
 * own, not citation-js's: citation-js keeps every engine it makes for the life of the process, and
 * each holds 70,000 to 200,000 compiled tokens of its style (about 100 MB), so its cache cannot be
 * emptied once the pages are written (releaseEngines) and the steps after them need that memory.
 */
interface Registry {
  styles: Map<string, { style: CitationStyle; xml: string }>;
  locales: Map<string, string>;
  engines: Map<string, Engine>;
}
const registry: Registry = ((globalThis as { [k: symbol]: Registry })[Symbol.for('ruangbaca.citeproc')] ??= {
  styles: new Map(),
  locales: new Map(),
  engines: new Map(),
});

registerCache(
  'src/bibliography/engine.ts: citeproc engines',
  'pages',
  'the registered styles and locales; an engine is given the items of the library it formats',
  () => releaseEngines(),
);
// The styles' and locales' CSL text: read from src/bibliography/csl/ (code, not content) and small.
registerCache('src/bibliography/engine.ts: CSL styles and locales', 'build', "src/bibliography/csl/ and the cite panel's style files", () => {
  registry.styles.clear();
  registry.locales.clear();
});

/** The locales the engines are made in (the site's two interface languages; en-US is also every style's fallback). */
export const LOCALE_FILES: Record<string, string> = { [LOCALE]: LOCALE_FILE, 'en-US': 'locales-en-US.xml' };

/** The name a style is registered under (`variant`: see templateFor). */
const templateName = (style: CitationStyle, variant = '') => `ruangbaca-${style}${variant && `-${variant}`}`;

/** Registers a style's CSL text under its name and returns the name (first registration wins: the same file). */
export function registerStyle(style: CitationStyle, xml: string, variant = ''): string {
  const name = templateName(style, variant);
  if (!registry.styles.has(name)) registry.styles.set(name, { style, xml });
  return name;
}

/** Registers a locale's CSL text (first registration wins). */
export function registerLocale(lang: string, xml: string): void {
  if (!registry.locales.has(lang)) registry.locales.set(lang, xml);
}

/**
 * Registers a style and the locales (once) from src/bibliography/csl/; returns the style's name.
 * `variant` gives the same style an engine of its own: the whole library's list is made on one of
 * its own ("whole"), because an engine that held every entry and then registers one work's few
 * unregisters the rest one by one, which grows with the library squared (minutes before the first
 * chapter page at 1,000 works).
 */
export function templateFor(root: string, style: CitationStyle, variant = ''): string {
  for (const [lang, file] of Object.entries(LOCALE_FILES))
    if (!registry.locales.has(lang)) registerLocale(lang, readFileSync(join(root, CSL_DIR, file), 'utf8'));
  const name = templateName(style, variant);
  return registry.styles.has(name) ? name : registerStyle(style, readFileSync(join(root, CSL_DIR, STYLE_FILES[style]), 'utf8'), variant);
}

// Caches of what is made from one library object: they go with it (WeakMaps) when the library is
// read again (a changed content/bibliography.json) and are emptied with it after the pages.
let parsed = new WeakMap<Library, unknown[]>();
let byIdCache = new WeakMap<unknown[], Map<string, unknown>>();
let indexes = new WeakMap<Library, LibraryIndex>();
registerCache(
  'src/bibliography/engine.ts: citeproc items, by id and indexed by work, per library',
  'pages',
  'the library object (src/bibliography/library.ts)',
  () => {
    parsed = new WeakMap();
    byIdCache = new WeakMap();
    indexes = new WeakMap();
  },
);

/** The library's entries as citeproc items, parsed by citation-js once per library. */
export function citeprocItems(library: Library): unknown[] {
  let items = parsed.get(library);
  if (!items) {
    items = library.references.length
      ? RealCite(
          library.references.map((r) => r.csl),
          { generateGraph: false },
        ).data
      : [];
    parsed.set(library, items);
  }
  return items;
}

/** The items by id, once per items array (not once per file: that grows with the library squared). */
function itemsById(items: unknown[]): Map<string, unknown> {
  let byId = byIdCache.get(items);
  if (!byId) byIdCache.set(items, (byId = new Map((items as { id: string }[]).map((item) => [item.id, item]))));
  return byId;
}

/**
 * The engine of a registered style in `lang` with no state left from an earlier use, and `keys`
 * registered in that order (the order numbers the entries of a numbered style). Building an engine
 * for APA or Chicago takes one to three seconds, so each is built once per process and reused.
 */
export function engineFor(
  template: string,
  items: unknown[],
  keys: string[],
  { lang = LOCALE, format = 'html' }: { lang?: string; format?: 'html' | 'text' } = {},
): CiteprocEngine {
  const registered = registry.styles.get(template);
  if (!registered) throw new Error(`citation style ${template} was never registered`);
  if (!registry.locales.has(lang)) throw new Error(`citation locale ${lang} was never registered (one of ${[...registry.locales.keys()].join(', ')})`);
  const byId = itemsById(items);
  const retrieveItem = (id: string) => {
    const item = byId.get(id);
    if (!item) throw new Error(`Cannot find entry with id '${id}'`);
    return item;
  };
  const key = `${template}|${lang}`;
  let engine = registry.engines.get(key);
  if (!engine) {
    const retrieveLocale = (l: string) => registry.locales.get(l) ?? registry.locales.get(l.replace('_', '-')) ?? {};
    engine = new CSL.Engine({ retrieveItem, retrieveLocale }, registered.xml, lang, true) as Engine;
    engine.opt.development_extensions.wrap_url_and_doi = false;
    registry.engines.set(key, engine);
  } else engine.sys.retrieveItem = retrieveItem;
  engine.setOutputFormat(format);
  engine.restoreProcessorState([]);
  engine.updateItems(keys, isNumbered(registered.style));
  return engine;
}

/** Lets go of one engine (the whole library's, once its list is made) or all of them (once the pages are written). */
export function releaseEngines(template?: string): void {
  for (const key of [...registry.engines.keys()]) if (!template || key.startsWith(`${template}|`)) registry.engines.delete(key);
}

const citedCache = new Map<string, { stamp: string; keys: Set<string> }>();
registerCache(
  "src/bibliography/engine.ts: the keys each work's chapters cite",
  'pages',
  "the work's chapter files (read again when one's modification time changed)",
  () => citedCache.clear(),
);

/**
 * Every key the work's chapters cite, in reading order (the chapters' front-matter `order`), read
 * from the MDX files; unknown keys are left to the citation stage. The files are read again only
 * when one changed (as in `astro dev`): every chapter and list of the work asks for these.
 */
export function citedKeys(root: string, work: string): Set<string> {
  const dir = join(root, CHAPTERS_DIR, work);
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => join(dir, f));
  } catch {
    files = [];
  }
  const stamp = files.map((f) => `${f}@${statSync(f).mtimeMs}`).join('|');
  const hit = citedCache.get(work);
  if (hit?.stamp === stamp) return hit.keys;
  const chapters = files
    .map((f) => readFileSync(f, 'utf8'))
    .map((text) => ({ order: Number(/^order:\s*(\d+)/m.exec(text)?.[1] ?? Infinity), body: withoutFrontMatter(text) }))
    .sort((a, b) => a.order - b.order);
  const keys = new Set(chapters.flatMap((c) => keysInMdx(c.body)));
  citedCache.set(work, { stamp, keys });
  return keys;
}

/**
 * A work's references in the order of its list: its printed list in printed order (or, where the
 * list is compiled from its notes, in the order of the notes), then the entries it cites without
 * listing them, in the order of their first citation.
 */
export function workReferences(root: string, work: string): Reference[] {
  const library = loadLibrary(root);
  const cited = citedKeys(root, work);
  const { listed: byWork } = indexed(library);
  const place = (r: Reference) => r.printedOrder[work] ?? r.number[work] ?? Number.MAX_SAFE_INTEGER;
  const listed = [...(byWork.get(work) ?? [])].sort((a, b) => place(a) - place(b));
  const inList = new Set(listed.map((r) => r.id));
  // Cited without being listed, in the order of first citation: looked up by key, not by scanning the library.
  const rest = [...cited].filter((k) => !inList.has(k)).flatMap((k) => library.byId.get(k) ?? []);
  return [...listed, ...rest];
}

interface LibraryIndex {
  listed: Map<string, Reference[]>;
  position: Map<Reference, number>;
}

/**
 * Each work's listed entries (in the file's order) and each entry's place in the file, indexed once
 * per library: every chapter asks for its work's references, and scanning the whole library for
 * each chapter grows with the library squared.
 */
function indexed(library: Library): LibraryIndex {
  let index = indexes.get(library);
  if (!index) {
    index = { listed: new Map(), position: new Map() };
    library.references.forEach((r, i) => {
      index!.position.set(r, i);
      for (const w of r.listedIn) {
        const list = index!.listed.get(w);
        if (list) list.push(r);
        else index!.listed.set(w, [r]);
      }
    });
    indexes.set(library, index);
  }
  return index;
}

/** The keys a work's engine registers, in the order of its list (which numbers a numbered style). */
export function workKeys(root: string, work: string): string[] {
  return workReferences(root, work).map((r) => r.id);
}

const styles = new Map<string, { mtime: number; style: CitationStyle }>();
registerCache("src/bibliography/engine.ts: each work's citation style", 'pages', "the work's YAML file (read again when its modification time changed)", () =>
  styles.clear(),
);

/** The `citationStyle` of content/works/<work>.yaml (the schema has checked its value); read again when the file changed. */
export function styleOfWork(root: string, work: string): CitationStyle {
  const file = join(root, workFile(work));
  const mtime = statSync(file).mtimeMs;
  const hit = styles.get(`${root}\0${work}`);
  if (hit?.mtime === mtime) return hit.style;
  const m = /^citationStyle:\s*["']?([\w-]+)/m.exec(readFileSync(file, 'utf8'));
  if (!m || !(m[1]! in STYLE_FILES)) throw new Error(`${workFile(work)}: citationStyle must be one of ${Object.keys(STYLE_FILES).join(', ')}`);
  const style = m[1] as CitationStyle;
  styles.set(`${root}\0${work}`, { mtime, style });
  return style;
}
