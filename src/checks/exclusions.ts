// content/sources/exclusions.yaml: what the site leaves out of each source text, or moves, and the
// words a reader compares. Read by the content checks (page-foot-notes.ts, in every build, so it
// lives in src/ with them) and by the fidelity measure (measure/fidelity.ts) and tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Exclusion {
  lines?: string;
  pattern?: string;
  what: string;
  reason: string;
  /**
   * The lines are not left out but placed elsewhere on the site (a footnote printed at a page foot
   * inside a paragraph, moved to the end of the chapter): they still count, as a passage of their
   * own, and the text around them is read as one.
   */
  moved?: boolean;
}

export interface SourceExclusions {
  source: string;
  exclude: Exclusion[];
}

/** The exclusion list of every source, from <dir>/exclusions.yaml (dir: content/sources/ of a project). */
export function loadExclusionsIn(dir: string): SourceExclusions[] {
  const file = join(dir, 'exclusions.yaml');
  const data = parse(readFileSync(file, 'utf8')) as { sources: SourceExclusions[] };
  return data.sources;
}

/** Marks the lines an exclusion names (1-based ranges or whole-line patterns). */
export function matchLines(lines: string[], ex: Exclusion): boolean[] {
  const hit = new Array<boolean>(lines.length).fill(false);
  if (ex.lines) {
    const [a, b = a] = ex.lines.split('-').map((n) => Number.parseInt(n, 10));
    if (!a || !b || a > b || b > lines.length) throw new Error(`bad line range "${ex.lines}" (${ex.what})`);
    for (let i = a; i <= b; i++) hit[i - 1] = true;
  }
  if (ex.pattern) {
    const re = new RegExp(ex.pattern, 'u');
    lines.forEach((l, i) => {
      if (re.test(l)) hit[i] = true;
    });
  }
  return hit;
}

/**
 * Words as a reader would compare them: markup, case and punctuation ignored; a hyphen between
 * letters (also across a line break, "negara-\n\nnegara") joins the parts on both sides alike.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\p{L})[-\u00ad\u2010\u2011]\s*(\p{L})/gu, '$1$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}
