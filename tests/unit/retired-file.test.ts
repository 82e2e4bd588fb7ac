// The 404 page's script writes out three addresses of src/routes.ts (why: see its header). This
// holds its copies to the originals, so that a change to one cannot leave the other behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY_URL, ENTRY_DOWNLOADS_ANCHOR, RETIRED_ENTRY_FILE } from '../../src/routes.ts';
import { ROOT } from '../../src/paths.ts';

const script = readFileSync(join(ROOT, 'src/bibliography/browser/retired-file.ts'), 'utf8');

describe("the 404 page's redirect of retired entry files", () => {
  it('matches the addresses of src/routes.ts', () => {
    expect(script).toContain(`const RETIRED = ${RETIRED_ENTRY_FILE.toString()};`);
    expect(script).toContain(`\${base}${BIBLIOGRAPHY_URL.slice(1)}\${match[1]}/#${ENTRY_DOWNLOADS_ANCHOR}\``);
  });
});
