// Numbered tables and figures of a chapter, as the work prints them: a caption paragraph that starts
// with its label ("Tabel 1.1 …", "Gambar 4.1 …", bold or not), and the element right after it.
//
// - The element after the caption (the table's scroll region) gets a readable id from the label
//   (tabel-1-1, gambar-4-1); a label printed twice in one chapter (000 prints "Gambar 4.1" three
//   times in BAB IV) gets -2, -3 in reading order, so every one has its own anchor. Without such
//   an element the caption paragraph itself is the target (its paragraph id).
// - The chapter's list (label, caption as printed, target id) goes to the page through the
//   frontmatter (`floats`), with its <Chart> figures (`charts`), for the per-work lists of tables,
//   figures and charts (src/pages/[work]/daftar-tabel-gambar.astro).
// - Where the running text names one of the chapter's tables or figures ("lihat Tabel 1.1"), the
//   name becomes a link to it, words unchanged, with the caption as its description (screen
//   readers) and as a preview on hover and focus (CSS, from data-preview). A label printed several
//   times links to the nearest one before the mention (else the first after it). Mentions of
//   another chapter's table are left as text (the chapters compile one by one).
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { textOf } from '../markdown/hast.ts';

export interface Float {
  /** "Tabel", "Gambar", … as printed. */
  kind: string;
  /** "Tabel 1.1" (without a trailing full stop). */
  label: string;
  /** The whole caption paragraph as printed, label included. */
  caption: string;
  /** The element a link goes to. */
  id: string;
}

export interface ChartRef {
  dataset: string;
  number: string;
}

const KINDS = 'Tabel|Gambar|Grafik|Bagan|Diagram|Skema|Table|Figure';
export const CAPTION = new RegExp(`^(${KINDS})\\s+(\\d+(?:\\.\\d+)*)\\.?(?=\\s|$)`);
const MENTION = new RegExp(`\\b(${KINDS})\\s+(\\d+(?:\\.\\d+)*)(?!\\.?\\d)`, 'g');

const isElement = (n: RootContent | ElementContent | undefined): n is Element => n?.type === 'element';
const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);
const normal = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
export const floatId = (kind: string, number: string) => `${kind.toLowerCase()}-${number.replace(/\./g, '-')}`;

/** The caption's label and kind if this paragraph is a caption. */
export function captionOf(p: Element): { kind: string; label: string; caption: string; number: string } | undefined {
  if (p.tagName !== 'p') return undefined;
  const caption = normal(textOf(p));
  const m = CAPTION.exec(caption);
  return m ? { kind: m[1]!, number: m[2]!, label: `${m[1]} ${m[2]}`, caption } : undefined;
}

function nextElement(children: RootContent[], i: number): Element | undefined {
  for (let j = i + 1; j < children.length; j++) {
    const c = children[j]!;
    if (c.type === 'text' && !c.value.trim()) continue;
    return isElement(c) ? c : undefined;
  }
  return undefined;
}

export function rehypeFloats() {
  return (tree: Root, file: { data: unknown }) => {
    const floats: (Float & { at: number; captionId?: string })[] = [];
    const charts: ChartRef[] = [];
    const used = new Map<string, number>();
    const captions = new Set<Element>();
    tree.children.forEach((node, i) => {
      const mdx = node as unknown as { type: string; name?: string; attributes?: { name?: string; value?: unknown }[] };
      if (mdx.type === 'mdxJsxFlowElement' && mdx.name === 'Chart') {
        const attr = (n: string) => mdx.attributes?.find((a) => a.name === n)?.value;
        if (typeof attr('dataset') === 'string')
          charts.push({ dataset: attr('dataset') as string, number: typeof attr('number') === 'string' ? (attr('number') as string) : '' });
        return;
      }
      if (!isElement(node)) return;
      const cap = captionOf(node);
      const next = nextElement(tree.children, i);
      // A caption stands right above what it names: a table (in its scroll region), a figure or an image.
      if (
        !cap ||
        !next ||
        !(
          next.tagName === 'table' ||
          next.tagName === 'figure' ||
          classes(next).includes('table-scroll') ||
          (next.tagName === 'p' && next.children.some((c) => isElement(c) && c.tagName === 'img'))
        )
      )
        return;
      captions.add(node);
      const base = floatId(cap.kind, cap.number);
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      let id: string;
      if (!next.properties.id && next.tagName !== 'p') {
        id = n > 1 ? `${base}-${n}` : base;
        next.properties.id = id;
        if (typeof node.properties.id === 'string') next.properties.ariaDescribedBy = [node.properties.id];
      } else if (typeof node.properties.id === 'string') id = node.properties.id;
      else {
        id = n > 1 ? `${base}-${n}` : base;
        node.properties.id = id;
      }
      floats.push({
        kind: cap.kind,
        label: cap.label,
        caption: cap.caption,
        id,
        at: i,
        ...(typeof node.properties.id === 'string' && { captionId: node.properties.id }),
      });
    });

    // Mentions in running text (paragraphs, list items, quotes; not captions, headings or links).
    if (floats.length) {
      tree.children.forEach((node, i) => {
        if (!isElement(node) || captions.has(node) || /^h\d$/.test(node.tagName) || node.tagName === 'section') return;
        const targetFor = (label: string) => {
          const same = floats.filter((f) => f.label === label);
          return same.filter((f) => f.at < i).at(-1) ?? same[0];
        };
        linkMentions(node, targetFor);
      });
    }

    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (frontmatter) {
      frontmatter.floats = floats.map(({ kind, label, caption, id }) => ({ kind, label, caption, id }));
      frontmatter.charts = charts;
    }
  };
}

function linkMentions(el: Element, targetFor: (label: string) => (Float & { captionId?: string }) | undefined): void {
  if (el.tagName === 'a' || classes(el).includes('footnotes') || 'dataFootnoteRef' in el.properties) return;
  const out: ElementContent[] = [];
  let changed = false;
  for (const child of el.children) {
    if (child.type !== 'text') {
      if (isElement(child)) linkMentions(child, targetFor);
      out.push(child);
      continue;
    }
    let last = 0;
    for (const m of child.value.matchAll(MENTION)) {
      const target = targetFor(`${m[1]} ${m[2]}`);
      if (!target) continue;
      changed = true;
      if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) } satisfies Text);
      out.push({
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['xref'],
          href: `#${target.id}`,
          dataPreview: target.caption,
          ...(target.captionId && { ariaDescribedBy: [target.captionId] }),
        },
        children: [{ type: 'text', value: m[0] }],
      });
      last = m.index + m[0].length;
    }
    if (last === 0) out.push(child);
    else if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
  }
  if (changed) el.children = out;
}
