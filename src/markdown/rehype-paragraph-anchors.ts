// Gives every paragraph of body text a stable id and a "link to this paragraph" control (¶ 12).
//
// The id is a hash of the paragraph's own words ("p-3f9a0c12"), not its position: inserting,
// removing or correcting another paragraph leaves every other link as it was, and a link to a
// paragraph whose text was changed finds nothing (the page then says so) instead of silently
// pointing at a neighbour. The number shown in the margin (¶ 12) is the position in the chapter,
// for reading aloud and for citing; it is a label, never part of the address.
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { id as t } from '../i18n/id.ts';
import { textOf } from './hast.ts';
import { selfLink } from './self-link.ts';

/** The words that identify a paragraph: footnote numbers (which shift when notes are added) left out. */
export function paragraphText(p: Element): string {
  const visible = (node: ElementContent): string => {
    if (node.type === 'element' && node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && 'dataFootnoteRef' in c.properties)) return '';
    if (node.type === 'element') return node.children.map(visible).join('');
    return textOf(node);
  };
  return p.children.map(visible).join('').normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function paragraphId(text: string): string {
  return `p-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

/** Body-text paragraphs: those directly in the chapter and in its block quotes (not notes, lists or tables). */
function bodyParagraphs(tree: Root): Element[] {
  const out: Element[] = [];
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'p') out.push(node);
    else if (node.tagName === 'blockquote') {
      for (const c of node.children) if (c.type === 'element' && c.tagName === 'p') out.push(c);
    }
  }
  return out;
}

export function rehypeParagraphAnchors() {
  return (tree: Root) => {
    const seen = new Map<string, number>();
    let n = 0;
    for (const p of bodyParagraphs(tree)) {
      const text = paragraphText(p);
      if (!text) continue;
      n++;
      let id = paragraphId(text);
      // The same words twice in one chapter: the later copy gets a suffix, in reading order.
      const dup = seen.get(id) ?? 0;
      seen.set(id, dup + 1);
      if (dup > 0) id = `${id}-${dup + 1}`;
      const number = String(n);
      p.properties.id = id;
      p.properties.dataPara = number;
      p.children.unshift(selfLink(id, 'para-anchor', t.reading.linkToParagraph(number), { key: 'reading.linkToParagraph', arg: number }, `¶ ${number}`));
    }
  };
}
