// Wraps each table in a focusable, labelled region that scrolls sideways on narrow screens, so a
// wide table never breaks the page layout and keyboard and screen-reader users can reach it.
// Covers Markdown tables and the JSX <table> elements MDX chapters write for complex tables.
import type { Element, Root, RootContent } from 'hast';
import { id as t } from '../i18n/id.ts';
import { textOf, type Parent } from './hast.ts';
import { labelled } from './self-link.ts';

type Named = { type: string; name?: string; tagName?: string; children?: RootContent[] };

const nameOf = (node: RootContent): string | undefined => {
  const n = node as Named;
  if (n.type === 'element') return n.tagName;
  if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') return n.name;
  return undefined;
};

const CAPTION_PARAGRAPH = /^\s*(Tabel|Table|Gambar)\b/;

/** The table's own caption, or a caption paragraph printed just above it (as the sources do). */
function captionOf(table: RootContent, siblings: RootContent[], index: number): string | undefined {
  const caption = (table as Named).children?.find((c) => nameOf(c) === 'caption');
  if (caption) return textOf(caption).trim();
  for (let i = index - 1; i >= 0; i--) {
    const prev = siblings[i]!;
    if (prev.type === 'text' && !prev.value.trim()) continue;
    const text = nameOf(prev) === 'p' ? textOf(prev).trim() : '';
    return CAPTION_PARAGRAPH.test(text) ? text : undefined;
  }
  return undefined;
}

export function rehypeScrollableTables() {
  return (tree: Root) => {
    const used = new Map<string, number>();
    const wrap = (node: Parent): void => {
      node.children.forEach((child, index) => {
        if (nameOf(child) === 'table') {
          // A caption is the work's own text; only the fallback label is interface text to translate.
          const caption = captionOf(child, node.children, index)?.slice(0, 120);
          const base = caption ?? t.reading.scrollableTable;
          const n = (used.get(base) ?? 0) + 1;
          used.set(base, n);
          const suffix = n > 1 ? ` (${n})` : '';
          const label = caption
            ? { ariaLabel: `${caption}${suffix}` }
            : labelled(`${base}${suffix}`, { key: 'reading.scrollableTable', ...(n > 1 && { arg: String(n) }) });
          const region: Element = {
            type: 'element',
            tagName: 'section',
            properties: { className: ['table-scroll'], tabIndex: 0, ...label },
            children: [child as Element],
          };
          node.children[index] = region;
        } else if ('children' in child) {
          wrap(child as Parent);
        }
      });
    };
    wrap(tree);
  };
}
