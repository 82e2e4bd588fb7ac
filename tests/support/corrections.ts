// A small site for the corrections tests: the made-up work karya-uji-sunting alone (its work file,
// chapters, source text, exclusions entry and the two references it cites), in a temporary copy of
// the code (tests/support/fixture-build.ts), so that publishing it, correcting one word and building
// again takes a few builds of two pages each, not of the whole library.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIBLIOGRAPHY_FILE, LEDGER_FILE, ROOT } from '../../src/paths.ts';
import { fixtureSite } from './fixture-build.ts';
import { BARE_SLUG, FIXTURE_WORK } from './fixture-work.ts';

/** The chapter the tests correct, and its address. */
export const CORRECTED_CHAPTER = `content/chapters/${BARE_SLUG}/bab-1-pendahuluan.mdx`;
export const CORRECTED_PAGE = `/${BARE_SLUG}/bab-1-pendahuluan/`;

export function correctionsSite(): string {
  const files: Record<string, string> = {};
  const from = (path: string) => readFileSync(join(FIXTURE_WORK, path), 'utf8');
  files[`content/works/${BARE_SLUG}.yaml`] = from(`works/${BARE_SLUG}.yaml`);
  for (const f of readdirSync(join(FIXTURE_WORK, 'chapters', BARE_SLUG))) files[`content/chapters/${BARE_SLUG}/${f}`] = from(`chapters/${BARE_SLUG}/${f}`);
  const source = readFileSync(join(FIXTURE_WORK, 'works', `${BARE_SLUG}.yaml`), 'utf8').match(/sourceFile: (\S+)/)![1]!;
  files[`content/sources/${source}`] = from(`sources/${source}`);
  // The exclusions entry of this work's source only (the fixture's file lists both made-up works).
  const exclusions = from('sources/exclusions.yaml').split(/(?=^ {2}- source: )/m);
  files['content/sources/exclusions.yaml'] = `sources:\n${exclusions.filter((e) => e.includes(source)).join('')}`;
  // The references its chapters cite, from the real bibliography.
  const keys = new Set([...Object.entries(files)].flatMap(([, text]) => [...text.matchAll(/\]\(@([\w-]+)\)/g)].map((m) => m[1]!)));
  // Without what they record of the real works (where each is listed and how it is printed there), which this site has not.
  const bibliography = (JSON.parse(readFileSync(join(ROOT, BIBLIOGRAPHY_FILE), 'utf8')) as { id: string; custom?: unknown }[])
    .filter((e) => keys.has(e.id))
    .map(({ custom: _custom, ...e }) => e);
  files[BIBLIOGRAPHY_FILE] = `${JSON.stringify(bibliography, null, 2)}\n`;
  files[LEDGER_FILE] = '{}\n';
  return fixtureSite(files);
}
