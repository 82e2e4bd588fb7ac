// The site carries the sources whole: >= 99% of each source's 6-word sequences (after the documented
// exclusions in content/sources/exclusions.yaml) appear in the built pages of its work, and no
// passage longer than a seam between parts is missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtMainText, longestParagraph } from '../support/built-text.ts';
import { coverage, loadExclusions, longestMissingRun, MAX_MISSING_RUN_WORDS, sourcePassages, SOURCES_DIR } from '../support/fidelity.ts';
import { works, type WorkInfo } from '../support/site.ts';

const exclusions = loadExclusions();

function siteText(work: WorkInfo): string {
  const pages = [`/${work.slug}/`, ...work.chapters.map((c) => `/${work.slug}/${c.slug}/`)];
  return pages.map(builtMainText).join('\n');
}

function source(work: WorkInfo): string[] {
  const entry = exclusions.find((e) => e.source === work.sourceFile);
  if (!entry) throw new Error(`content/sources/exclusions.yaml has no entry for ${work.sourceFile}`);
  return sourcePassages(readFileSync(join(SOURCES_DIR, work.sourceFile), 'utf8'), entry.exclude);
}

describe.each(works().map((w) => [w.slug, w] as const))('fidelity of %s', (_slug, work) => {
  it('has at least 99% of the source on the site and loses no passage', () => {
    const c = coverage(source(work), siteText(work));
    const report = `${(c.ratio * 100).toFixed(2)}% of ${c.total} words; missing:\n${c.missing.join('\n')}`;
    expect(c.ratio, report).toBeGreaterThanOrEqual(0.99);
    expect(longestMissingRun(c), report).toBeLessThanOrEqual(MAX_MISSING_RUN_WORDS);
  });

  it('notices when one paragraph is lost', () => {
    // Remove the longest paragraph of the work's chapters from the site text: the check must fail.
    const paragraphs = work.chapters.map((c) => longestParagraph(`/${work.slug}/${c.slug}/`));
    const longest = paragraphs.sort((a, b) => b.length - a.length)[0]!;
    const text = siteText(work);
    expect(text).toContain(longest);
    const c = coverage(source(work), text.replace(longest, ''));
    expect(longestMissingRun(c)).toBeGreaterThan(MAX_MISSING_RUN_WORDS);
  });
});
