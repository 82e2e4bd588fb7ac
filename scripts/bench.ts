// `npm run bench`: prints speed and size figures of the built site (run `npm run build` first).
// Figures only: no thresholds here, budgets live in the issues. Each concern adds a module under
// scripts/bench/ that returns its figures.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { chromium } from 'playwright-core';
import { benchCharts } from './bench/charts.ts';
import { benchSearch, type Figure } from './bench/search.ts';
import { benchCitations } from './bench/citations.ts';

function print(title: string, figures: Figure[]) {
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log(`\n${title}`);
  for (const f of figures) console.log(`  ${f.name.padEnd(width)}  ${f.value}`);
}

// First, as it rebuilds dist/ (its last figure is the whole build's time).
print('Citations: compiling the chapters, and the whole build', benchCitations());

const root = new URL('../', import.meta.url);
const dist = fileURLToPath(new URL('dist/', root));
if (!existsSync(`${dist}index.html`)) throw new Error('dist/ has no built site: run `npm run build` first.');

const server = await preview({ root: fileURLToPath(root), logLevel: 'warn', server: { host: '127.0.0.1', port: 4900 + Math.floor(Math.random() * 90) } });
const baseURL = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

try {
  print('Search and offline', await benchSearch(browser, baseURL, dist));
  print('Charts', await benchCharts(browser, baseURL, dist));
} finally {
  await browser.close();
  await server.stop();
}
