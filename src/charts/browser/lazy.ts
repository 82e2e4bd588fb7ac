// Draws the charts of a page, loading the chart code only when the first chart comes near the
// viewport: the chart worker (offscreen.ts starts chart-worker.ts, Chart.js drawing on an
// OffscreenCanvas off the main thread) where the browser can transfer a canvas to a worker, else
// Chart.js on the page (draw.ts, a separate chunk). Pages without charts never load this script (it
// comes with ChartFigure).
// Charts are drawn one per task, so that a slow phone keeps scrolling between them. If the chart code
// cannot be fetched, each waiting chart shows its table and says so (data-failed, in the figure's
// language), and is drawn by itself when the connection returns.
import { yieldToBrowser } from './yield.ts';

const figures = document.querySelectorAll<HTMLElement>('figure[data-chart]');

interface Drawer {
  drawChart(figure: HTMLElement): Promise<void>;
}
const inWorker = typeof OffscreenCanvas === 'function' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;
// Two functions, so that the bundler's preloading of each import names only that import's files.
function inWorkerCode(): Promise<Drawer> {
  return import('./offscreen.ts').then((m) => m.start());
}
function onPageCode(): Promise<Drawer> {
  return import('./draw.ts');
}
const load = (): Promise<Drawer> => (inWorker ? inWorkerCode() : onPageCode());

let drawer: Promise<Drawer> | undefined;
/** Figures that came near while the chart code could not be fetched. */
const waiting = new Set<HTMLElement>();
const queue: HTMLElement[] = [];
let drawing = false;

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

function recovered(figure: HTMLElement): void {
  figure.querySelector('.chart-failed')?.remove();
  figure.querySelector<HTMLElement>('.chart-box')!.hidden = false;
}

async function drain(): Promise<void> {
  if (drawing) return;
  drawing = true;
  try {
    while (queue.length) {
      const loading = (drawer ??= load());
      let m: Drawer;
      try {
        m = await loading;
      } catch {
        if (drawer === loading) drawer = undefined;
        for (const f of queue.splice(0)) {
          waiting.add(f);
          fallback(f, f.dataset.failed ?? '');
        }
        return;
      }
      const figure = queue.shift()!;
      await yieldToBrowser();
      try {
        if (waiting.delete(figure)) recovered(figure);
        await m.drawChart(figure);
      } catch {
        fallback(figure, figure.dataset.unreadable ?? '');
      }
    }
  } finally {
    drawing = false;
  }
}

function enqueue(figure: HTMLElement): void {
  if (!queue.includes(figure)) queue.push(figure);
  void drain();
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
