// Coverage of a source by the raw content files of its work (no build needed), for converting:
//   node scripts/fidelity-draft.mjs <work-slug>
// The real gate is tests/fidelity.test.ts, which reads the built pages.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { coverage, sourcePassages, SOURCES_DIR } from '../tests/support/fidelity.ts';

const slug = process.argv[2];
const root = new URL('../content/', import.meta.url).pathname;
const work = parse(readFileSync(join(root, 'works', `${slug}.yaml`), 'utf8'));
const dir = join(root, 'chapters', slug);
const mdx = readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => readFileSync(join(dir, f), 'utf8'));
const site = [JSON.stringify(work), ...mdx].join('\n').replace(/\[\^(\d+)\]:?/g, ' $1 ');
// Exclusions: the merged file if present, else the per-source draft file.
const num = work.sourceFile.slice(0, 3);
const draft = join(SOURCES_DIR, `exclusions.${num}.yaml`);
const merged = join(SOURCES_DIR, 'exclusions.yaml');
const list = existsSync(draft)
  ? parse(readFileSync(draft, 'utf8')).exclude
  : parse(readFileSync(merged, 'utf8')).sources.find((s) => s.source === work.sourceFile).exclude;
const src = sourcePassages(readFileSync(join(SOURCES_DIR, work.sourceFile), 'utf8'), list);
const c = coverage(src, site);
console.log(`${slug}: ${(c.ratio * 100).toFixed(2)}% of ${c.total} words`);
for (const m of c.missing) console.log(`  missing: ${m.slice(0, 300)}`);
