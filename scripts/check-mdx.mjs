// Quick syntax check of MDX chapters without a full site build (safe to run while a build runs):
//   node scripts/check-mdx.mjs content/chapters/<work>
// Compiles each file with the same MDX + GFM parser the site uses and reports file:line:column.
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const files = process.argv.slice(2).flatMap(function walk(p) {
  return statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => walk(join(p, f))) : p.endsWith('.mdx') ? [p] : [];
});
let failed = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  try {
    if (!m) throw new Error('missing front matter block');
    parse(m[1]);
    const body = text.slice(m[0].length);
    // Keep line numbers true: pad with the front matter's lines.
    await compile('\n'.repeat(m[0].split('\n').length - 1) + body, { remarkPlugins: [remarkGfm] });
    console.log(`ok   ${file}`);
  } catch (e) {
    failed++;
    const where = e.line ? `:${e.line}:${e.column}` : '';
    console.error(`FAIL ${file}${where}: ${e.reason ?? e.message}`);
  }
}
process.exit(failed ? 1 : 0);
