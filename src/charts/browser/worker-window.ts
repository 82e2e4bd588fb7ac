// Imported first by the chart worker, before Chart.js: Chart.js picks its animation clock when it
// loads, window.requestAnimationFrame where there is a window and, in a worker, a stand-in that calls
// back at once (an animation then runs in one busy loop and overflows the stack; chartjs/Chart.js
// issues 11891 and 10305). A dedicated worker has requestAnimationFrame of its own: naming the
// worker's global scope `window` lets Chart.js find it. Chart.js's page-only code also asks for a
// `document`, which stays absent, so it never takes the worker for a page.
const scope = globalThis as unknown as { window?: unknown };
scope.window ??= globalThis;

export {};
