// The one "link to this place" control shared by headings and paragraphs: an empty link whose mark
// (#, ¶ 12) is drawn by CSS, so the text a reader copies or a search indexes stays the author's.
// Its label is Indonesian here and carries a marker (data-l10n) that src/i18n/localize-html.ts
// rewrites for the English interface.
import type { Element } from 'hast';

export interface L10n {
  /** A key of the dictionary whose value (string or function of `arg`) is the label. */
  key: string;
  arg?: string;
}

/** Properties that label an element in Indonesian and mark the label for translation. */
export function labelled(label: string, l10n: L10n): Element['properties'] {
  return { dataL10n: l10n.key, ...(l10n.arg !== undefined && { dataL10nArg: l10n.arg }), ariaLabel: label };
}

export function selfLink(id: string, className: string, label: string, l10n: L10n, mark?: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    // Not a Tab stop each (dozens would stand between the top of a chapter and its text): with script,
    // one of them is, and the arrow keys move between them (src/reading/browser/self-links.ts).
    properties: { className: ['self-link', className], href: `#${id}`, tabIndex: -1, ...(mark && { dataMark: mark }), ...labelled(label, l10n) },
    children: [],
  };
}
