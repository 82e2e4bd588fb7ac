// The messages between the page (./offscreen.ts) and the chart worker (./chart-worker.ts).
import type { Theme } from './figure.ts';
import type { ChartSpec } from '../model.ts';

/** A canvas's size in CSS pixels and the screen's pixels per CSS pixel. */
export interface Size {
  width: number;
  height: number;
  ratio: number;
}

export type ToWorker =
  /** A new chart: its canvas (transferred), what it shows and how it looks. */
  | { type: 'draw'; id: number; canvas: OffscreenCanvas; spec: ChartSpec; year: number | undefined; theme: Theme; size: Size }
  /** The same chart again, with another year or theme. */
  | { type: 'redraw'; id: number; year: number | undefined; theme: Theme }
  | { type: 'resize'; id: number; size: Size }
  /** A pointer event on the canvas, at x, y in CSS pixels from its top left corner. */
  | { type: 'event'; id: number; event: { type: string; x: number; y: number } };

export type FromWorker =
  /** The worker has loaded (with Chart.js) and takes charts. */
  | { type: 'ready' }
  /** A chart's first frame is on its canvas (or, for `failed`, could not be drawn). */
  | { type: 'drawn' | 'failed'; id: number };

/** The pointer events a chart reacts to (Chart.js's default `events` option). */
export const CHART_EVENTS = ['mousemove', 'mouseout', 'click', 'touchstart', 'touchmove'] as const;
