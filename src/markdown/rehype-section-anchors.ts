// Gives every h2-h4 a stable id and a visible "link to this section" control.
// Ids set here are kept by Astro's own heading collector, so the table of contents uses them too.
import type { Element, Root } from 'hast';
import { textOf, visitElements } from './hast.ts';
import { slugify } from './slug.ts';

const HEADING = /^h[2-4]$/;

export function rehypeSectionAnchors() {
  return (tree: Root) => {
    const seen = new Map<string, number>();
    visitElements(tree, (el) => {
      if (!HEADING.test(el.tagName)) return;
      const text = textOf(el).trim();
      let id = typeof el.properties.id === 'string' ? el.properties.id : slugify(text) || 'bagian';
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      if (n > 0) id = `${id}-${n + 1}`;
      el.properties.id = id;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Tautan ke bagian ini: ${text}` },
        // No text child: the "#" is drawn by CSS, so heading text (and the table of contents) stays clean.
        children: [],
      };
      el.children.push(anchor);
    });
  };
}
