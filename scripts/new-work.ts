// npm run new-work -- <slug> [--source <file.txt>]: scaffolds a work as the librarians' guide says (docs/panduan-pustakawan.md, step 2):
// content/works/<slug>.yaml (every required field, placeholders marked TODO), the chapters folder
// with a first chapter and the daftar-pustaka.mdx reference-list chapter, the exclusions.yaml
// entry for the source, and an empty source file to paste the extracted text into.
// Never overwrites a file; `npm run check:content` then lists the TODOs still to fill in.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../src/paths.ts';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? args.splice(rootAt, 2)[1]! : ROOT;
const sourceAt = args.indexOf('--source');
const sourceArg = sourceAt >= 0 ? args.splice(sourceAt, 2)[1] : undefined;
const slug = args[0];

function die(message: string): never {
  console.error(message);
  process.exit(1);
}
if (!slug || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
  die(
    'usage: npm run new-work -- <slug> [--source NNN_name.txt]\n  slug: lower-case letters, digits and hyphens, e.g. nama-2025 (it becomes the URL /nama-2025/)',
  );
}
const content = join(root, 'content');
const workFile = join(content, 'works', `${slug}.yaml`);
const chapterDir = join(content, 'chapters', slug);
if (existsSync(workFile) || existsSync(chapterDir)) die(`content/works/${slug}.yaml or content/chapters/${slug}/ exists already: nothing written`);

const works = readdirSync(join(content, 'works')).filter((f) => f.endsWith('.yaml'));
const order = Math.max(0, ...works.map((f) => Number((parse(readFileSync(join(content, 'works', f), 'utf8')) as { order?: number }).order) || 0)) + 1;
const sources = join(content, 'sources');
const numbers = readdirSync(sources)
  .map((f) => /^(\d{3})_/.exec(f)?.[1])
  .filter(Boolean)
  .map(Number);
const source = sourceArg ?? `${String(Math.max(-1, ...numbers) + 1).padStart(3, '0')}_${slug}.txt`;
if (!/^[\w.-]+\.txt$/.test(source)) die(`--source must be a file name like 005_${slug}.txt (letters, digits, "_", "-", "."), got "${source}"`);

const written: string[] = [];
function write(path: string, text: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  written.push(path.slice(root.length).replace(/^\//, ''));
}

write(
  workFile,
  `# The work's metadata (schema: src/checks/schema.ts). Replace every TODO; leave out what the
# source does not give (no year, no author) and say so in sourceNote.
title:
  id: "TODO: judul sebagaimana tercetak"
authors:
  - name: "TODO: nama penulis"
type: skripsi            # TODO: skripsi | journal-article | thesis-chapter
institution: "TODO: universitas"
year: ${new Date().getFullYear()}               # TODO: the year the source prints (delete the line if it prints none)
language: id             # TODO: the work's language (id, en)
keywords:
  id: ["TODO"]
abstracts:
  id:
    - "TODO: paragraf pertama abstrak"
citationStyle: apa       # TODO: apa | chicago-author-date | vancouver | chicago-notes (the style the work cites in)
sourceNote: "TODO: apa sumbernya dan apa yang tidak ada di dalamnya"
sourceFile: ${source}
order: ${order}              # its place in the library
`,
);
write(
  join(chapterDir, 'bab-1-pendahuluan.mdx'),
  `---
work: ${slug}
order: 1
number: BAB I            # TODO: the chapter's number as printed (delete the line if none)
title: Pendahuluan       # TODO: the chapter's title as printed
---
## 1.1. Latar Belakang

{/* Footnotes: a word[^1] and, at the end of the chapter, a line "[^1]: the note". Citations as printed, linked to their key: ([Author, 2020](@key)) or with the page ([Author 2020, 40](<@key, 40>)); key from content/bibliography.json. See docs/panduan-pustakawan.md. */}

TODO: teks bab sebagaimana tercetak dalam sumber.
`,
);
write(
  join(chapterDir, 'daftar-pustaka.mdx'),
  `---
work: ${slug}
order: 2
title: Daftar Pustaka
references: true
---
`,
);
const sourcePath = join(sources, source);
if (!existsSync(sourcePath)) write(sourcePath, '');
const exclusions = join(sources, 'exclusions.yaml');
if (!readFileSync(exclusions, 'utf8').includes(`source: ${source}`)) {
  appendFileSync(
    exclusions,
    `  - source: ${source}\n    # What the site leaves out of ${source}, each with lines or pattern, what and reason.\n    exclude: []\n`,
  );
  written.push('content/sources/exclusions.yaml (entry added)');
}
console.log(`new work "${slug}":\n${written.map((f) => `  ${f}`).join('\n')}
next: paste the source text into content/sources/${source} (personal data replaced by [dihapus: data pribadi]),
fill in the TODOs, then: npm run dev (live preview), npm run check:content (fast checks), npm test.`);
