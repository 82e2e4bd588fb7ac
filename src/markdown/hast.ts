// Minimal hast helpers shared by the rehype plugins, the EPUB and the tests. Every tree walk goes
// through unist-util-visit (the walker remark and rehype themselves use), here or in remark-charts.ts.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { fromHtml } from 'hast-util-from-html';

export type Parent = Root | Element;

/**
 * Calls `fn` for every element under `node`, depth first, with its parent and index; it goes down
 * through elements only (not into MDX's JSX elements: see findElements).
 */
export function visitElements(node: Parent, fn: (el: Element, parent: Parent, index: number) => void): void {
  visit(node as Root, (child, index, parent) => {
    if (child === node) return;
    if (child.type !== 'element') return SKIP;
    fn(child, parent as Parent, index!);
  });
}

/** The text content of a node, as a reader sees it. */
export function textOf(node: RootContent | ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c)).join('');
  return '';
}

/** The text of an HTML fragment as a reader sees it, every character reference decoded (citeproc writes "&" as "&#x26;"). */
export const htmlText = (html: string): string => textOf(fromHtml(html, { fragment: true }));

/**
 * Every element under `node` that passes `test`, in document order. Unlike `visitElements` it
 * also looks inside MDX's JSX elements (e.g. a paragraph within <EditorNote>).
 */
export function findElements(node: { children: unknown[] }, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  visit(node as Root, 'element', (el: Element) => {
    if (el !== (node as unknown) && test(el)) out.push(el);
  });
  return out;
}

export const hasClass = (el: Element, name: string): boolean => Array.isArray(el.properties.className) && el.properties.className.includes(name);
