// Draws one chart figure with Chart.js on the page itself: the fallback for browsers that cannot
// draw in the chart worker (no OffscreenCanvas or transferControlToOffscreen; see ./lazy.ts). The
// configuration is the worker's (./config.ts); colours come from CSS custom properties (light and
// dark palettes in global.css) and follow a change of colour scheme.
import { Chart, chartConfig } from './config.ts';
import { follow, readSpec, readTheme } from './figure.ts';
import { yieldToBrowser } from './yield.ts';

/**
 * Draws a figure's chart in two tasks: reading the spec and the theme (a style computation), then
 * building the chart (Chart.js lays it out and animates the first draw over the next frames).
 * Throws (and draws nothing) when the spec is unreadable; src/charts/browser/lazy.ts then shows the table.
 */
export async function drawChart(figure: HTMLElement): Promise<void> {
  const spec = readSpec(figure);
  const canvas = figure.querySelector<HTMLCanvasElement>('.chart-box canvas')!;
  const yearOf = (y: number | undefined) => spec.regionYears?.find((r) => r.year === y);
  // Reading the theme makes the browser compute styles; the chart is built in the next task.
  const theme = readTheme(figure);
  await yieldToBrowser();
  let chart = new Chart(canvas, chartConfig(spec, yearOf(spec.defaultYear), theme));
  follow(figure, spec, (year) => {
    chart.destroy();
    chart = new Chart(canvas, chartConfig(spec, yearOf(year), readTheme(figure)));
  });
  figure.dataset.drawn = 'true';
}
