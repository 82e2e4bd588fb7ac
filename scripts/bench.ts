// `npm run bench`: prints speed and size figures of the site. Figures only: no thresholds here (the
// budgets are tests: tests/content/budgets.test.ts, tests/browser/lighthouse.test.ts,
// tests/browser/main-thread.test.ts). Each concern
// has a module under scripts/bench/ that returns its figures.
//
//   npm run bench              everything (builds the site first; the scale builds take minutes)
//   npm run bench -- --quick   without the scale builds of 100 and 400 works
//   npm run bench -- --scale 4,100,400,1000   only the scale builds, of these library sizes
import { preview } from 'astro';
import { chromium } from 'playwright-core';
import { benchBuild } from './bench/build.ts';
import { benchCharts } from './bench/charts.ts';
import { benchCitations } from './bench/citations.ts';
import { benchDownloads } from './bench/downloads.ts';
import { benchLocalize } from './bench/localize.ts';
import { benchMainThread } from './bench/main-thread.ts';
import { runLighthouse, CATEGORIES } from '../measure/lighthouse.ts';
import { benchPages, pageTypes, type Figure } from '../measure/pages.ts';
import { benchScale } from './bench/scale.ts';
import { benchSearch } from './bench/search.ts';
import { benchWeakLink } from './bench/weak-link.ts';
import { benchOffline } from './bench/offline.ts';
import { benchServed } from './bench/served.ts';
import { ROOT } from '../src/paths.ts';

const quick = process.argv.includes('--quick');
const scaleAt = process.argv.indexOf('--scale');
if (scaleAt >= 0) {
  const sizes = (process.argv[scaleAt + 1] ?? '4,100,400').split(',').map(Number);
  print('Scale (synthetic libraries built in temporary folders)', await benchScale(sizes, (line) => console.log(line)));
  process.exit(0);
}
const root = ROOT;
const dist = `${root}/dist/`;

function print(title: string, figures: Figure[]) {
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log(`\n${title}`);
  for (const f of figures) console.log(`  ${f.name.padEnd(width)}  ${f.value}`);
}

print('Build', benchBuild(root));
// Citations: the chapters compiled without and with the citation stage, then the whole build.
print('Citations: compiling the chapters, and the whole build', benchCitations());
print("Localizing the chapters' labels (on the parsed tree)", await benchLocalize(root));
print('Page weight, first load (each file gzip -9)', benchPages(dist));
print('Downloads: EPUB and PDF per work, data package', await benchDownloads(root, dist));
{
  // Two text chapters of different works: the page types' text chapter, then one of another work.
  const text = pageTypes(dist)['text chapter']!;
  const other = '/kokomakingi-2024/pendahuluan/';
  print('Served by nginx (its snippet, precompressed copies): bytes on the wire', await benchServed(dist, text, other));
}

const server = await preview({ root, logLevel: 'warn', server: { host: '127.0.0.1', port: 4900 + Math.floor(Math.random() * 90) } });
const baseURL = `http://127.0.0.1:${server.port}`;
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    print('Search and offline', await benchSearch(browser, baseURL, dist));
    print('On a weak link (phone, 50 KB/s, 400 ms a request, in the server): search and a text chapter', await benchWeakLink(browser, dist));
    print('Charts', await benchCharts(browser, baseURL, dist));
    print('Main thread while a chapter loads (trace, CPU 4x slower, 360 px)', await benchMainThread(browser, baseURL, dist));
    print('Offline (data budget)', await benchOffline(browser, baseURL, dist, root));
  } finally {
    await browser.close();
  }
  const types = Object.entries(pageTypes(dist));
  const lighthouse = await runLighthouse(
    types.map(([, path]) => `${baseURL}${path}`),
    { runs: 3 },
  );
  print(
    `Lighthouse, mobile (simulated throttling; the run with the median performance of 3): ${CATEGORIES.join(' / ')}; FCP, LCP, TBT, CLS`,
    types.map(([type, path]) => {
      const r = lighthouse.get(`${baseURL}${path}`)!;
      const m = r.metrics;
      return {
        name: `${type} (${path})`,
        value: `${CATEGORIES.map((c) => r.scores[c]).join(' / ')}; ${(m.fcp / 1000).toFixed(1)} s, ${(m.lcp / 1000).toFixed(1)} s, ${Math.round(m.tbt)} ms, ${m.cls.toFixed(3)}`,
      };
    }),
  );
} finally {
  await server.stop();
}

if (quick) console.log('\nScale: skipped (--quick)');
else print('Scale (synthetic libraries built in temporary folders)', await benchScale([4, 100, 400], (line) => console.log(line)));
