// The words of a built page's paragraphs, by id: what `npm run publish-ids` keeps of each published
// paragraph (content/links/published-texts.json) and what `npm run correction-draft` reads of the
// stopped build's pages, so a correction's draft can show the words before and after. The words are
// those the id was made of (src/markdown/rehype-paragraph-anchors.ts: the paragraph without its
// link controls and footnote numbers), and a text is kept only when it hashes to its id again, so
// what is kept is exactly what was published.
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { findElements } from '../markdown/hast.ts';
import { paragraphId, paragraphText } from '../markdown/rehype-paragraph-anchors.ts';
import { hashOf } from './record.ts';

const PARAGRAPH = /^p-[0-9a-f]{8}(-\d+)?$/;
/** What the site adds inside a paragraph: its ¶ link, old ids' anchors, a correction's mark, sidenotes. */
const ADDED = ['self-link', 'moved-anchor', 'correction-mark', 'sidenote'];

const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);

function strip(el: Element): Element {
  return {
    ...el,
    children: el.children.filter((c) => !(c.type === 'element' && classes(c).some((k) => ADDED.includes(k)))).map((c) => (c.type === 'element' ? strip(c) : c)),
  };
}

/** Each body paragraph's words on a built page, by id (only those that hash to their id). */
export function paragraphTexts(html: string): Record<string, string> {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < 0) return {};
  const tree: Root = fromHtml(html.slice(start, end), { fragment: true });
  const out: Record<string, string> = {};
  for (const p of findElements(tree, (el) => el.tagName === 'p' && PARAGRAPH.test(String(el.properties.id ?? '')))) {
    const id = String(p.properties.id);
    const text = paragraphText(strip(p));
    if (paragraphId(text) === hashOf(id)) out[id] = text;
  }
  return out;
}
