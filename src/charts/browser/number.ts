// Numbers on the chart axes as the works print them (1.000 and 2,5), without Intl: the first
// Intl.NumberFormat a page creates loads the locale's data in one indivisible task, about 25 ms on
// this machine and 100 ms at 4x CPU throttling (a mid-range phone), the largest part of drawing the
// first chart (scripts/bench/charts.ts). tests/unit/chart-number.test.ts holds it to Intl's output.

/** `value` with `decimals` digits after the comma, thousands grouped by points (id-ID). */
export function idNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '', frac] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
}

/**
 * A linear axis' tick label: as many decimals as the step between ticks needs (Chart.js's own rule
 * in Ticks.formatters.numeric, which would format them through Intl).
 */
export function tickLabel(value: number, _index: number, ticks: { value: number }[]): string {
  if (value === 0) return '0';
  let delta = value;
  if (ticks.length > 1) {
    delta = ticks.length > 3 ? ticks[2]!.value - ticks[1]!.value : ticks[1]!.value - ticks[0]!.value;
    if (Math.abs(delta) >= 1 && value !== Math.floor(value)) delta = value - Math.floor(value);
  }
  const log = Math.log10(Math.abs(delta));
  const decimals = Number.isNaN(log) ? 1 : Math.max(Math.min(-Math.floor(log), 20), 0);
  return idNumber(value, decimals);
}

/** A value as the tooltip and the screen reader's label would read it: up to three decimals. */
export function valueLabel(value: number): string {
  const decimals = Math.min(3, (String(value).split('.')[1] ?? '').length);
  return idNumber(value, decimals);
}
