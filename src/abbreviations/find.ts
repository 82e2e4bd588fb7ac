// Where an author spells an abbreviation out: "International Labour Organization (ILO)" and
// "PMI (pekerja migran Indonesia)". The long form is the author's own words, exactly as printed
// (typos included); it is accepted only when the abbreviation's letters can be read from it in
// the initials of its words (small joining words aside; a digit repeats the capital before it, as
// in BP2MI), so nothing is guessed: "organisasi non-pemerintah (LSM)" gives nothing, nor does a
// garbled one ("Decent Work Country programmes (DCWP)"); "Tenaga Kerja Indonesia (TKI)" gives TKI.

export interface Definition {
  abbr: string;
  expansion: string;
  /** Where in the text the definition ("Long Form (ABBR)" or "ABBR (Long Form)") starts and ends. */
  start: number;
  end: number;
}

/** Two or more capitals (digits and lower-case letters between them allowed): ILO, BP2MI, PuG, DW4FS. */
export const ABBR = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9]*[A-Z0-9]$/;
const JOINERS = new Set(['dan', 'dari', 'di', 'untuk', 'yang', 'dalam', 'ke', 'atas', 'bagi', 'of', 'for', 'the', 'and', 'in', 'on', 'to', '&']);

/** The capitals an abbreviation stands for, a digit repeating the one before it (BP2MI: B P P M I). */
function capitals(abbr: string): string {
  return abbr
    .replace(/([A-Z])(\d)/g, (_, c: string, n: string) => c.repeat(Number(n)))
    .replace(/[^A-Z]/g, '')
    .toLowerCase();
}

/** The shortest run of words at the end of `words` whose initials are the abbreviation's capitals, or undefined. */
export function longForm(abbr: string, words: string[]): string | undefined {
  const letters = capitals(abbr);
  if (letters.length < 2) return undefined;
  for (let n = 1; n <= Math.min(words.length, letters.length * 2); n++) {
    const run = words.slice(words.length - n);
    if (JOINERS.has(run[0]!.toLowerCase())) continue;
    const initials = run
      .filter((w) => !JOINERS.has(w.toLowerCase()))
      .flatMap((w) => w.split('-').filter(Boolean))
      .map((w) => w[0]!.toLowerCase())
      .join('');
    if (initials === letters) return run.join(' ');
    if (initials.length > letters.length) return undefined;
  }
  return undefined;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Every definition in a piece of running text. */
export function findDefinitions(text: string): Definition[] {
  const out: Definition[] = [];
  for (const m of text.matchAll(/\(([^()]{2,120})\)/g)) {
    const inner = m[1]!.trim();
    const open = m.index;
    const close = open + m[0].length;
    if (ABBR.test(inner)) {
      // "Long Form (ABBR)": the words just before the parenthesis (within the same sentence part).
      const before =
        text
          .slice(Math.max(0, open - 200), open)
          .split(/[.,;:!?()"“”]/)
          .at(-1) ?? '';
      const words = [...before.matchAll(WORD)].map((w) => w[0]);
      const long = longForm(inner, words);
      if (long) out.push({ abbr: inner, expansion: long, start: open - before.length + Math.max(0, before.lastIndexOf(long.split(' ')[0]!)), end: close });
    } else {
      // "ABBR (Long Form)": an abbreviation right before the parenthesis, the whole parenthesis its long form.
      const prev = /([A-Z][A-Za-z0-9]*[A-Z0-9])\s*$/.exec(text.slice(Math.max(0, open - 20), open));
      const words = [...inner.matchAll(WORD)].map((w) => w[0]);
      if (prev && ABBR.test(prev[1]!) && words.join(' ') === inner.replace(/\s+/g, ' ') && longForm(prev[1]!, words) === words.join(' ')) {
        out.push({ abbr: prev[1]!, expansion: inner.replace(/\s+/g, ' '), start: open - prev[0].length, end: close });
      }
    }
  }
  return out;
}

/** The same expansion written with other capitals or spacing counts once. */
export const expansionKey = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
