// "Salin kutipan" and "Bagikan" on the selection toolbar (src/annotations/ChapterNotes.astro): the
// selected words in quotation marks, the citation exactly as this page's cite panel formats it (its
// copy button's text, src/cite/CitePanel.astro: one formatting, at build time) and a link to the
// paragraph with the words as a text fragment (../text-fragment.ts). Loaded by the annotator when the
// toolbar first opens; nothing here needs the network.
import { announce, copyText } from '../../browser/announce.ts';
import { directiveFor, fragmentFor, normalise } from '../text-fragment.ts';

// The base path (src/base-path.ts's withBase, written out: browser code reads Vite's string).
const BASE = import.meta.env.BASE_URL;

export interface Passage {
  /** The selected words as printed, whitespace normalised. */
  exact: string;
  /** The passage (paragraph, list item, footnote) they start in, if any. */
  id: string | undefined;
  /** The passage's permanent address: the chapter's, under the base and the interface, with #id. */
  address: string;
  /** The same with the words as a text fragment. */
  link: string;
}

/** A range's text from `node`'s start to the range's start, or from its end to `node`'s end. */
function around(node: Node, range: Range, side: 'before' | 'after'): string {
  const r = document.createRange();
  r.selectNodeContents(node);
  if (side === 'before') r.setEnd(range.startContainer, range.startOffset);
  else r.setStart(range.endContainer, range.endOffset);
  return r.toString();
}

const occurrences = (hay: string, needle: string) => {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0 && n < 2; i = hay.indexOf(needle, i + 1)) n++;
  return n;
};

export function describe(range: Range, id: string | undefined, chapterPath: string): Passage {
  const exact = normalise(range.toString());
  const english = location.pathname.startsWith(`${BASE}en/`);
  const page = `${location.origin}${BASE}${english ? 'en/' : ''}${chapterPath.slice(1)}`;
  const passage = id ? document.getElementById(id) : null;
  let directive = directiveFor(exact);
  // The same words elsewhere on the page: the words around them tell the browser which.
  if (passage && occurrences(normalise(document.body.textContent ?? '').toLowerCase(), directive.start.toLowerCase()) > 1) {
    directive = directiveFor(exact, { before: around(passage, range, 'before'), after: around(passage, range, 'after') });
  }
  return {
    exact,
    id,
    address: id ? `${page}#${id}` : page,
    link: id ? `${page}#${fragmentFor(id, directive)}` : page,
  };
}

/**
 * The citation as this page's cite panel gives it to copy, in the style the toolbar's button names
 * (the work's own), else the panel's first; with the work's version when the page carries one
 * (data-work-version on <html>, written where a work has corrections) and the citation does not
 * already name it.
 */
export function citation(style: string, versionLabel: string): string {
  const text = (s: string) => document.querySelector(`.cite-panel .citation-text[data-style="${CSS.escape(s)}"]`)?.textContent;
  const first = document.querySelector('.cite-panel .citation-text')?.textContent;
  const cited = (text(style) ?? first ?? '').trim();
  const version = document.documentElement.dataset.workVersion ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version) || cited.includes(version)) return cited;
  return `${cited} (${versionLabel.replace('%s', version)})`;
}

/** The text "Salin kutipan" copies and "Bagikan" shares. */
export function quotation(passage: Passage, button: HTMLElement): string {
  const cited = citation(button.dataset.quote ?? '', button.dataset.version ?? '%s');
  return [`“${passage.exact}”`, cited, passage.link].filter(Boolean).join('\n');
}

export async function copyQuote(passage: Passage, button: HTMLElement): Promise<void> {
  if (!(await copyText(quotation(passage, button), button.dataset.copied ?? ''))) announce(button.dataset.failed ?? '');
}

export async function shareQuote(passage: Passage, button: HTMLElement): Promise<void> {
  try {
    await navigator.share({ text: quotation(passage, button) });
  } catch {
    // The reader closed the share sheet, or the browser refused: nothing to undo.
  }
}
