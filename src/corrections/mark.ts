// The small link a corrected paragraph carries to its entry in the work's record: an empty link
// whose word ("dikoreksi", "corrected") is drawn by CSS from data-mark, like the ¶ marks
// (src/markdown/self-link.ts), so the text a reader copies, a search indexes and the fidelity test
// reads stays the author's. Its labels are Indonesian here and marked for src/i18n/localize-html.ts.
import type { Element } from 'hast';
import { id as t } from '../i18n/id.ts';
import { labelled } from '../markdown/self-link.ts';

export function correctionMark(date: string, href: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: ['correction-mark'],
      href,
      dataMark: t.reading.correctedMark,
      dataL10nMark: 'reading.correctedMark',
      ...labelled(t.reading.correctedLabel(date), { key: 'reading.correctedLabel', arg: date }),
    },
    children: [],
  };
}
