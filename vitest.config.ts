import { defineConfig } from 'vitest/config';

// One runner for everything: unit tests on modules, checks on the built files in dist/, and
// browser tests that drive Debian's Chromium against dist/ served on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // expect.poll waits for the page to reach a state (search loaded, dialog open). Vitest's 1 s
    // default is shorter than Pagefind takes to load on a busy shared machine: CI failed on it once.
    expect: { poll: { timeout: 20_000 } },
    maxWorkers: 2,
    // vitest's own output, then one plain line "N passed, N failed" that CI reads.
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
