// The words a correction changed, word by word: jsdiff's diffWords (the `diff` package, which Astro
// already brings), so a reader sees the one word that changed inside its paragraph rather than two
// whole paragraphs to compare. Deletions are <del>, insertions <ins>; screen readers do not announce
// either, so each also says what it is in words (visually hidden, in the interface language).
import { diffWords } from 'diff';

export interface DiffPart {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

/** The words of `before` and `after`, each part kept, deleted or inserted. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({ kind: c.removed ? 'del' : c.added ? 'ins' : 'same', text: c.value }));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The labels a change's start and end are read out with ("dihapus:", "akhir perubahan"). */
export interface DiffLabels {
  deleted: string;
  inserted: string;
  end: string;
}

/** The difference as HTML: <del>/<ins>, each with its label in words for assistive technology. */
export function diffHtml(parts: DiffPart[], labels: DiffLabels): string {
  return parts
    .map((p) => {
      if (p.kind === 'same') return escape(p.text);
      const tag = p.kind;
      const label = p.kind === 'del' ? labels.deleted : labels.inserted;
      return `<${tag}><span class="visually-hidden">[${escape(label)} </span>${escape(p.text)}<span class="visually-hidden"> ${escape(labels.end)}]</span></${tag}>`;
    })
    .join('');
}

/** The difference in plain text for the terminal: [-deleted-]{+inserted+}, as git's word diff writes it. */
export function diffText(parts: DiffPart[]): string {
  return parts.map((p) => (p.kind === 'del' ? `[-${p.text}-]` : p.kind === 'ins' ? `{+${p.text}+}` : p.text)).join('');
}
