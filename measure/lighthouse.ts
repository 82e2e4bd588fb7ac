// Lighthouse (the `lighthouse` npm package) on the built site, mobile (its default: a mid-range phone,
// simulated slow 4G and 4x CPU slowdown, computed from one unthrottled load, which keeps the scores
// steady on a busy machine), one run per page type, in Debian's Chromium (no browser download):
// Chromium is started here with a debugging port and Lighthouse opens its own tab in it.
// One runner for the figures (`npm run bench`) and the browser test (tests/browser/lighthouse.test.ts).
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  /** Category scores, 0–100. */
  scores: Record<Category, number>;
  /** Audits that lost points: "category/audit-id: title (score)". */
  failing: string[];
  /** Core figures of the simulated load. */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Runs Lighthouse on each URL in turn (never in parallel: the timings would disturb each other),
 * `runs` times, and keeps for each URL the run with the median performance score (Lighthouse's own
 * advice for scores that vary: on a shared machine a busy moment turns into long tasks).
 */
export async function runLighthouse(urls: string[], { runs = 1 } = {}): Promise<Map<string, LighthouseResult>> {
  const all = new Map<string, LighthouseResult[]>();
  for (let i = 0; i < runs; i++) {
    for (const [url, result] of await runOnce(urls)) all.set(url, [...(all.get(url) ?? []), result]);
  }
  return new Map([...all].map(([url, results]) => [url, results.sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(results.length / 2)]!]));
}

async function runOnce(urls: string[]): Promise<Map<string, LighthouseResult>> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', `--remote-debugging-port=${port}`],
  });
  const results = new Map<string, LighthouseResult>();
  try {
    for (const url of urls) {
      const run = await lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failing = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
          .filter(({ audit }) => audit.score !== null && audit.score < 1)
          .map(({ ref, audit }) => `${c}/${ref.id}: ${audit.title} (${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})`),
      );
      const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      results.set(url, {
        scores,
        failing,
        metrics: {
          fcp: value('first-contentful-paint'),
          lcp: value('largest-contentful-paint'),
          tbt: value('total-blocking-time'),
          cls: value('cumulative-layout-shift'),
        },
      });
    }
  } finally {
    await browser.close();
  }
  return results;
}
