// Text fragments (https://wicg.github.io/scroll-to-text-fragment/): the link "Salin kutipan" copies
// names the paragraph and its words, `#p-3f9a0c12:~:text=start,end`. A browser that knows them
// (every major one since October 2024) scrolls to the words and marks them, and hides the directive
// from the page (location.hash is then "#p-3f9a0c12"); one that does not leaves it in location.hash,
// where ./browser/mark.ts finds it and marks the words itself. Plain functions, no DOM: the browser
// code and the unit tests share them.
import { TEXT_DIRECTIVE } from '../routes.ts';

export interface TextDirective {
  prefix?: string;
  start: string;
  end?: string;
  suffix?: string;
}

/** Whitespace as a reader sees it: runs of spaces, tabs and line breaks as one space, none at the ends. */
export const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A term of the directive: percent-encoded, with the directive's own separators (- , &) encoded too. */
const encode = (term: string) => encodeURIComponent(term).replace(/-/g, '%2D');

/** Quotes longer than this are linked by their first and last words (start,end): a link stays short. */
export const LONG_QUOTE = 80;
const EDGE_WORDS = 4;

/**
 * The directive for the exact words, with the words around them (prefix, suffix; a few words each)
 * when the same words occur elsewhere on the page and need telling apart.
 */
export function directiveFor(exact: string, context?: { before: string; after: string }): TextDirective {
  const text = normalise(exact);
  const words = text.split(' ');
  const d: TextDirective =
    text.length > LONG_QUOTE && words.length > 2 * EDGE_WORDS
      ? { start: words.slice(0, EDGE_WORDS).join(' '), end: words.slice(-EDGE_WORDS).join(' ') }
      : { start: text };
  if (context) {
    const before = normalise(context.before).split(' ').filter(Boolean).slice(-3).join(' ');
    const after = normalise(context.after).split(' ').filter(Boolean).slice(0, 3).join(' ');
    if (before) d.prefix = before;
    if (after) d.suffix = after;
  }
  return d;
}

/** "p-3f9a0c12:~:text=…": the fragment (without "#") for a passage id and a directive. */
export function fragmentFor(id: string, d: TextDirective): string {
  const terms = [
    d.prefix !== undefined ? `${encode(d.prefix)}-` : '',
    encode(d.start),
    d.end !== undefined ? encode(d.end) : '',
    d.suffix !== undefined ? `-${encode(d.suffix)}` : '',
  ];
  return `${id}${TEXT_DIRECTIVE}${terms.filter(Boolean).join(',')}`;
}

/**
 * The element id and the text directives of a fragment a browser left unprocessed ("#p-…:~:text=…"),
 * or undefined when it holds none. A malformed term (a cut percent sequence) drops its directive,
 * never throws.
 */
export function parseFragment(hash: string): { id: string; directives: TextDirective[] } | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const at = raw.indexOf(':~:');
  if (at < 0) return undefined;
  const directives: TextDirective[] = [];
  for (const part of raw.slice(at + 3).split('&')) {
    if (!part.startsWith('text=')) continue;
    let terms: string[];
    try {
      terms = part.slice(5).split(',').map(decodeURIComponent);
    } catch {
      continue;
    }
    const d: Partial<TextDirective> = {};
    if (terms.length > 1 && terms[0]!.endsWith('-')) d.prefix = terms.shift()!.slice(0, -1);
    if (terms.length > 1 && terms[terms.length - 1]!.startsWith('-')) d.suffix = terms.pop()!.slice(1);
    if (terms.length < 1 || terms.length > 2 || !terms[0]) continue;
    d.start = terms[0];
    if (terms[1]) d.end = terms[1];
    directives.push(d as TextDirective);
  }
  let id = raw.slice(0, at);
  try {
    id = decodeURIComponent(id);
  } catch {
    id = '';
  }
  return { id, directives };
}

/**
 * Where a directive's words are in a text (already normalised; matched without regard to case, as
 * browsers do): [from, to) of the words, or undefined. The prefix and suffix must stand right before
 * and after them, whitespace apart.
 */
export function findDirective(text: string, d: TextDirective): [number, number] | undefined {
  const hay = text.toLowerCase();
  const start = normalise(d.start).toLowerCase();
  const end = d.end !== undefined ? normalise(d.end).toLowerCase() : undefined;
  const prefix = d.prefix !== undefined ? normalise(d.prefix).toLowerCase() : undefined;
  const suffix = d.suffix !== undefined ? normalise(d.suffix).toLowerCase() : undefined;
  if (!start) return undefined;
  for (let from = hay.indexOf(start); from >= 0; from = hay.indexOf(start, from + 1)) {
    if (prefix && !hay.slice(0, from).trimEnd().endsWith(prefix)) continue;
    let to = from + start.length;
    if (end) {
      const e = hay.indexOf(end, to);
      if (e < 0) return undefined;
      to = e + end.length;
    }
    if (suffix && !hay.slice(to).trimStart().startsWith(suffix)) continue;
    return [from, to];
  }
  return undefined;
}
