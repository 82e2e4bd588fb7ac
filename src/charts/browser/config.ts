// The Chart.js configuration of a chart figure, built in one place for both ways of drawing it: in
// the chart worker on an OffscreenCanvas (./chart-worker.ts) and, where a browser cannot, on the
// page (./draw.ts). It reads nothing of the page: the colours, font, screen width and motion
// preference come in a Theme that the page reads (./figure.ts). Only the parts used are registered,
// so the bundle carries line and bar charts, two scales, the legend and tooltips and nothing else.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type LinearScaleOptions,
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import type { ChartSpec, RegionYearSpec } from '../model.ts';
import { tickLabel, valueLabel } from './number.ts';
import { SERIES_COLOURS, type Theme } from './figure.ts';

/**
 * The value axis, with its numbers written by ./number.ts instead of Intl (Chart.js formats ticks
 * and tooltip values with Intl.NumberFormat; creating the first one stalls a slow phone ~100 ms).
 */
class ValueScale extends LinearScale {
  static override id = 'value';
  // Merged over LinearScale's own defaults by Chart.js's registry (the parent class registers first).
  static override defaults = { ticks: { callback: tickLabel } };
  override getLabelForValue(value: number): string {
    return valueLabel(value);
  }
}
declare module 'chart.js' {
  interface CartesianScaleTypeRegistry {
    value: { options: LinearScaleOptions };
  }
}

Chart.register(BarController, BarElement, CategoryScale, ValueScale, LineController, LineElement, PointElement, Legend, Tooltip);

export { Chart };

/** The configuration of a figure's chart: the regency bars of `year` for a regional chart, else its series. */
export function chartConfig(spec: ChartSpec, year: RegionYearSpec | undefined, theme: Theme): ChartConfiguration {
  return year ? regionChart(spec, year, theme) : seriesChart(spec, theme);
}

const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'cross', 'dash', 'line'] as const;

function baseOptions(spec: ChartSpec, theme: Theme, legend: boolean) {
  const size = theme.narrow ? 12 : 13;
  return {
    responsive: true,
    maintainAspectRatio: false,
    // Axis numbers as the works write them: 1.000 and 2,5.
    locale: 'id-ID',
    animation: theme.reducedMotion ? (false as const) : { duration: 400 },
    color: theme.fg,
    font: { family: theme.font, size },
    plugins: {
      legend: { display: legend, labels: { color: theme.fg, usePointStyle: true, font: { family: theme.font, size } } },
      tooltip: {
        backgroundColor: theme.fg,
        titleColor: theme.bg,
        bodyColor: theme.bg,
        borderColor: theme.rule,
        borderWidth: 1,
        padding: 10,
        titleFont: { family: theme.font, size: 14, weight: 'bold' as const },
        bodyFont: { family: theme.font, size: 14 },
        usePointStyle: true,
        boxPadding: 4,
      },
    },
    scales: {
      x: { ticks: { color: theme.fg, font: { family: theme.font, size } }, grid: { color: theme.rule } },
      y: {
        ticks: { color: theme.fg, font: { family: theme.font, size } },
        grid: { color: theme.rule },
        title: { display: true, text: spec.axis, color: theme.soft, font: { family: theme.font, size } },
      },
    },
  };
}

/** "Nama: 22,61%" from the formatted texts the server prepared. */
function seriesLabel(spec: ChartSpec) {
  return (item: TooltipItem<'line' | 'bar'>) => `${item.dataset.label}: ${spec.series[item.datasetIndex]?.texts[item.dataIndex] ?? ''}`;
}

