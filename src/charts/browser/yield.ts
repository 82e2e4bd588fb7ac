// Gives the browser a turn (input, paint) between two pieces of chart work, so that drawing a chart
// on a slow phone is several short tasks rather than one long one: scheduler.yield() where there is
// one (the rest of the work keeps its place in line), otherwise a new task.
export const yieldToBrowser = (): Promise<void> =>
  new Promise((resolve) => {
    const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (s?.yield) void s.yield().then(resolve, resolve);
    else setTimeout(resolve, 0);
  });
