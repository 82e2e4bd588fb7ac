// Every passage linkable (issue 13): the list items of body text and the footnotes get a stable id
// and a "link to this place" control, as paragraphs do (src/markdown/rehype-paragraph-anchors.ts;
// table captions are paragraphs and already have theirs).
//
// - A list item: `<li id="li-3f9a0c12" data-item="4">`, the id a hash of the item's own words (its
//   nested lists, which get ids of their own, and footnote numbers left out), the number its place
//   among the chapter's list items (a label, never part of the address). Body text only: lists in
//   the chapter and in its block quotes, not the notes, the margin copies of notes, tables or the
//   MDX components (editorial notes, reference lists).
// - A footnote keeps GFM's `user-content-fn-<n>` on its <li> (the note references, the margin copies
//   and the popover use it, and it is published); its first paragraph gets `id="fn-3f9a0c12"
//   data-fn="<n>"`, the hash of the whole note's words, so a link to the note survives notes being
//   added or renumbered.
//
// The same rules as paragraphs: the same words twice in one chapter get -2, -3 in reading order; an
// id that changes because its words changed is mapped in content/links/moved-ids.yaml (the id ledger
// holds every id a page ever published, src/links/).
import type { Element, ElementContent, Root } from 'hast';
import { id as t } from '../i18n/id.ts';
import { paragraphId, paragraphText } from '../markdown/rehype-paragraph-anchors.ts';
import { selfLink } from '../markdown/self-link.ts';

const isElement = (n: ElementContent | Root['children'][number]): n is Element => n.type === 'element';
const isList = (el: Element) => el.tagName === 'ul' || el.tagName === 'ol';

/** An item's own words: without its nested lists (they are passages of their own). */
export function listItemText(li: Element): string {
  return paragraphText({ ...li, children: li.children.filter((c) => !(isElement(c) && isList(c))) });
}

/** The list items of body text, in reading order, nested ones after their parent. */
function bodyListItems(tree: Root): Element[] {
  const out: Element[] = [];
  const fromList = (list: Element) => {
    for (const li of list.children) {
      if (!isElement(li) || li.tagName !== 'li') continue;
      out.push(li);
      fromBlocks(li.children);
    }
  };
  const fromBlocks = (nodes: (ElementContent | Root['children'][number])[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (isList(node)) fromList(node);
      else if (node.tagName === 'blockquote') fromBlocks(node.children);
    }
  };
  fromBlocks(tree.children);
  return out;
}

function withSuffix(seen: Map<string, number>, id: string): string {
  const dup = seen.get(id) ?? 0;
  seen.set(id, dup + 1);
  return dup > 0 ? `${id}-${dup + 1}` : id;
}

export function rehypePassageAnchors() {
  return (tree: Root) => {
    const seen = new Map<string, number>();
    let n = 0;
    for (const li of bodyListItems(tree)) {
      if (typeof li.properties.id === 'string') continue;
      const text = listItemText(li);
      if (!text) continue;
      n++;
      const id = withSuffix(seen, paragraphId(text).replace(/^p-/, 'li-'));
      const number = String(n);
      li.properties.id = id;
      li.properties.dataItem = number;
      li.children.unshift(selfLink(id, 'para-anchor', t.reading.linkToListItem(number), { key: 'reading.linkToListItem', arg: number }, `• ${number}`));
    }

    const section = tree.children.find((c): c is Element => isElement(c) && 'dataFootnotes' in c.properties);
    const notes = section?.children.find((c): c is Element => isElement(c) && c.tagName === 'ol');
    let k = 0;
    for (const li of notes?.children ?? []) {
      if (!isElement(li) || li.tagName !== 'li') continue;
      k++;
      const first = li.children.find((c): c is Element => isElement(c) && c.tagName === 'p');
      // The note's words: its paragraphs without the back link (↩), which is interface, nor the
      // "as printed" disclosure (the site's, src/bibliography/).
      const paragraphs = li.children.filter((c): c is Element => isElement(c) && c.tagName === 'p');
      const words = paragraphText({
        ...li,
        children: paragraphs.map((p) => ({ ...p, children: p.children.filter((x) => !(isElement(x) && 'dataFootnoteBackref' in x.properties)) })),
      });
      if (!first || !words || typeof first.properties.id === 'string') continue;
      const number = String(k);
      const id = withSuffix(seen, paragraphId(words).replace(/^p-/, 'fn-'));
      first.properties.id = id;
      first.properties.dataFn = number;
      first.children.unshift(selfLink(id, 'para-anchor', t.reading.linkToFootnote(number), { key: 'reading.linkToFootnote', arg: number }, `[${number}]`));
    }
  };
}
