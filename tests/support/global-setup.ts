// Serves the built site (dist/, made by `npm run build` before the tests) on 127.0.0.1 for the
// browser tests with Astro's own preview server, and stops it when the run ends.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import type { TestProject } from 'vitest/node';
import { ROOT } from '../../src/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ has no built site: run `npm run build` first (npm test does it for you).');
  }
  const port = 4400 + Math.floor(Math.random() * 500);
  const server = await preview({ root: ROOT, logLevel: 'warn', server: { host: '127.0.0.1', port } });
  project.provide('baseURL', `http://127.0.0.1:${server.port}`);
  return async () => server.stop();
}
