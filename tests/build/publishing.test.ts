// Drafts are not published: a build never writes content/links/published-ids.json, so a work's text
// may change freely until it is published; `npm run publish-ids` (publishing) records the built
// site's ids, and `--check` (the deploy) refuses a site with ids not recorded. That a recorded id
// still stops the build when its text changes is tests/build/citations.test.ts ("published link").
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphId } from '../../src/markdown/rehype-paragraph-anchors.ts';
import { BUILD_TIMEOUT, buildIn, fixtureSite, VALID_CHAPTER, VALID_WORK, type BuildResult } from '../support/fixture-build.ts';
import { ROOT } from '../support/site.ts';

const LEDGER = 'content/links/published-ids.json';
const PAGE = '/uji/bab-1-pendahuluan/';
// A draft chapter after a one-word change (nothing of it was ever published).
const EDITED = 'Paragraf uji diubah.';
const PINNED_NODE = join(ROOT, 'node_modules/node/bin/node');
let dir = '';
let build: BuildResult;
const publishIds = (...args: string[]) => spawnSync(PINNED_NODE, [join(ROOT, 'scripts/publish-ids.ts'), '--root', dir, ...args], { encoding: 'utf8' });
const ledger = () => JSON.parse(readFileSync(join(dir, LEDGER), 'utf8')) as Record<string, string[]>;

beforeAll(() => {
  dir = fixtureSite({
    'content/works/uji.yaml': VALID_WORK,
    'content/chapters/uji/bab-1-pendahuluan.mdx': VALID_CHAPTER.replace('Paragraf uji.', EDITED),
    [LEDGER]: '{}\n',
  });
  build = buildIn(dir);
}, BUILD_TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a draft', { timeout: BUILD_TIMEOUT }, () => {
  it('builds after a change, and the build records nothing', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(build.output).toMatch(/ids? not published yet .*npm run publish-ids/);
    expect(ledger()).toEqual({});
  });

  it('is refused by the deploy’s check until its ids are published, naming the page', () => {
    const run = publishIds('--check');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(PAGE);
    expect(run.stderr).toContain('fix: run `npm run build && npm run publish-ids`');
  });

  it('is published by `npm run publish-ids`: its ids are recorded, and the check passes', () => {
    const run = publishIds();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/new ids? recorded in content\/links\/published-ids\.json; commit it/);
    expect(ledger()[PAGE]).toContain(paragraphId(EDITED));
    expect(publishIds('--check').status).toBe(0);
  });
});
