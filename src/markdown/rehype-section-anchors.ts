// Gives every h2-h4 a stable id and a visible "link to this section" control.
// Ids set here are kept by Astro's own heading collector, so the table of contents uses them too.
import type { Root } from 'hast';
import { id as t } from '../i18n/id.ts';
import { textOf, visitElements } from './hast.ts';
import { selfLink } from './self-link.ts';
import { slugify } from './slug.ts';

const HEADING = /^h[2-4]$/;

export function rehypeSectionAnchors() {
  return (tree: Root) => {
    const seen = new Map<string, number>();
    visitElements(tree, (el) => {
      if (!HEADING.test(el.tagName)) return;
      const text = textOf(el).trim();
      let id = typeof el.properties.id === 'string' ? el.properties.id : slugify(text) || 'bagian';
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      if (n > 0) id = `${id}-${n + 1}`;
      el.properties.id = id;
      // A heading whose text is itself interface (the footnotes heading) names its key, not its text.
      const textKey = el.properties.dataL10nText;
      const arg = typeof textKey === 'string' ? `@${textKey}` : text;
      el.children.push(selfLink(id, 'heading-anchor', t.reading.linkToSection(text), { key: 'reading.linkToSection', arg }));
    });
  };
}
