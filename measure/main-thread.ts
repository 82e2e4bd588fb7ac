// The main thread's work while a page loads, from a Chromium trace with the CPU slowed (DevTools'
// Emulation.setCPUThrottlingRate, 4x: a mid-range phone), on a 360 px phone screen with the
// service worker blocked: every task, the long ones (over 50 ms), the script work in them, which
// of the site's scripts ran, and the layout shift (PerformanceObserver "layout-shift").
//
// What holds on any machine and what does not: which scripts run, how many, and the layout shift
// are the site's doing (tests/browser/main-thread.test.ts holds them); how long each task takes,
// and so how many pass 50 ms, depends as much on what else the machine runs as on the site (a
// throttled CPU is slowed by the factor on top of whatever load the machine has), so those are
// figures of `npm run bench` (scripts/bench.ts).
import type { Browser } from 'playwright-core';

export interface MainThreadAtLoad {
  /** Top-level tasks of the page's main thread, in ms, in order. */
  tasks: number[];
  /** Tasks over 50 ms. */
  longTasks: number[];
  /** The longest of the site's script work inside one task, in ms (evaluating a file, running a handler). */
  longestScript: number;
  /** Script work (evaluation, function calls, compilation) on the main thread, in ms. */
  scriptMs: number;
  /** The site's script files that ran on the main thread (site paths, each once, in order). */
  scripts: string[];
  /** Cumulative layout shift (without shifts caused by input) until the page settled. */
  cls: number;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

const SCRIPT_TOP = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'v8.compile', 'v8.compileModule']);

/** Loads `path` with the CPU `rate` times slower and reads the main thread's work from a trace. */
export async function mainThreadAtLoad(browser: Browser, baseURL: string, path: string, rate = 4): Promise<MainThreadAtLoad> {
  const context = await browser.newContext({
    baseURL,
    serviceWorkers: 'block',
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'blink.user_timing'] });
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    // Work the page schedules after load (idle callbacks, a chart near the first screen).
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 500), { timeout: 3000 })));
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const events = trace.traceEvents;
    // The renderer's main thread: the thread named CrRendererMain of the process that ran the page's scripts.
    const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const origin = new URL(baseURL).origin;
    const own = (url: string | undefined) => !!url && url.startsWith(origin);
    const isMain = (e: TraceEvent) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
    const mainEvents = events.filter((e) => isMain(e) && own(e.args?.data?.url) && SCRIPT_TOP.has(e.name));
    const pid = mainEvents[0]?.pid;
    const main = mains.find((m) => m.pid === pid);
    const on = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    // RunTask is the scheduler's top-level task (ThreadControllerImpl::RunTask, nested in it, is the same one).
    const tasks = on.filter((e) => e.name === 'RunTask').map((e) => (e.dur ?? 0) / 1000);
    const ownScript = on.filter((e) => SCRIPT_TOP.has(e.name) && own(e.args?.data?.url));
    const scripts = [...new Set(ownScript.map((e) => new URL(e.args!.data!.url!).pathname))];
    const scriptMs = on.filter((e) => SCRIPT_TOP.has(e.name)).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
    const longestScript = Math.max(0, ...ownScript.map((e) => (e.dur ?? 0) / 1000));
    return { tasks, longTasks: tasks.filter((t) => t > 50), longestScript, scriptMs, scripts, cls };
  } finally {
    await context.close();
  }
}
