// Reading the sources (content/sources/*.txt) for the bibliography tests: a work's source text,
// split into its body and its printed reference list, and printed references as plain words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES_DIR } from '../../measure/fidelity.ts';
import { works } from './site.ts';

const WORKS = works();

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