function seriesChart(spec: ChartSpec, theme: Theme): ChartConfiguration<'line' | 'bar'> {
  const line = spec.kind === 'line';
  const stacked = spec.kind === 'stacked';
  const many = spec.series.length > 1;
  const options = baseOptions(spec, theme, many);
  const datasets = spec.series.map((s, i): ChartDataset<'line' | 'bar', (number | null)[]> => {
    const colour = theme.series[i % SERIES_COLOURS]!;
    return line
      ? {
          type: 'line',
          label: s.label,
          data: s.values,
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: 2,
          // Series that agree overlap: each later series has a larger, hollow marker and a dashed
          // line, so a value given by two works shows as two marks, and colour is not needed.
          borderDash: i === 0 ? [] : [6 - i, 3],
          pointRadius: 4 + i * 2.5,
          pointHoverRadius: 6 + i * 2.5,
          pointBorderWidth: 2,
          pointBackgroundColor: i === 0 ? colour : theme.bg,
          pointStyle: POINT_STYLES[i % POINT_STYLES.length],
          spanGaps: false,
        }
      : { type: 'bar', label: s.label, data: s.values, backgroundColor: colour, borderColor: theme.bg, borderWidth: stacked ? 1 : 0 };
  });
  return {
    type: line ? 'line' : 'bar',
    data: { labels: spec.kind === 'bar' ? spec.labels.map((l) => wrapLabel(l, 12)) : spec.labels, datasets },
    options: {
      ...options,
      interaction: { mode: 'index', intersect: false },
      // Grouped bars leave out missing values, so the bars of a year stay centred on it.
      skipNull: !line && !stacked,
      plugins: { ...options.plugins, tooltip: { ...options.plugins.tooltip, callbacks: { label: seriesLabel(spec) } } },
      scales: {
        x: { ...options.scales.x, stacked },
        y: { ...options.scales.y, type: 'value', stacked, beginAtZero: !line },
      },
    },
  };
}

/** A dashed line across the bars at the province value, so each regency reads against it. */
const provinceLine: Plugin<'bar'> = {
  id: 'provinceLine',
  afterDatasetsDraw(chart) {
    const total = (chart.data.datasets[1]?.data ?? []).find((v) => typeof v === 'number');
    if (typeof total !== 'number') return;
    const x = chart.scales.x!.getPixelForValue(total);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    const colour = chart.data.datasets[1]!.backgroundColor;
    if (typeof colour === 'string') ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.restore();
  },
};

function regionChart(spec: ChartSpec, year: RegionYearSpec, theme: Theme): ChartConfiguration<'bar'> {
  const options = baseOptions(spec, theme, true);
  const bars = year.bars;
  const totalName = bars.find((b) => b.total)?.label;
  return {
    type: 'bar',
    data: {
      labels: bars.map((b) => (theme.narrow ? wrapLabel(b.label, 14) : b.label)),
      datasets: [
        { label: spec.strings.regencies, data: bars.map((b) => (b.total ? null : b.value)), backgroundColor: theme.bar, grouped: false },
        {
          label: totalName ? `${totalName} (${spec.strings.province})` : spec.strings.province,
          data: bars.map((b) => (b.total ? b.value : null)),
          backgroundColor: theme.total,
          grouped: false,
        },
      ],
    },
    plugins: [provinceLine],
    options: {
      ...options,
      indexAxis: 'y',
      interaction: { mode: 'index', axis: 'y', intersect: false },
      plugins: {
        ...options.plugins,
        tooltip: {
          ...options.plugins.tooltip,
          filter: (item) => item.raw !== null,
          callbacks: { label: (item) => bars[item.dataIndex]?.text ?? '' },
        },
      },
      scales: {
        x: { ...options.scales.x, type: 'value', beginAtZero: true, title: { ...options.scales.y.title } },
        y: {
          ...options.scales.x,
          // The province's label is bold, as its bar is coloured and crossed by the dashed line.
          ticks: {
            ...options.scales.x.ticks,
            autoSkip: false,
            font: (ctx) => ({ family: theme.font, size: options.font.size, weight: bars[ctx.index]?.total ? 'bold' : 'normal' }),
          },
          grid: { display: false },
        },
      },
    },
  };
}

/** Long names on two or more lines on phones, so the bars keep their width. */
function wrapLabel(label: string, max: number): string | string[] {
  if (label.length <= max) return label;
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
