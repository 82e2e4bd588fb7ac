// The in-text citations of the sources (content/sources/*.txt), as each work prints them, in order:
// what the citation tests hold the chapters' citations against. How each work's are counted is
// described in tests/content/citations-source.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExclusions, SOURCES_DIR } from './fidelity.ts';
import { works } from './site.ts';

const WORKS = works();

/** Lowercase ASCII letters and digits only: for comparing names however they are printed. */
export const bare = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

/** A printed reference as plain words: Markdown emphasis and autolink brackets dropped, lines joined. */
export const flat = (s: string) => s.replace(/[*<>]/g, '').replace(/-\s+/g, '-').replace(/\s+/g, ' ').trim();

export function sourceText(slug: string): string {
  const work = WORKS.find((w) => w.slug === slug)!;
  return readFileSync(join(SOURCES_DIR, work.sourceFile), 'utf8');
}

/** Body and reference list, split at the last "DAFTAR PUSTAKA" heading (the first may be the printed contents). */
export function splitAtReferences(text: string): [string, string] {
  const at = [...text.matchAll(/^#*\s*DAFTAR PUSTAKA\s*$/gm)].at(-1)?.index;
  return at === undefined ? [text, ''] : [text.slice(0, at), text.slice(at)];
}

export interface SourceCitation {
  /** The citation as printed, for messages. */
  text: string;
  /** Name printed in or right before the citation. */
  name?: string;
  /** Year as printed: "2020", "2024a", "n.d.". */
  year?: string;
  locator?: string;
  /** 003: the reference number; 004: the footnote number. */
  number?: number;
  /** 004: the footnote's text. */
  note?: string;
}

/** The 13 footnotes of 004, from the lines exclusions.yaml marks as moved footnotes. */
export function footnotes004(): { number: number; text: string }[] {
  const work = WORKS.find((w) => w.slug === 'dw4fs-kupang')!;
  const lines = sourceText('dw4fs-kupang').split('\n');
  const moved = loadExclusions().find((s) => s.source === work.sourceFile)!.exclude.filter((x) => x.moved && x.lines);
  const notes: { number: number; text: string }[] = [];
  for (const x of moved) {
    const [a, b = a] = x.lines!.split('-').map(Number) as [number, number?];
    for (const line of lines.slice(a - 1, b)) {
      const m = /^(\d{1,2}) (.*)$/.exec(line);
      if (m) notes.push({ number: Number(m[1]), text: m[2]! });
      else if (notes.length) notes.at(-1)!.text += `\n${line}`;
    }
  }
  return notes.map((n) => ({ ...n, text: flat(n.text) }));
}

export function sourceCitations(slug: string): SourceCitation[] {
  const [body] = splitAtReferences(sourceText(slug));
  const text = body.replace(/\s+/g, ' ');
  switch (slug) {
    case 'borotoding-2024':
      return [...text.matchAll(/\(([^()]*?), ((?:19|20)\d\d[a-z]?|n\.d\.)\)/g)].map((m) => ({
        text: m[0],
        name: m[1]!.split(/,| et al\.| & /)[0]!,
        year: m[2]!,
      }));
    case 'iom-ntt-2014-2018':
      return [...text.matchAll(/\((?:([A-Z][^()]*?) )?((?:19|20)\d\d)(?:, (\d+(?:\s*-\s*\d+)?))?\)/g)].map((m) => ({
        text: m[0],
        // narrative "Author (2016)": the word before the parenthesis
        name: m[1] ? m[1].split(/,| and /)[0]! : /(\S+)\s*$/.exec(text.slice(0, m.index))![1]!,
        year: m[2]!,
        ...(m[3] ? { locator: m[3].replace(/\s+/g, '') } : {}),
      }));
    case 'kokomakingi-2024':
      return [...text.matchAll(/\((\d{1,2})\)/g)].map((m) => ({ text: m[0], number: Number(m[1]) }));
    case 'dw4fs-kupang':
      return footnotes004().map((n) => ({ text: `${n.number} ${n.text}`, number: n.number, note: n.text }));
    default:
      throw new Error(`no counting rule for ${slug}`);
  }
}
