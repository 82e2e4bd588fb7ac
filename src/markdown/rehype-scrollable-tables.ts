// Wraps each table in a focusable region that scrolls sideways on narrow screens,
// so a wide table never breaks the page layout and keyboard users can scroll it.
// Covers Markdown tables and the JSX <table> elements MDX chapters write for complex tables.
import type { Element, Root, RootContent } from 'hast';
import type { Parent } from './hast.ts';

const isTable = (node: RootContent): boolean =>
  (node.type === 'element' && node.tagName === 'table') ||
  ((node.type as string) === 'mdxJsxFlowElement' && (node as unknown as { name: string }).name === 'table');

function wrap(node: Parent): void {
  node.children.forEach((child, index) => {
    if (isTable(child)) {
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Tabel (dapat digulir)' },
        children: [child as Element],
      };
      node.children[index] = wrapper;
    } else if ('children' in child) {
      wrap(child as Parent);
    }
  });
}

export function rehypeScrollableTables() {
  return (tree: Root) => wrap(tree);
}
