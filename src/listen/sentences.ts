// Sentences of a passage for reading aloud ("Dengarkan", src/listen/): one utterance a sentence, so
// the reader hears where one ends, the current one can be marked, and no utterance runs long
// enough for Chrome's cut-off of long utterances (about 15 s with its network voices).
//
// Intl.Segmenter (Unicode's sentence rules, ICU's data) does most of it where the browser has it;
// its rules break after a full stop followed by a space and a capital, which Indonesian academic
// text breaks often: "No. 21 Tahun 2007", "hlm. 12", "Dr. Ir. Yohanes", "Yohanes A. Nggeo",
// "1.1. Latar Belakang". Those breaks are taken back here. A full stop between digits ("200.000",
// "1.5") and a decimal comma ("1,5") never break, and "dkk." or "dll." before a lowercase word
// ("dkk. menyatakan", "dkk. (2019) menemukan") do not either (Unicode's rule); before a capital they
// may end a sentence, as they often do. Without Intl.Segmenter a simple rule of the same kind is used.

/** Abbreviations that never end a sentence: titles and labels before a name or a number. */
const NEVER_LAST = new Set(
  [
    'no',
    'nomor',
    'hlm',
    'hal',
    'dr',
    'prof',
    'ir',
    'drs',
    'dra',
    'hj',
    'jl',
    'jln',
    'kab',
    'kec',
    'kel',
    'ds',
    'rp',
    'vol',
    'st',
    'sdr',
    'sdri',
    'bpk',
    'tn',
    'ny',
    'yth',
    'a.n',
    's.d',
    'u.p',
    'pp',
    'cf',
    'e.g',
    'i.e',
    'vs',
    'mr',
    'mrs',
    'ms',
    'tgl',
    'p', // "p. 12"
  ].map((a) => `${a}.`),
);

/** A sentence longer than this (characters) is read in parts, split after a comma, semicolon or colon. */
export const MAX_PART = 220;

export interface Span {
  start: number;
  end: number;
}

type Segmenter = { segment(text: string): Iterable<{ index: number; segment: string }> };

function segmenter(locale: string): Segmenter | undefined {
  const Seg = (Intl as unknown as { Segmenter?: new (l: string, o: { granularity: 'sentence' }) => Segmenter }).Segmenter;
  try {
    return Seg && new Seg(locale, { granularity: 'sentence' });
  } catch {
    return undefined;
  }
}

/** Unicode-like breaks without Intl.Segmenter: after . ! ? … (and closing quotes or brackets), spaces, then a capital (after an opening quote or bracket). */
function simpleBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (const m of text.matchAll(/[.!?…]+["'”’)\]]*\s+(?=["'“‘([]*\p{Lu})/gu)) breaks.push(m.index + m[0].length);
  return breaks;
}

function unicodeBreaks(text: string, seg: Segmenter): number[] {
  const breaks: number[] = [];
  for (const s of seg.segment(text)) if (s.index > 0) breaks.push(s.index);
  return breaks;
}

/** Whether a break after `before` (the text up to the break) is one of the false ones described above. */
function falseBreak(before: string): boolean {
  const end = before.trimEnd();
  const word = /(\S+)$/.exec(end)?.[1] ?? '';
  // The word before the break, without an opening bracket or quote ("(No." -> "no.").
  const bare = word.replace(/^["'“‘([]+/, '');
  if (NEVER_LAST.has(bare.toLowerCase())) return true;
  // An initial: "A." in "Yohanes A. Nggeo", "S." in "Budi S. Hadi" (a one-letter sentence end is rarer).
  if (/^\p{Lu}\.$/u.test(bare)) return true;
  // A passage that is only an enumerator or a section number so far: "1.", "1.1.", "a.", "IV.".
  if (/^(\d+(\.\d+)*|[a-z]|[ivxlc]+)[.)]$/i.test(end)) return true;
  return false;
}

/**
 * The sentences of `text` as [start, end) spans, in order, each without the spaces around it; empty
 * or space-only text has none. `locale` chooses the Unicode data (the passage's language);
 * `useSegmenter: false` forces the simple rule (the unit tests cover both).
 */
export function splitSentences(text: string, locale = 'id', useSegmenter = true): Span[] {
  const seg = useSegmenter ? segmenter(locale) : undefined;
  const breaks = (seg ? unicodeBreaks(text, seg) : simpleBreaks(text)).filter((b) => b > 0 && b < text.length);
  const spans: Span[] = [];
  let start = 0;
  for (const b of breaks) {
    if (falseBreak(text.slice(start, b))) continue;
    spans.push({ start, end: b });
    start = b;
  }
  spans.push({ start, end: text.length });
  return spans.map(trimSpan(text)).filter((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
}

const trimSpan = (text: string) => (s: Span) => {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
};

/**
 * A sentence cut into parts of at most `max` characters where it is longer: after the last comma,
 * semicolon or colon (or else the last space) that keeps a part within the limit. Spans are
 * relative to `text`, which is the sentence.
 */
export function speakableParts(text: string, max = MAX_PART): Span[] {
  const parts: Span[] = [];
  let start = 0;
  while (text.length - start > max) {
    const window = text.slice(start, start + max);
    const clause = Math.max(...[...window.matchAll(/[,;:]\s/g)].map((m) => m.index + 1), -1);
    const space = window.lastIndexOf(' ');
    const cut = clause > max / 3 ? clause : space > 0 ? space : max;
    parts.push({ start, end: start + cut });
    start += cut;
  }
  parts.push({ start, end: text.length });
  return parts.map(trimSpan(text)).filter((s) => s.end > s.start);
}

/** What is spoken of a span of text: its spaces (line breaks of the source, runs) made one. */
export const spoken = (text: string) => text.replace(/\s+/g, ' ').trim();
