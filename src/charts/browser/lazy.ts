// Draws the charts of a page, loading the chart code only when the first chart comes near the
// viewport: the chart worker (offscreen.ts starts chart-worker.ts, Chart.js drawing on an
// OffscreenCanvas off the main thread) where the browser can transfer a canvas to a worker, else
// Chart.js on the page (draw.ts, a separate chunk), with the drawing queue (queue.ts). Pages
// without charts never load this script (it comes with ChartFigure); it runs on every chart
// chapter's first load, so it holds only what must be there before a chart nears (issue #26).
import type { Drawer, Host } from './queue.ts';

const figures = document.querySelectorAll<HTMLElement>('figure[data-chart]');

const inWorker = typeof OffscreenCanvas === 'function' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;
// Two functions, so that the bundler's preloading of each import names only that import's files.
function inWorkerCode(): Promise<Drawer> {
  return import('./offscreen.ts').then((m) => m.start());
}
function onPageCode(): Promise<Drawer> {
  return import('./draw.ts');
}

/** Without a chart (code unavailable, unreadable spec), show the table instead of an empty box. */
function fallback(figure: HTMLElement, message: string): void {
  figure.querySelector<HTMLElement>('.chart-box')!.hidden = true;
  figure.querySelector<HTMLDetailsElement>('.chart-data')!.open = true;
  let note = figure.querySelector<HTMLElement>('.chart-failed');
  if (!note) {
    note = document.createElement('p');
    note.className = 'chart-failed';
    note.setAttribute('role', 'status');
    figure.querySelector('.chart-controls')?.after(note);
  }
  note.textContent = message;
}

/** Figures that came near while the chart code could not be fetched. */
const waiting = new Set<HTMLElement>();
let code: Promise<Drawer> | undefined;
/** The chart code, fetched once (again after a failure). */
function load(): Promise<Drawer> {
  const loading = (code ??= inWorker ? inWorkerCode() : onPageCode());
  loading.catch(() => code === loading && (code = undefined));
  return loading;
}
const host: Host = { load, fallback, waiting };
let queue: Promise<typeof import('./queue.ts')> | undefined;

function enqueue(figure: HTMLElement): void {
  // The chart code starts coming with the queue, not after it.
  load().catch(() => {});
  const loading = (queue ??= import('./queue.ts'));
  loading.then(
    (m) => m.enqueue(figure, host),
    () => {
      if (queue === loading) queue = undefined;
      waiting.add(figure);
      fallback(figure, figure.dataset.failed ?? '');
    },
  );
}

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const figure = entry.target as HTMLElement;
      observer.unobserve(figure);
      enqueue(figure);
    }
  },
  // Start a little before the chart scrolls into view, so it is drawn when the reader gets there.
  { rootMargin: '300px 0px' },
);
figures.forEach((f) => observer.observe(f));

// The connection is back: the charts that could not be drawn are drawn now.
addEventListener('online', () => [...waiting].forEach(enqueue));

// Printing: every table open (a chart not yet drawn would print as an empty box).
addEventListener('beforeprint', () => {
  for (const figure of figures) {
    figure.querySelector<HTMLDetailsElement>('.chart-data')!.open = true;
    if (!figure.dataset.drawn) figure.querySelector<HTMLElement>('.chart-box')!.hidden = true;
  }
});
