// A failed build leaves dist/ as the last good build left it: never a partial site (Astro empties
// its output folder before it renders the pages; src/build/whole-build.ts stages the build).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, buildIn, fixtureSite, VALID_CHAPTER, VALID_WORK, writeFiles } from '../support/fixture-build.ts';

const CHAPTER = 'content/chapters/uji/bab-1-pendahuluan.mdx';

/** Every file under a folder with a hash of its content. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => {
        const path = join(d.parentPath, d.name);
        return [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')];
      }),
  );
}

describe('a failed build', { timeout: BUILD_TIMEOUT }, () => {
  it('leaves the last good build in dist/, whole, when it fails while rendering pages', () => {
    const dir = fixtureSite({ 'content/works/uji.yaml': VALID_WORK, [CHAPTER]: VALID_CHAPTER });
    try {
      const good = buildIn(dir);
      expect(good.status, good.output).toBe(0);
      const before = snapshot(join(dir, 'dist'));
      expect(Object.keys(before)).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'pagefind/pagefind.js', 'uji/bab-1-pendahuluan/index.html']));

      // A chapter naming a missing work is found while the pages render, after Astro has started
      // writing its output: without staging, dist/ would now hold assets and no pages.
      writeFiles(dir, { [CHAPTER]: VALID_CHAPTER.replace('work: uji', 'work: hilang') });
      const bad = buildIn(dir);
      expect(bad.status).not.toBe(0);
      expect(bad.output).toContain('names no work');
      expect(snapshot(join(dir, 'dist'))).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
