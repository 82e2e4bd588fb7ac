// The charts' drawing queue, loaded with the chart code when the first chart comes near (by
// ./lazy.ts, which stays small because every chart chapter runs it on load). Charts are drawn one
// per task, so that a slow phone keeps scrolling between them. If the chart code cannot be fetched,
// each waiting chart shows its table and says so (data-failed, in the figure's language), and is
// drawn by itself when the connection returns (./lazy.ts hands it back).
import { yieldToBrowser } from './yield.ts';

export interface Drawer {
  drawChart(figure: HTMLElement): Promise<void>;
}

/** What ./lazy.ts gives: how to load the chart code, show a table instead, and the figures waiting for the connection. */
export interface Host {
  load: () => Promise<Drawer>;
  fallback: (figure: HTMLElement, message: string) => void;
  waiting: Set<HTMLElement>;
}

let drawer: Promise<Drawer> | undefined;
const queue: HTMLElement[] = [];
let drawing = false;

function recovered(figure: HTMLElement): void {
  figure.querySelector('.chart-failed')?.remove();
  figure.querySelector<HTMLElement>('.chart-box')!.hidden = false;
}

async function drain(host: Host): Promise<void> {
  if (drawing) return;
  drawing = true;
  try {
    while (queue.length) {
      const loading = (drawer ??= host.load());
      let m: Drawer;
      try {
        m = await loading;
      } catch {
        if (drawer === loading) drawer = undefined;
        for (const f of queue.splice(0)) {
          host.waiting.add(f);
          host.fallback(f, f.dataset.failed ?? '');
        }
        return;
      }
      const figure = queue.shift()!;
      await yieldToBrowser();
      try {
        if (host.waiting.delete(figure)) recovered(figure);
        await m.drawChart(figure);
      } catch {
        host.fallback(figure, figure.dataset.unreadable ?? '');
      }
    }
  } finally {
    drawing = false;
  }
}

export function enqueue(figure: HTMLElement, host: Host): void {
  if (!queue.includes(figure)) queue.push(figure);
  void drain(host);
}
