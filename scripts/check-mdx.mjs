// Quick syntax check of MDX chapters without a full site build (safe to run while a build runs):
//   node scripts/check-mdx.mjs content/chapters/<work>
// Compiles each file with the same MDX parser and Markdown syntax (the pipeline's `gfm` stage,
// src/markdown/pipeline.ts) the site uses and reports file:line:column.
// `npm run check:content` runs it on every chapter (checkMdx below).
import { compile } from '@mdx-js/mdx';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { FRONT_MATTER } from '../src/markdown/front-matter.ts';
import { pipeline } from '../src/markdown/pipeline.ts';
import { ROOT } from '../src/paths.ts';

/** Only the syntax: the later stages check content, which the fast checks do on their own. */
const SYNTAX = pipeline(ROOT, ['gfm']).remarkPlugins;

/** "file:line:column: reason" for each path (file or folder) whose MDX does not compile. */
export async function checkMdx(paths, log = () => {}) {
  const files = paths.flatMap(function walk(p) {
    return statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => walk(join(p, f))) : p.endsWith('.mdx') ? [p] : [];
  });
  const failures = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const m = FRONT_MATTER.exec(text);
    try {
      if (!m) throw new Error('missing front matter block');
      parse(m[1]);
      const body = text.slice(m[0].length);
      // Keep line numbers true: pad with the front matter's lines.
      await compile('\n'.repeat(m[0].split('\n').length - 1) + body, { remarkPlugins: SYNTAX });
      log(`ok   ${file}`);
    } catch (e) {
      const where = e.line ? `:${e.line}:${e.column}` : '';
      failures.push(`${file}${where}: ${e.reason ?? e.message}`);
    }
  }
  return failures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const failures = await checkMdx(process.argv.slice(2), console.log);
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(failures.length ? 1 : 0);
}
