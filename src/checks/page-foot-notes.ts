// Footnotes printed at the foot of a page: the source text (as extracted from the PDF) has the note
// in the middle of the chapter, where the page ended, while the chapter's MDX has it at the end
// ([^1]: …). The fidelity test reads such lines as moved only when exclusions.yaml says so
// (`moved: true`); without it the test fails far from the cause. This finds each note's line in the
// source and names the entry to add: one of the content checks (content.ts), so check:content, the
// build and the dev overlay all give it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadExclusionsIn, matchLines, words } from './exclusions.ts';
import { CHAPTERS_DIR, EXCLUSIONS_FILE, SOURCES_DIR, workFile } from '../paths.ts';
import type { Problem } from './content.ts';

/** How many of a note's first words must start the source line for it to be the note. */
const LEAD = 5;

export function pageFootNotes(root: string, slug: string): Problem[] {
  try {
    return find(root, slug);
  } catch {
    // A work file, source or exclusions.yaml that cannot be read: the other checks name it.
    return [];
  }
}

function find(root: string, slug: string): Problem[] {
  if (!existsSync(join(root, EXCLUSIONS_FILE))) return [];
  const { sourceFile } = parse(readFileSync(join(root, workFile(slug)), 'utf8')) as { sourceFile?: string };
  const sourcePath = join(root, SOURCES_DIR, sourceFile ?? '');
  const chapters = join(root, CHAPTERS_DIR, slug);
  if (!sourceFile || !existsSync(sourcePath) || !existsSync(chapters)) return [];
  const lines = readFileSync(sourcePath, 'utf8').split('\n');
  const entry = loadExclusionsIn(join(root, SOURCES_DIR)).find((e) => e.source === sourceFile);
  const moved = new Array<boolean>(lines.length).fill(false);
  for (const ex of entry?.exclude ?? []) {
    // A line dropped (not moved) is left out on purpose; only a line still counted needs `moved`.
    matchLines(lines, ex).forEach((hit, i) => hit && (moved[i] = true));
  }
  const out: Problem[] = [];
  for (const f of readdirSync(chapters)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    for (const m of readFileSync(join(chapters, f), 'utf8').matchAll(/^\[\^([^\]\s]+)\]:\s*(.+)$/gm)) {
      const [, label, note] = m;
      const lead = words(note!).slice(0, LEAD);
      if (!/^\d+$/.test(label!) || lead.length < 2) continue;
      const at = lines.findIndex((line, i) => {
        const t = line.trim();
        if (moved[i] || !t.startsWith(label!) || /^\d/.test(t.slice(label!.length))) return false;
        const w = words(t.slice(label!.length));
        return lead.every((x, k) => w[k] === x);
      });
      if (at < 0) continue;
      out.push({
        file: `${SOURCES_DIR}/${sourceFile}`,
        line: at + 1,
        message: `footnote ${label} of content/chapters/${slug}/${f} is printed here, at the foot of a page, and content/sources/exclusions.yaml does not say that the site moves it to the end of the chapter`,
        fix: `add under "- source: ${sourceFile}" in content/sources/exclusions.yaml, in its exclude list: - { lines: "${at + 1}", what: "Catatan kaki ${label} di kaki halaman", reason: "dipindah ke catatan kaki di akhir bab", moved: true } (a note printed on several lines: give them all, e.g. "${at + 1}-${at + 2}")`,
      });
    }
  }
  return out;
}
