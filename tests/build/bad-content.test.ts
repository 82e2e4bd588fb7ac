// Bad content stops the build with a message naming the file, the line and the fix, and no site is
// written. The content checks report every mistake at once, so one build holds them all
// (tests/support/bad-content.ts; tests/unit/content-checks.test.ts holds the checker to the same list).
import { describe, expect, it } from 'vitest';
import { BAD_CONTENT, EXPECTED } from '../support/bad-content.ts';
import { BUILD_TIMEOUT, buildFixture, VALID_CHAPTER, VALID_WORK } from '../support/fixture-build.ts';

const WORK = 'content/works/uji.yaml';
const CHAPTER = 'content/chapters/uji/bab-1-pendahuluan.mdx';

describe('the build stops on bad content', { timeout: BUILD_TIMEOUT }, () => {
  it('builds the valid fixture (so the failures below are caused by the defects alone)', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: VALID_CHAPTER });
    expect(r.output).toContain('/uji/bab-1-pendahuluan/index.html');
    expect(r.status).toBe(0);
  });

  it('names file, line and fix of every mistake, all in one report, before compiling anything', () => {
    const r = buildFixture(BAD_CONTENT);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`${EXPECTED.length} problems in content/:`);
    for (const parts of EXPECTED)
      for (const part of parts) expect(r.output).toMatch(typeof part === 'string' ? new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : part);
    // No raw errors, no 0:0 positions, no stack trace of the checker.
    expect(r.output).not.toMatch(/ENOENT|:0:0|Stack trace|bad indentation/);
    expect(r.dist).toBe('absent');
  });

  it('gives file, line and column for malformed MDX', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: `${VALID_CHAPTER}\nTeks <b>tidak ditutup.\n` });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/chapters/uji/bab-1-pendahuluan.mdx:11:1');
    expect(r.output).toMatch(/Expected a closing tag for `<b>`/);
    expect(r.dist).toBe('absent');
  });
});
