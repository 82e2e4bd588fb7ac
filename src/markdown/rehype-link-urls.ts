// Makes the URLs and DOIs that citeproc prints as plain text in formatted references into links
// (rehype-citation leaves them as text). Used on reference lists, popover previews and the notes
// of a note-style work; text already inside a link is left alone.
import type { Element, ElementContent, Root } from 'hast';

// A URL ends before white space or markup, and not on the punctuation that closes a sentence.
const URL_OR_DOI = /\bhttps?:\/\/[^\s<>"]*[^\s<>".,;:'"’”)\]]|\bdoi:\s?10\.\d{4,}\/[^\s<>"]*[^\s<>".,;:'"’”)\]]/gi;

function hrefOf(match: string): string {
  return /^doi:/i.test(match) ? `https://doi.org/${match.replace(/^doi:\s?/i, '')}` : match;
}

function linkText(value: string): ElementContent[] | undefined {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of value.matchAll(URL_OR_DOI)) {
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    out.push({ type: 'element', tagName: 'a', properties: { href: hrefOf(m[0]) }, children: [{ type: 'text', value: m[0] }] });
    last = m.index + m[0].length;
  }
  if (!out.length) return undefined;
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/** Links every URL and DOI in the text under `node` (in place). */
export function linkUrls(node: Root | Element): void {
  const children: (typeof node.children)[number][] = [];
  for (const child of node.children) {
    if (child.type === 'text') children.push(...(linkText(child.value) ?? [child]));
    else {
      if (child.type === 'element' && child.tagName !== 'a') linkUrls(child);
      children.push(child);
    }
  }
  node.children = children;
}
