// Abbreviations (issue 13), a rehype stage after the others:
//
// - records where this chapter spells an abbreviation out (src/abbreviations/find.ts), with the id
//   of the paragraph that does (frontmatter `abbreviations`), for the Daftar Singkatan pages;
// - marks the first occurrence of each of its work's abbreviations in this chapter's running text
//   as <abbr title="…" tabindex="0">: the words stay as printed, hover and keyboard focus (and a tap,
//   which focuses it) show the expansion (CSS, from the title), screen readers read the title.
//   Only the first per chapter: a chapter names NTT or ILO dozens of times, and marking each would
//   make every one a tab stop and a repeated announcement; the Daftar Singkatan has them all.
//   The expansion is the work's own (the one it prints most often), never another work's.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Element, ElementContent, Root, Text } from 'hast';
import { textOf } from '../markdown/hast.ts';
import { expansionKey, findDefinitions } from './find.ts';
import { registerCache } from '../build/cache.ts';

export interface ChapterAbbreviation {
  abbr: string;
  expansion: string;
  /** The paragraph that gives it, when that block has an id. */
  para?: string;
  /** The words as printed ("Long Form (ABBR)"), for a text-fragment link where there is no id. */
  quote: string;
}

const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'figcaption']);
const SKIP = new Set(['a', 'abbr', 'code', 'pre', 'sup', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);
const normal = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const isElement = (n: unknown): n is Element => (n as Element)?.type === 'element';
const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);

/** Innermost text blocks in reading order (a list item's paragraph, not the list item twice). */
function blocks(node: Root | Element, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (!isElement(c)) continue;
    if (BLOCKS.has(c.tagName) && !c.children.some((k) => isElement(k) && BLOCKS.has(k.tagName))) out.push(c);
    else blocks(c, out);
  }
  return out;
}

/** A chapter MDX file as plain running text, paragraph by paragraph (for the work-wide list). */
function mdxParagraphs(source: string): string[] {
  return source
    .replace(/^---[\s\S]*?---/, '')
    .replace(/\[@[^\]]*\]/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_]/g, '')
    .split(/\n\s*\n|\n(?=\s*[-|#]|\s*\d+\.)/)
    .map(normal);
}

const cache = new Map<string, { stamp: string; map: Map<string, string> }>();
registerCache(
  "src/abbreviations/rehype-abbreviations.ts: each work's abbreviations",
  'pages',
  "the work's chapter files (read again when one's modification time changed)",
  () => cache.clear(),
);

/** abbreviation → the expansion its work prints most often (the first of those on a tie). */
export function workAbbreviations(dir: string): Map<string, string> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const stamp = files.map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`).join('|');
  const hit = cache.get(dir);
  if (hit?.stamp === stamp) return hit.map;
  const counts = new Map<string, Map<string, { text: string; n: number }>>();
  for (const f of files) {
    for (const para of mdxParagraphs(readFileSync(join(dir, f), 'utf8'))) {
      for (const d of findDefinitions(para)) {
        const forms = counts.get(d.abbr) ?? new Map<string, { text: string; n: number }>();
        counts.set(d.abbr, forms);
        const key = expansionKey(d.expansion);
        const form = forms.get(key) ?? { text: d.expansion, n: 0 };
        form.n++;
        forms.set(key, form);
      }
    }
  }
  const map = new Map<string, string>();
  for (const [abbr, forms] of counts) map.set(abbr, [...forms.values()].reduce((a, b) => (b.n > a.n ? b : a)).text);
  cache.set(dir, { stamp, map });
  return map;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function rehypeAbbreviations() {
  return (tree: Root, file: { path?: string; data: unknown }) => {
    const own: ChapterAbbreviation[] = [];
    for (const b of blocks(tree)) {
      const text = normal(textOf(b));
      for (const d of findDefinitions(text)) {
        own.push({
          abbr: d.abbr,
          expansion: d.expansion,
          quote: text.slice(d.start, d.end),
          ...(typeof b.properties.id === 'string' && { para: b.properties.id }),
        });
      }
    }
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (frontmatter) frontmatter.abbreviations = own;

    const known = file.path && /\/content\/chapters\/[^/]+\/[^/]+\.mdx$/.test(file.path) ? workAbbreviations(dirname(file.path)) : new Map<string, string>();
    for (const d of own) if (!known.has(d.abbr)) known.set(d.abbr, d.expansion);
    if (!known.size) return;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(${[...known.keys()]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    const marked = new Set<string>();
    const mark = (el: Element): void => {
      // Not in links, headings or code; not in the visual copies of notes (aria-hidden: a focusable
      // mark there would be hidden from screen readers yet reachable), nor in rendered citations.
      if (
        SKIP.has(el.tagName) ||
        el.properties.ariaHidden === 'true' ||
        classes(el).some((c) => c === 'footnotes' || c === 'self-link' || c === 'sidenote' || /^(csl-|citation)/.test(c))
      )
        return;
      const out: ElementContent[] = [];
      let changed = false;
      for (const child of el.children) {
        if (child.type !== 'text') {
          if (isElement(child)) mark(child);
          out.push(child);
          continue;
        }
        let last = 0;
        for (const m of child.value.matchAll(pattern)) {
          const abbr = m[1]!;
          if (marked.has(abbr)) continue;
          marked.add(abbr);
          changed = true;
          if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) } satisfies Text);
          out.push({
            type: 'element',
            tagName: 'abbr',
            properties: { className: ['abbr'], title: known.get(abbr)!, tabIndex: 0 },
            children: [{ type: 'text', value: abbr }],
          });
          last = m.index + abbr.length;
        }
        if (last === 0) out.push(child);
        else if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
      }
      if (changed) el.children = out;
    };
    for (const b of blocks(tree)) mark(b);
  };
}
