// The made-up work of tests/fixtures/karya-uji/, put into a temporary copy of the site together with
// the real content, as a librarian following docs/content.md "Adding a work" would add it: its files in
// content/, its entries appended to content/bibliography.json, its exclusions entry added.
import { cpSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSite } from './fixture-build.ts';
import { ROOT } from './site.ts';

export const FIXTURE_WORK = join(ROOT, 'tests/fixtures/karya-uji');
export const FIXTURE_SLUG = 'karya-uji';

export function fixtureWorkSite(): string {
  const dir = fixtureSite({}, { withContent: true });
  const content = join(dir, 'content');
  for (const sub of ['works', 'chapters', 'data']) cpSync(join(FIXTURE_WORK, sub), join(content, sub), { recursive: true });
  cpSync(join(FIXTURE_WORK, 'sources/999_karya-uji.txt'), join(content, 'sources/999_karya-uji.txt'));
  appendFileSync(join(content, 'sources/exclusions.yaml'), readFileSync(join(FIXTURE_WORK, 'sources/exclusions.yaml'), 'utf8'));
  const bib = join(content, 'bibliography.json');
  const entries = [...JSON.parse(readFileSync(bib, 'utf8')), ...JSON.parse(readFileSync(join(FIXTURE_WORK, 'bibliography.json'), 'utf8'))];
  writeFileSync(bib, `${JSON.stringify(entries, null, 2)}\n`);
  return dir;
}
