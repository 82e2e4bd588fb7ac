// Wraps each table in a focusable region that scrolls sideways on narrow screens,
// so a wide table never breaks the page layout and keyboard users can scroll it.
import type { Element, Root } from 'hast';
import { id as t } from '../i18n/id.ts';
import { visitElements } from './hast.ts';
import { labelled } from './self-link.ts';

export function rehypeScrollableTables() {
  return (tree: Root) => {
    visitElements(tree, (el, parent, index) => {
      if (el.tagName !== 'table') return;
      if (parent.type === 'element' && (parent.properties.className as string[] | undefined)?.includes('table-scroll')) return;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ...labelled(t.scrollableTable, { key: 'scrollableTable' }) },
        children: [el],
      };
      parent.children[index] = wrapper;
    });
  };
}
