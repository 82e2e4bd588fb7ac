// Draws a page's charts in the chart worker (./chart-worker.ts): each canvas is transferred to it
// (transferControlToOffscreen), so Chart.js lays out and paints off the main thread. The page keeps
// what only the page can do: reading the spec and the theme (./figure.ts), the year chooser and the
// colour-scheme changes, the canvas's size (a ResizeObserver on its box, as Chart.js's own responsive
// mode watches it) and the pointer events over it, forwarded as {type, x, y}.
// Loaded by ./lazy.ts only in browsers with OffscreenCanvas, when the first chart comes near.
import { follow, readSpec, readTheme } from './figure.ts';
import { CHART_EVENTS, type FromWorker, type Size, type ToWorker } from './messages.ts';
import { yieldToBrowser } from './yield.ts';

interface Waiting {
  resolve: () => void;
  reject: (e: Error) => void;
}

let worker: Promise<Worker> | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 0;

function fail(error: Error): void {
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
}

/** The worker, once it has loaded; rejects if it cannot be fetched (then the next call tries again). */
function loadWorker(): Promise<Worker> {
  return (worker ??= new Promise<Worker>((resolve, reject) => {
    const w = new Worker(new URL('./chart-worker.ts', import.meta.url), { type: 'module', name: 'charts' });
    let ready = false;
    w.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'ready') {
        ready = true;
        resolve(w);
        return;
      }
      const wait = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.type === 'drawn') wait?.resolve();
      else wait?.reject(new Error('the chart could not be drawn'));
    });
    w.addEventListener('error', (e) => {
      // Reported here, as the table and its note tell the reader (./lazy.ts); not an uncaught error.
      e.preventDefault();
      const error = new Error('the chart worker failed');
      if (!ready) {
        worker = undefined;
        w.terminate();
        reject(error);
      } else fail(error);
    });
  }));
}

/** ./lazy.ts's drawer: resolves when the worker is there to draw. */
export async function start(): Promise<{ drawChart: (figure: HTMLElement) => Promise<void> }> {
  const w = await loadWorker();
  return { drawChart: (figure) => drawChart(w, figure) };
}

const sizeOf = (box: HTMLElement, rect: { width: number; height: number } = box.getBoundingClientRect()): Size => ({
  width: Math.floor(rect.width),
  height: Math.floor(rect.height),
  ratio: devicePixelRatio,
});

async function drawChart(w: Worker, figure: HTMLElement): Promise<void> {
  const spec = readSpec(figure);
  const box = figure.querySelector<HTMLElement>('.chart-box')!;
  const canvas = box.querySelector('canvas')!;
  const theme = readTheme(figure);
  await yieldToBrowser();
  const id = nextId++;
  const send = (message: ToWorker, transfer: Transferable[] = []) => w.postMessage(message, transfer);
  // The year chooser is in place before the chart's first frame (the worker's frame can reach the
  // screen before the page's next task; added after it, the chooser would push the chart down).
  follow(figure, spec, (year) => send({ type: 'redraw', id, year, theme: readTheme(figure) }));
  let size = sizeOf(box);
  const place = (s: Size) => {
    canvas.style.width = `${s.width}px`;
    canvas.style.height = `${s.height}px`;
  };
  place(size);
  const offscreen = canvas.transferControlToOffscreen();
  const drawn = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
  send({ type: 'draw', id, canvas: offscreen, spec, year: spec.defaultYear, theme, size }, [offscreen]);
  try {
    await drawn;
  } catch (e) {
    // ./lazy.ts shows the table instead: nothing to choose a year for.
    figure.querySelector('.chart-controls')!.replaceChildren();
    throw e;
  }

  new ResizeObserver(([entry]) => {
    if (!entry || (entry.contentRect.width === 0 && entry.contentRect.height === 0)) return;
    const next = sizeOf(box, entry.contentRect);
    if (next.width === size.width && next.height === size.height && next.ratio === size.ratio) return;
    size = next;
    place(size);
    send({ type: 'resize', id, size });
  }).observe(box);

  // Moves are sent once a frame (the last one), as Chart.js's DOM platform throttles them.
  let move: ToWorker | undefined;
  const flush = () => {
    if (move) send(move);
    move = undefined;
  };
  const forward = (e: MouseEvent | TouchEvent) => {
    const point = 'touches' in e ? (e.touches[0] ?? e.changedTouches[0]) : e;
    if (!point) return;
    const rect = canvas.getBoundingClientRect();
    const message: ToWorker = { type: 'event', id, event: { type: e.type, x: point.clientX - rect.left, y: point.clientY - rect.top } };
    if (e.type === 'mousemove' || e.type === 'touchmove') {
      if (!move) requestAnimationFrame(flush);
      move = message;
    } else {
      flush();
      send(message);
    }
  };
  for (const type of CHART_EVENTS) canvas.addEventListener(type, forward, { passive: true });

  figure.dataset.drawn = 'true';
}
