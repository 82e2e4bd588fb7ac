// Global setup of the browser tier: serves the built site (dist/, made by `npm run build` before
// the tests; tests/support/require-dist.ts checks it is there) on 127.0.0.1 with Astro's own preview
// server, and stops it when the run ends.
import { preview } from 'astro';
import type { TestProject } from 'vitest/node';
import { ROOT } from '../../src/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  const port = 4400 + Math.floor(Math.random() * 500);
  const server = await preview({ root: ROOT, logLevel: 'warn', server: { host: '127.0.0.1', port } });
  project.provide('baseURL', `http://127.0.0.1:${server.port}`);
  return async () => server.stop();
}
