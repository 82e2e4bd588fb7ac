// Measures how much of a source text survives on the site: the share of the source's words, after
// the documented exclusions, that stand on the site inside a 6-word sequence (shingle) of the source.
import { join } from 'node:path';
import { ROOT, SOURCES_DIR as SOURCES } from '../src/paths.ts';
import { loadExclusionsIn, matchLines, words, type Exclusion, type SourceExclusions } from '../src/checks/exclusions.ts';

export { matchLines, words, type Exclusion, type SourceExclusions };

export const SHINGLE = 6;

/** The source texts, as an absolute path (src/paths.ts names it relative to the project root). */
export const SOURCES_DIR = join(ROOT, SOURCES);

/** The exclusion list of every source, from content/sources/exclusions.yaml. */
export const loadExclusions = (dir = SOURCES_DIR): SourceExclusions[] => loadExclusionsIn(dir);

/**
 * The source as passages to look for: the text minus excluded lines, with each run of moved
 * lines as a passage of its own (the text around it joined up again).
 */
export function sourcePassages(text: string, exclusions: Exclusion[]): string[] {
  const lines = text.split('\n');
  const state = new Array<'keep' | 'drop' | 'moved'>(lines.length).fill('keep');
  for (const ex of exclusions) {
    matchLines(lines, ex).forEach((hit, i) => {
      if (hit) state[i] = ex.moved ? 'moved' : 'drop';
    });
  }
  const main: string[] = [];
  const moved: string[][] = [];
  lines.forEach((line, i) => {
    if (state[i] === 'keep') main.push(line);
    else if (state[i] === 'moved') {
      if (state[i - 1] !== 'moved') moved.push([]);
      moved.at(-1)!.push(line);
    }
  });
  return [main.join('\n'), ...moved.map((m) => m.join('\n'))];
}

function shingles(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= tokens.length; i++) out.push(tokens.slice(i, i + SHINGLE).join(' '));
  return out;
}

export interface Coverage {
  /** Source words, and those that stand on the site in a 6-word sequence of the source. */
  total: number;
  found: number;
  ratio: number;
  /** Runs of consecutive source words found in no such sequence, as text. */
  missing: string[];
}

/**
 * A source word counts as present when some 6-word sequence of the source that contains it occurs
 * on the site. Seams where the site puts parts in another order (a label moved into metadata, a
 * heading, a footnote) cost nothing; a lost sentence or paragraph shows as a run of missing words.
 */
export function coverage(source: string | string[], site: string): Coverage {
  const have = new Set(shingles(words(site)));
  let total = 0;
  let found = 0;
  const missing: string[] = [];
  for (const passage of typeof source === 'string' ? [source] : source) {
    const tokens = words(passage);
    const covered = new Array<boolean>(tokens.length).fill(false);
    shingles(tokens).forEach((s, i) => {
      if (have.has(s)) covered.fill(true, i, i + SHINGLE);
    });
    total += tokens.length;
    found += covered.filter(Boolean).length;
    for (let i = 0; i < tokens.length;) {
      if (covered[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < tokens.length && !covered[j]) j++;
      missing.push(tokens.slice(i, j).join(' '));
      i = j;
    }
  }
  return { total, found, ratio: total ? found / total : 1, missing };
}

/** A lost paragraph or sentence shows as a long run of missing words; seams between parts are short. */
export const MAX_MISSING_RUN_WORDS = 12;

export function longestMissingRun(c: Coverage): number {
  return Math.max(0, ...c.missing.map((m) => m.split(' ').length));
}
