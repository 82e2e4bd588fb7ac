// Footnotes for reading on any screen. GFM puts the notes at the end of the chapter (kept: they are
// what print, screen readers and narrow screens without script use). This plugin also places a copy
// of each note beside the paragraph that calls it, as a sidenote that CSS shows in the margin on wide
// screens; the copy is hidden from assistive technology, which reads the notes at the end. On narrow
// screens src/reading/browser/footnotes.ts opens the note in a popover instead.
// It also marks the interface strings GFM writes (heading, back links) for the English interface.
import type { Element, ElementContent, Root } from 'hast';
import { id as t } from '../i18n/id.ts';
import { visitElements } from './hast.ts';
import { labelled } from './self-link.ts';

const isRef = (el: Element) => el.tagName === 'a' && 'dataFootnoteRef' in el.properties;
const isBackref = (node: ElementContent) => node.type === 'element' && 'dataFootnoteBackref' in node.properties;

function clone<T extends ElementContent>(node: T): T {
  return structuredClone(node);
}

/** The note's content without ids or back links; links inside are taken out of the tab order. */
function sidenoteContent(li: Element): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of li.children) {
    // (A note's "as printed in the source" disclosure stays with the note at the end: a summary in
    // the aria-hidden copy would be focusable.)
    if (child.type !== 'element' || child.tagName === 'details') continue;
    const copy = clone(child);
    copy.children = copy.children.filter((c) => !isBackref(c));
    const last = copy.children.at(-1);
    if (last?.type === 'text') last.value = last.value.trimEnd();
    visitElements(copy, (el) => {
      delete el.properties.id;
      if (el.tagName === 'a') el.properties.tabIndex = -1;
    });
    delete copy.properties.id;
    out.push(copy);
  }
  return out;
}

export function rehypeFootnotes() {
  return (tree: Root) => {
    const section = tree.children.find((c): c is Element => c.type === 'element' && 'dataFootnotes' in c.properties);
    if (!section) return;
    const notes = new Map<string, Element>();
    visitElements(section, (el) => {
      if (el.tagName === 'li' && typeof el.properties.id === 'string') notes.set(el.properties.id, el);
      if (el.tagName === 'h2') el.properties.dataL10nText = 'reading.footnotesHeading';
      if ('dataFootnoteBackref' in el.properties) {
        const n = String(el.properties.href ?? '')
          .replace(/^#user-content-fnref-/, '')
          .replace(/-\d+$/, '');
        Object.assign(el.properties, labelled(t.reading.backToReference(n), { key: 'reading.backToReference', arg: n }));
      }
    });
    // Walk the chapter's top-level blocks from the end, so inserting asides keeps earlier indexes valid.
    for (let i = tree.children.length - 1; i >= 0; i--) {
      const block = tree.children[i];
      if (!block || block.type !== 'element' || block === section) continue;
      const refs: Element[] = [];
      if (isRef(block)) refs.push(block);
      visitElements(block, (el) => {
        if (isRef(el)) refs.push(el);
      });
      const asides = refs.flatMap((ref): Element[] => {
        const target = String(ref.properties.href ?? '').slice(1);
        const li = notes.get(target);
        if (!li) return [];
        const label = ref.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
        return [
          {
            type: 'element',
            tagName: 'div', // a visual copy of the note (aria-hidden), not a landmark
            properties: { className: ['sidenote'], ariaHidden: 'true', dataNote: target, dataPagefindIgnore: '' },
            children: [
              { type: 'element', tagName: 'span', properties: { className: ['sidenote-number'] }, children: [{ type: 'text', value: label }] },
              ...sidenoteContent(li),
            ],
          },
        ];
      });
      if (asides.length) tree.children.splice(i, 0, ...asides);
    }
  };
}
