import { defineConfig } from 'vitest/config';

// One runner for everything: unit tests on modules, checks on the built files in dist/, and
// browser tests that drive Debian's Chromium against dist/ served on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    // vitest's own output, then one plain line "N passed, N failed" that CI reads.
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
