// What both ways of drawing a chart read from the page (./draw.ts on the page, ./offscreen.ts with
// the chart worker): the figure's spec, the theme in force now, the year chooser of a regency chart,
// and the changes (colour scheme, the reader's theme switch) after which a chart is drawn again.
// Nothing here runs when the module loads, and nothing imports Chart.js, so the chart worker's
// configuration code (./config.ts) can share the Theme and its series count.
import type { ChartSpec } from '../model.ts';

export const SERIES_COLOURS = 9;

/** The look of the page now, as a canvas can paint it (colours resolved) and as the chart adapts to it. */
export interface Theme {
  fg: string;
  soft: string;
  rule: string;
  bg: string;
  font: string;
  series: string[];
  bar: string;
  total: string;
  /** A phone-sized screen: smaller type, long names wrapped. */
  narrow: boolean;
  /** The reader asks for less motion: the first frame is the final one. */
  reducedMotion: boolean;
}

/** A spec as the page carries it (the figure's JSON data block), checked enough to be drawn; throws otherwise. */
export function readSpec(figure: HTMLElement): ChartSpec {
  const spec = JSON.parse(figure.querySelector(':scope > script.chart-spec')?.textContent ?? '') as ChartSpec;
  if (!spec || typeof spec !== 'object' || !Array.isArray(spec.series) || !Array.isArray(spec.labels)) throw new Error('unreadable chart spec');
  return spec;
}

export function readTheme(el: HTMLElement): Theme {
  // Theme colours are light-dark() pairs: a probe element resolves one to the colour in force now
  // (system scheme or the reader's chosen theme), which is what a canvas can paint with.
  const probe = document.createElement('span');
  probe.hidden = true;
  el.append(probe);
  const v = (name: string) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  const theme = {
    fg: v('--fg'),
    soft: v('--fg-soft'),
    rule: v('--rule'),
    bg: v('--bg'),
    font: getComputedStyle(el).getPropertyValue('--font-ui').trim(),
    series: Array.from({ length: SERIES_COLOURS }, (_, i) => v(`--chart-${i + 1}`)),
    bar: v('--chart-bar'),
    total: v('--chart-total'),
    narrow: matchMedia('(max-width: 30rem)').matches,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
  };
  probe.remove();
  return theme;
}

/** A year chooser for a regency chart; the summary follows the year shown. */
export function yearChooser(figure: HTMLElement, spec: ChartSpec, onChange: (year: number) => void): void {
  const controls = figure.querySelector<HTMLElement>('.chart-controls')!;
  const label = document.createElement('label');
  label.textContent = `${spec.strings.chooseYear} `;
  const select = document.createElement('select');
  for (const y of spec.regionYears ?? []) select.add(new Option(String(y.year), String(y.year), false, y.year === spec.defaultYear));
  select.addEventListener('change', () => onChange(Number(select.value)));
  label.append(select);
  controls.append(label);
}

/**
 * Wires a drawn chart to what changes it: the year chooser (the summary and the box's height follow
 * the year), the system colour scheme and the reader's own light/dark switch (data-theme on <html>).
 * `redraw` gets the year to show (undefined for a chart without years).
 */
export function follow(figure: HTMLElement, spec: ChartSpec, redraw: (year: number | undefined) => void): void {
  const box = figure.querySelector<HTMLElement>('.chart-box')!;
  const summary = figure.querySelector<HTMLElement>('.chart-summary')!;
  let shown = spec.regionYears ? spec.defaultYear : undefined;
  if (spec.regionYears) {
    yearChooser(figure, spec, (y) => {
      const year = spec.regionYears!.find((r) => r.year === y);
      if (!year) return;
      shown = y;
      box.style.setProperty('--bars', String(year.bars.length));
      summary.textContent = year.summary;
      redraw(shown);
    });
  }
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => redraw(shown));
  new MutationObserver(() => redraw(shown)).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
