// The citeproc engines behind every rendered citation and reference list, loaded once.
//
// rehype-citation, left to itself, re-reads the bibliography, re-parses it and registers the CSL
// file under a new random name for every MDX file, so citeproc builds a new engine (parsing the
// style's XML again) each time. Here each work's style and the Indonesian locale are registered
// once under fixed names and the parsed entries are cached, so citation-js hands back the same
// engine per work, reset between files.
//
// Each engine starts every file with all of its work's references registered (the printed list
// and whatever the work cites), so a chapter disambiguates and numbers its citations exactly as
// the work's reference list does: "(ILO, 2024a)" in the text is "ILO. (2024a)" in the list, and a
// numbered work keeps its printed numbers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadLibrary, type Library, type Reference } from './library.ts';
import { Cite } from './rehype-citation.ts';
import { keysInMdx } from '../bibliography/rehype-cite-links.ts';

export type CitationStyle = 'apa' | 'chicago-author-date' | 'vancouver' | 'chicago-notes';

/** The CSL file of each style (src/citations/csl/, with its licence note). */
export const STYLE_FILES: Record<CitationStyle, string> = {
  apa: 'apa.csl',
  'chicago-author-date': 'chicago-author-date.csl',
  vancouver: 'nlm-citation-sequence.csl',
  'chicago-notes': 'chicago-notes-bibliography.csl',
};
export const LOCALE = 'id-ID';
const LOCALE_FILE = 'locales-id-ID.xml';
export const CSL_DIR = 'src/citations/csl';
/** The style of the site-wide bibliography, which lists the entries of all works together. */
export const SHARED_STYLE: CitationStyle = 'apa';

/** Numeric styles number the references by the work's printed list, not by first citation. */
export const isNumbered = (style: CitationStyle) => style === 'vancouver';
export const isNote = (style: CitationStyle) => style === 'chicago-notes';

/** The minimal surface of a citeproc-js engine that this site uses. */
export interface CiteprocEngine {
  opt: { xclass: 'note' | 'in-text' };
  registry: {
    registry: Record<string, { seq: number }>;
    citationreg: { citationById: Record<string, { sortedItems?: [unknown, { id: string }][] }> };
  };
  updateItems(ids: string[], nosort?: boolean): string[];
  restoreProcessorState(citations: unknown[]): void;
  processCitationCluster(citation: unknown, pre: unknown[], post: unknown[], flag?: number): [unknown, [number, string, string][]];
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
}

interface CslConfig {
  engine(data: unknown[], style: string, lang: string, format: string): CiteprocEngine;
  templates: { has(name: string): boolean; add(name: string, xml: string): void; data: Record<string, string> };
  locales: { has(name: string): boolean; add(name: string, xml: string): void; data: Record<string, string> };
}
type CiteLike = { (data: unknown, opts?: unknown): { data: unknown[] }; plugins: { config: { get(name: string): unknown } } };
const RealCite = Cite as unknown as CiteLike;
export const cslConfig = RealCite.plugins.config.get('@csl') as CslConfig;


/** citeproc's flag: every item is registered already (keeps the registry set up below). */
const ASSUME_ALL_ITEMS_REGISTERED = 2;

/** A work's chapter files in reading order (their front matter's `order`). */
const mdxFiles = (dir: string) => {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  } catch {
    return [];
  }
  const order = (file: string) => Number(/^order:\s*(\d+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? Infinity);
  return names.map((f) => join(dir, f)).map((f) => [f, order(f)] as const).sort((a, b) => a[1] - b[1]).map(([f]) => f);
};

const citedCache = new Map<string, { stamp: string; keys: Set<string> }>();

/** Every key the work's chapters cite, in reading order (read from the MDX files; unknown keys are left to the plugin). */
export function citedKeys(root: string, work: string): Set<string> {
  const files = mdxFiles(join(root, 'content', 'chapters', work));
  const stamp = files.map((f) => `${f}@${statSync(f).mtimeMs}`).join('|');
  const hit = citedCache.get(work);
  if (hit?.stamp === stamp) return hit.keys;
  const keys = new Set<string>();
  for (const file of files) {
    for (const key of keysInMdx(readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))) keys.add(key);
  }
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
const indexes = new WeakMap<Library, LibraryIndex>();

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

const registered = new Map<string, CitationStyle>();

/** Registers a style and the Indonesian locale (once) under fixed names; returns the style's name. */
export function templateFor(root: string, style: CitationStyle): string {
  const name = `ruangbaca-${style}`;
  if (!cslConfig.locales.has(LOCALE)) cslConfig.locales.add(LOCALE, readFileSync(join(root, CSL_DIR, LOCALE_FILE), 'utf8'));
  if (!registered.has(name)) {
    cslConfig.templates.add(name, readFileSync(join(root, CSL_DIR, STYLE_FILES[style]), 'utf8'));
    registered.set(name, style);
  }
  return name;
}

