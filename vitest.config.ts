import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One runner, five tiers (vitest projects), run in this order by `npm test`:
//   unit     tests/unit     pure modules and small markdown runs; no build, seconds (`npm run test:unit`)
//   content  tests/content  checks on the built files in dist/ against content/
//   build    tests/build    builds of their own (fixture works, bad content, a large library, `npm run dev`)
//   browser  tests/browser  Debian's Chromium against dist/ served on 127.0.0.1
//   deploy   tests/deploy   Debian's nginx serving the build (root and sub-path), with Chromium
// Only the tiers that read dist/ get the global setup that needs it.

// Time limits are hang guards, not verdicts: a test waits for a state (expect.poll, a locator) and
// passes as soon as it is reached, so a limit only stops a run that hangs, and is set far above what
// a run on a loaded machine takes (a fresh clone's run at load 12–24 on this 2-core machine reached
// the former 60 s limit on a test that passes in seconds on a quiet one). The built-file checks read
// every page, so their limit also grows with the pages built (0 when dist/ is absent: the content
// tier then stops in its setup).
const builtPages = (() => {
  try {
    return readdirSync('dist', { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  } catch {
    return 0;
  }
})();
export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // expect.poll waits for the page to reach a state (search loaded, dialog open) and returns as
    // soon as it is reached; Vitest's 1 s default is shorter than Pagefind takes to load on a busy
    // shared machine. Playwright's own waits get the same limit (tests/support/browser.ts).
    expect: { poll: { timeout: 120_000 } },
    maxWorkers: 2,
    // vitest's own output, then one plain line "N passed, N failed" that CI reads.
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          testTimeout: 300_000 + 500 * builtPages,
          globalSetup: ['tests/support/require-dist.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/require-dist.ts'],
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/require-dist.ts', 'tests/support/serve-dist.ts'],
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        // The site as a host serves it: Debian's nginx with the build's own snippet, at the root
        // (dist/) and under a sub-path (a build of its own), with Chromium.
        test: {
          name: 'deploy',
          include: ['tests/deploy/**/*.test.ts'],
          globalSetup: ['tests/support/require-dist.ts'],
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
