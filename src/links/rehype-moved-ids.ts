// Keeps a chapter's retired ids (content/links/moved-ids.yaml) as anchors: an empty element with the
// old id at the start of its successor, so the browser scrolls an old link to the right paragraph
// by itself; `data-moved-to` lets the page say that the link is old (src/reading/browser/self-links.ts).
// A successor on another page gets its anchor at the start of the chapter, and the script follows it.
// A corrected paragraph (content/corrections/, src/corrections/) also carries a small link to its
// entry in the work's record, and its old ids' anchors the date, so an old link can say when.
import { relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { findElements } from '../markdown/hast.ts';
import { CHAPTERS_DIR, MOVED_FILE } from '../paths.ts';
import { loadMovedIds } from './moved-ids.ts';
import { loadCorrections, successors } from '../corrections/record.ts';
import { correctionMark } from '../corrections/mark.ts';
import { correctionUrlFromChapter } from '../routes.ts';

/** The page address of a chapter file: content/chapters/<work>/<chapter>.mdx → /<work>/<chapter>/. */
export function chapterAddress(root: string, path: string): string | undefined {
  const rel = relative(root, path).split(sep);
  if (rel.length !== 4 || rel.slice(0, 2).join('/') !== CHAPTERS_DIR) return undefined;
  return `/${rel[2]}/${rel[3]!.replace(/\.mdx?$/, '')}/`;
}

const anchor = (id: string, to: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { id, className: ['moved-anchor'], dataMovedTo: to },
  children: [],
});

export function rehypeMovedIds({ root }: { root: string }) {
  return (tree: Root, file: VFile) => {
    const address = file.path ? chapterAddress(root, file.path) : undefined;
    const moved = address ? loadMovedIds(root)[address] : undefined;
    if (!moved) return;
    const byId = new Map(findElements(tree, (el) => typeof el.properties.id === 'string').map((el) => [String(el.properties.id), el]));
    const work = address!.split('/')[1]!;
    const corrected = [...successors(loadCorrections(root).get(work) ?? []).values()].filter((c) => c.page === address);
    for (const [from, to] of Object.entries(moved)) {
      if (byId.has(from)) throw new Error(`${MOVED_FILE}: ${address} still has #${from}: remove "${from}: ${to}" (an id that exists has not moved)`);
      if (to.includes('#')) {
        tree.children.unshift(anchor(from, to));
        continue;
      }
      const target = byId.get(to);
      if (!target)
        throw new Error(
          `${MOVED_FILE}: ${address}: the successor #${to} of #${from} is not on the page: give the id that replaced it (the build's message lists the page's new ids)`,
        );
      const a = anchor(from, to);
      const c = corrected.find((x) => x.from === from);
      if (c) Object.assign(a.properties, { dataCorrected: c.date, dataRecord: correctionUrlFromChapter(c.from) });
      target.children.unshift(a);
    }
    // One mark per corrected paragraph, for its latest correction (the record is newest first).
    const marked = new Set<string>();
    for (const c of corrected) {
      const target = byId.get(c.now);
      if (!target || marked.has(c.now)) continue;
      marked.add(c.now);
      target.children.push(correctionMark(c.date, correctionUrlFromChapter(c.from)));
    }
  };
}
