// Global setup of the tiers that read the built site (content, build, browser): stops the run with
// the fix when dist/ holds no build. The unit tier needs no build and has no such setup.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/paths.ts';

export default function setup() {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ has no built site: run `npm run build` first (npm test does it for you).');
  }
}