const parsed = new WeakMap<Library, unknown[]>();

/** The library's entries as citeproc items, parsed by citation-js once per library. */
export function citeprocItems(library: Library): unknown[] {
  let items = parsed.get(library);
  if (!items) {
    items = library.references.length ? RealCite(library.references.map((r) => r.csl), { generateGraph: false }).data : [];
    parsed.set(library, items);
  }
  return items;
}

// Building a citeproc engine for APA or Chicago takes one to three seconds, so each style's engine
// is built once per process and shared by every module instance that asks (the build loads this
// file once for the Markdown plugins and once more for the pages).
const byIdCache = new WeakMap<unknown[], Map<string, unknown>>();

/** The items by id, once per items array (not once per file: that grows with the library squared). */
function itemsById(items: unknown[]): Map<string, unknown> {
  let byId = byIdCache.get(items);
  if (!byId) byIdCache.set(items, (byId = new Map((items as { id: string }[]).map((item) => [item.id, item]))));
  return byId;
}

type EngineCache = Map<string, CiteprocEngine & { sys: { retrieveItem(id: string): unknown } }>;
const engines: EngineCache = ((globalThis as { [k: symbol]: EngineCache })[Symbol.for('ruangbaca.citeproc-engines')] ??= new Map());
const patched = new WeakSet<CiteprocEngine>();

/**
 * The engine of a registered style with no state left from an earlier use, and `keys` registered
 * in that order (the order numbers the entries of a numbered style).
 */
export function engineFor(template: string, items: unknown[], keys: string[]): CiteprocEngine {
  const style = registered.get(template);
  if (!style) throw new Error(`citation style ${template} was never registered`);
  let engine = engines.get(template);
  if (!engine) {
    engine = cslConfig.engine(items, template, LOCALE, 'html') as NonNullable<typeof engine>;
    engines.set(template, engine);
  } else {
    const byId = itemsById(items);
    engine.sys.retrieveItem = (id: string) => {
      const item = byId.get(id);
      if (!item) throw new Error(`Cannot find entry with id '${id}'`);
      return item;
    };
  }
  engine.restoreProcessorState([]);
  engine.updateItems(keys, isNumbered(style));
  if (!patched.has(engine)) {
    const process = engine.processCitationCluster;
    const note = engine.opt.xclass === 'note';
    engine.processCitationCluster = function (citation, pre, post) {
      // rehype-citation tells citeproc that earlier citations sat in note 0 (running text), so a
      // note style never sees a repeat and prints every note in full; give each its own note.
      const before = note ? (pre as [string, number][]).map(([id]) => [id, Number(id.split('-').pop())]) : pre;
      // Every key is registered already (above): citations keep the registry, and with it the
      // reference list's numbering and disambiguation ("2024a").
      return process.call(this, citation, before, post, ASSUME_ALL_ITEMS_REGISTERED);
    };
    patched.add(engine);
  }
  return engine;
}

/** The keys a work's engine registers: its references, then any other keys a file cites. */
export function workKeys(root: string, work: string, extra: string[] = []): string[] {
  const keys = workReferences(root, work).map((r) => r.id);
  return [...keys, ...extra.filter((k) => !keys.includes(k))];
}

/**
 * A stand-in for citation-js's Cite that rehype-citation accepts: it returns the cached entries
 * instead of parsing the file again, and hands out engines through `engineFor`, registering the
 * keys `keys()` gives (the current file's work). `onEngine` sees each engine as it is handed out.
 */
export function cachedCite(root: string, keys: () => string[], onEngine: (engine: CiteprocEngine) => void): CiteLike {
  const config = {
    templates: cslConfig.templates,
    locales: cslConfig.locales,
    engine(_data: unknown[], style: string) {
      const engine = engineFor(style, citeprocItems(loadLibrary(root)), keys());
      onEngine(engine);
      return engine;
    },
  };
  const LibraryCite = function () {
    return { data: citeprocItems(loadLibrary(root)) };
  } as unknown as CiteLike;
  LibraryCite.plugins = { config: { get: (name: string) => (name === '@csl' ? config : RealCite.plugins.config.get(name)) } };
  return LibraryCite;
}

const styles = new Map<string, CitationStyle>();

/** The `citationStyle` of content/works/<work>.yaml (the schema has checked its value). */
export function styleOfWork(root: string, work: string): CitationStyle {
  let style = styles.get(`${root}\0${work}`);
  if (!style) {
    const yaml = readFileSync(join(root, 'content', 'works', `${work}.yaml`), 'utf8');
    const m = /^citationStyle:\s*["']?([\w-]+)/m.exec(yaml);
    if (!m || !(m[1]! in STYLE_FILES)) throw new Error(`content/works/${work}.yaml: citationStyle must be one of ${Object.keys(STYLE_FILES).join(', ')}`);
    style = m[1] as CitationStyle;
    styles.set(`${root}\0${work}`, style);
  }
  return style;
}
