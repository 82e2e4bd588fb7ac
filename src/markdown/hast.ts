// Minimal hast helpers shared by the rehype plugins (no extra dependency for a tree walk).
import type { Element, ElementContent, Root, RootContent } from 'hast';

export type Parent = Root | Element;

/** Calls `fn` for every element, depth first, with its parent and index. */
export function visitElements(
  node: Parent,
  fn: (el: Element, parent: Parent, index: number) => void,
): void {
  node.children.forEach((child: RootContent | ElementContent, index) => {
    if (child.type !== 'element') return;
    fn(child, node, index);
    visitElements(child, fn);
  });
}

/** The text content of a node, as a reader sees it. */
export function textOf(node: RootContent | ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as RootContent)).join('');
  return '';
}

/**
 * Every element under `node` that passes `test`, in document order. Unlike `visitElements` it
 * also looks inside MDX's JSX elements (e.g. a paragraph within <EditorNote>).
 */
export function findElements(node: { children: unknown[] }, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type === 'element' && test(child)) out.push(child);
    if ('children' in child) findElements(child as { children: unknown[] }, test, out);
  }
  return out;
}

export const hasClass = (el: Element, name: string): boolean =>
  Array.isArray(el.properties.className) && el.properties.className.includes(name);
