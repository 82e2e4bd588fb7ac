// Figures of the main thread while a text chapter and a chart chapter load (measure/main-thread.ts:
// a Chromium trace, CPU 4x slower, 360 px): tasks over 50 ms, the longest task, the longest piece
// of the site's own script work, and all script work. Figures, not tests: a loaded machine slows
// every task on top of the throttling. tests/browser/main-thread.test.ts holds what does not
// depend on it (which scripts run, layout shift).
import type { Browser } from 'playwright-core';
import { mainThreadAtLoad } from '../../measure/main-thread.ts';
import { pageTypes, type Figure } from '../../measure/pages.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${Math.round(n)} ms`;

export async function benchMainThread(browser: Browser, baseURL: string, dist: string, runs = 3): Promise<Figure[]> {
  const types = pageTypes(dist);
  const figures: Figure[] = [];
  for (const type of ['text chapter', 'chart chapter']) {
    const path = types[type]!;
    const loads = [];
    for (let i = 0; i < runs; i++) loads.push(await mainThreadAtLoad(browser, baseURL, path));
    figures.push({
      name: `${type} (${path}), median of ${runs}`,
      value:
        `${median(loads.map((l) => l.longTasks.length))} tasks over 50 ms (runs: ${loads.map((l) => l.longTasks.length).join(', ')}), ` +
        `longest task ${ms(median(loads.map((l) => Math.max(0, ...l.tasks))))}, ` +
        `longest piece of the site's scripts ${ms(median(loads.map((l) => l.longestScript)))}, ` +
        `script work ${ms(median(loads.map((l) => l.scriptMs)))} in ${loads[0]!.scripts.length} scripts, CLS ${median(loads.map((l) => l.cls)).toFixed(3)}`,
    });
  }
  return figures;
}
