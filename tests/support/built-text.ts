// The text a reader sees in the main content of built pages (no header, footer or navigation chrome).
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { readBuilt } from './site.ts';

function findMain(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'main') return child;
    const found = findMain(child);
    if (found) return found;
  }
  return undefined;
}

/** Writes the numbers a browser draws for ordered lists into the text, as a reader sees them. */
function numberLists(node: Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'ol') {
      let n = Number(child.properties.start ?? 1);
      for (const li of child.children) {
        if (li.type === 'element' && li.tagName === 'li') li.children.unshift({ type: 'text', value: `${n++}. ` });
      }
    }
    numberLists(child);
  }
}

export function mainText(html: string): string {
  const tree = fromHtml(html);
  const main = findMain(tree);
  if (!main) throw new Error('page has no <main>');
  numberLists(main);
  return toText(main);
}

export function builtMainText(path: string): string {
  return mainText(readBuilt(path));
}

/** The text of the longest <p> inside <main> of a built page. */
export function longestParagraph(path: string): string {
  const main = findMain(fromHtml(readBuilt(path)));
  let best = '';
  (function walk(node: Element | undefined) {
    for (const child of node?.children ?? []) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'p') {
        const text = toText(child);
        if (text.length > best.length) best = text;
      } else walk(child);
    }
  })(main);
  return best;
}
