// The chart worker: draws the page's charts with Chart.js on OffscreenCanvases that the page
// (./offscreen.ts) transferred to it, so that laying a chart out (scales, text measuring: one
// indivisible call of ~135 ms on a phone 4× slower than a desktop) never blocks the page. Chart.js
// runs here on a platform of its own: the canvas's size and pixel ratio come from the page's
// ResizeObserver, and the pointer events the page forwards ({type, x, y}) go to the listeners
// Chart.js registered (tooltips, legend clicks). Fetched only when a chart comes near.
import './worker-window.ts';
import { BasePlatform, type Chart as ChartType, type ChartConfiguration, type ChartEvent } from 'chart.js';
import { Chart, chartConfig } from './config.ts';
import type { Theme } from './figure.ts';
import type { FromWorker, Size, ToWorker } from './messages.ts';
import type { ChartSpec } from '../model.ts';

/** As Chart.js registers them: pointer listeners take a ChartEvent, the 'resize' one a width and height. */
type Listener = (e: ChartEvent) => void;
type ResizeListener = (width: number, height: number) => void;

/** Each canvas's size in CSS pixels, as the page last measured it. */
const sizes = new WeakMap<object, Size>();
/** Each chart's listeners, by event type ('resize' included), as Chart.js registered them. */
const listeners = new WeakMap<ChartType, Map<string, Listener>>();
/** The screen's pixels per CSS pixel (one screen for every chart of the page). */
let ratio = 1;

/** Chart.js's names for native pointer events (its DOM platform's EVENT_TYPES). */
const EVENT_TYPES: Record<string, string> = { touchstart: 'mousedown', touchmove: 'mousemove', touchend: 'mouseup' };

class WorkerPlatform extends BasePlatform {
  override acquireContext(canvas: HTMLCanvasElement | OffscreenCanvas): CanvasRenderingContext2D | null {
    return canvas.getContext('2d') as unknown as CanvasRenderingContext2D | null;
  }
  override addEventListener(chart: ChartType, type: string, listener: Listener): void {
    if (!listeners.has(chart)) listeners.set(chart, new Map());
    listeners.get(chart)!.set(type, listener);
  }
  override removeEventListener(chart: ChartType, type: string): void {
    listeners.get(chart)?.delete(type);
  }
  override getDevicePixelRatio(): number {
    return ratio;
  }
  override getMaximumSize(canvas: HTMLCanvasElement | OffscreenCanvas, width?: number, height?: number): { width: number; height: number } {
    const size = sizes.get(canvas);
    return { width: Math.max(0, width ?? size?.width ?? 0), height: Math.max(0, height ?? size?.height ?? 0) };
  }
  override isAttached(): boolean {
    return true;
  }
}

interface Drawn {
  canvas: OffscreenCanvas;
  spec: ChartSpec;
  chart: ChartType;
}
const charts = new Map<number, Drawn>();

const post = (message: FromWorker) => postMessage(message);

function build(canvas: OffscreenCanvas, spec: ChartSpec, year: number | undefined, theme: Theme): ChartType {
  const config: ChartConfiguration = {
    ...chartConfig(
      spec,
      spec.regionYears?.find((r) => r.year === year),
      theme,
    ),
    platform: WorkerPlatform,
  };
  return new Chart(canvas as unknown as HTMLCanvasElement, config);
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'draw': {
      const { id, canvas, spec, year, theme, size } = message;
      try {
        sizes.set(canvas, size);
        ratio = size.ratio;
        charts.set(id, { canvas, spec, chart: build(canvas, spec, year, theme) });
        // Said after the next frame, when the chart's first frame has reached the page.
        requestAnimationFrame(() => post({ type: 'drawn', id }));
      } catch {
        post({ type: 'failed', id });
      }
      return;
    }
    case 'redraw': {
      const drawn = charts.get(message.id);
      if (!drawn) return;
      drawn.chart.destroy();
      drawn.chart = build(drawn.canvas, drawn.spec, message.year, message.theme);
      return;
    }
    case 'resize': {
      const drawn = charts.get(message.id);
      if (!drawn) return;
      sizes.set(drawn.canvas, message.size);
      ratio = message.size.ratio;
      const resize = listeners.get(drawn.chart)?.get('resize') as ResizeListener | undefined;
      resize?.(message.size.width, message.size.height);
      return;
    }
    case 'event': {
      const drawn = charts.get(message.id);
      const { type, x, y } = message.event;
      // A ChartEvent as Chart.js's DOM platform makes one: its type, the native event's type, the position.
      const event = { type: EVENT_TYPES[type] ?? type, chart: drawn?.chart, native: { type }, x, y } as unknown as ChartEvent;
      if (drawn) listeners.get(drawn.chart)?.get(type)?.(event);
      return;
    }
  }
}

addEventListener('message', (e: MessageEvent<ToWorker>) => {
  try {
    handle(e.data);
  } catch {
    // A redraw, resize or pointer event that failed leaves the chart as it was; nothing to tell the page.
  }
});
post({ type: 'ready' });
