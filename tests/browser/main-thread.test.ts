// The main thread while a chapter loads, on a 360 px phone with the CPU slowed 4x (a trace read by
// measure/main-thread.ts): what the site controls, and so what holds on a busy machine as on a
// quiet one. The scripts that run are the ones the page's budget counts (tests/content/budgets.test.ts
// weighs them from the built files), no other: code loaded on demand (search, the footnote popover,
// the annotator) stays unloaded until the reader asks, and nothing shifts the text as it loads.
// How long the tasks take, and how many pass 50 ms, is a figure of `npm run bench` (the same
// measure): a loaded machine slows every task, throttled or not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainThreadAtLoad } from '../../measure/main-thread.ts';
import { pageAssets } from '../../measure/pages.ts';
import { baseURL, useBrowser } from '../support/browser.ts';
import { DIST, hasCharts, readBuilt, works } from '../support/site.ts';

const browser = useBrowser();
const chapters = works().flatMap((w) => w.chapters.map((c) => `/${w.slug}/${c.slug}/`));
// One chapter of each kind, derived from content/: the first with a chart, the first without.
const pages = { 'text chapter': chapters.find((p) => !hasCharts(p)), 'chart chapter': chapters.find(hasCharts) };

/**
 * What the chart loader (a budgeted script that finds `figure[data-chart]`) imports when a chart
 * comes near: a chart in the first screen is drawn without the reader doing anything.
 */
function chartCode(budgeted: string[]): string[] {
  const code = (src: string) => readFileSync(join(DIST, src), 'utf8');
  return budgeted
    .filter((src) => code(src).includes('figure[data-chart]'))
    .flatMap((src) => [...code(src).matchAll(/\bimport\(\s*[`"'](\.{1,2}\/[^`"']+)[`"']\s*\)/g)].map((m) => join(src, '..', m[1]!)));
}

describe('the main thread while a chapter loads (CPU 4x slower, 360 px)', () => {
  it.each(Object.entries(pages).filter((e): e is [string, string] => !!e[1]))(
    '%s (%s): runs only the scripts its budget counts, and shifts nothing',
    async (_kind, path) => {
      const load = await mainThreadAtLoad(browser(), baseURL(), path);
      const budgeted = pageAssets(DIST, readBuilt(path)).scripts;
      // The page itself (its inline scripts) and its script files with their static imports, all of
      // them; on a chart chapter perhaps the chart code too, if a chart is in the first screen.
      const expected = [path, ...budgeted];
      expect(load.scripts.filter((s) => !expected.includes(s) && !chartCode(budgeted).includes(s))).toEqual([]);
      expect(expected.filter((s) => !load.scripts.includes(s))).toEqual([]);
      expect(load.cls).toBeLessThan(0.1);
    },
  );

  it('finds a text chapter to load', () => {
    expect(pages['text chapter']).toBeDefined();
  });
});
