// Wraps each table in a focusable region that scrolls sideways on narrow screens,
// so a wide table never breaks the page layout and keyboard users can scroll it.
import type { Element, Root } from 'hast';
import { visitElements } from './hast.ts';

export function rehypeScrollableTables() {
  return (tree: Root) => {
    visitElements(tree, (el, parent, index) => {
      if (el.tagName !== 'table') return;
      if (parent.type === 'element' && (parent.properties.className as string[] | undefined)?.includes('table-scroll')) return;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Tabel (dapat digulir)' },
        children: [el],
      };
      parent.children[index] = wrapper;
    });
  };
}
