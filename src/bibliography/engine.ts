// The citeproc engines behind every formatted reference (the record behind each printed entry, the
// popovers, the site-wide list), loaded once: each style and the Indonesian locale are registered
// once under fixed names in citation-js's registry (the one rehype-citation uses), the parsed
// entries are cached, and one engine per style is reset for each list. The works' citations are
// never formatted here: they are printed as the authors wrote them (src/bibliography/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTERS_DIR, CSL_DIR, workFile } from '../paths.ts';
import { withoutFrontMatter } from '../markdown/front-matter.ts';
import { loadLibrary, type Library, type Reference } from './library.ts';
import { Cite } from './rehype-citation.ts';
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


const citedCache = new Map<string, { stamp: string; keys: Set<string> }>();

/**
 * Every key the work's chapters cite, in reading order (the chapters' front-matter `order`), read
 * from the MDX files; unknown keys are left to the citation stage. The files are read again only
 * when one changed (as in `astro dev`): every chapter and list of the work asks for these.
 */
export function citedKeys(root: string, work: string): Set<string> {
  const dir = join(root, CHAPTERS_DIR, work);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => join(dir, f));
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

/**
 * Registers a style and the Indonesian locale (once) under fixed names; returns the style's name.
 * citation-js keeps one citeproc engine per name, so `variant` gives the same style a second engine:
 * the whole library's list is made on one of its own ("whole"), because an engine that held every
 * entry and then registers one work's few unregisters the rest one by one, which grows with the
 * library squared (minutes before the first chapter page at 1,000 works).
 */
export function templateFor(root: string, style: CitationStyle, variant = ''): string {
  const name = `ruangbaca-${style}${variant && `-${variant}`}`;
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
  return engine;
}

/** The keys a work's engine registers, in the order of its list (which numbers a numbered style). */
export function workKeys(root: string, work: string): string[] {
  return workReferences(root, work).map((r) => r.id);
}

const styles = new Map<string, CitationStyle>();

/** The `citationStyle` of content/works/<work>.yaml (the schema has checked its value). */
export function styleOfWork(root: string, work: string): CitationStyle {
  let style = styles.get(`${root}\0${work}`);
  if (!style) {
    const yaml = readFileSync(join(root, workFile(work)), 'utf8');
    const m = /^citationStyle:\s*["']?([\w-]+)/m.exec(yaml);
    if (!m || !(m[1]! in STYLE_FILES)) throw new Error(`content/works/${work}.yaml: citationStyle must be one of ${Object.keys(STYLE_FILES).join(', ')}`);
    style = m[1] as CitationStyle;
    styles.set(`${root}\0${work}`, style);
  }
  return style;
}
