// Turns a dataset (or a comparison of datasets) into what a chart figure shows: the spec the
// browser draws with Chart.js, the text summary, and the data table. Pure functions of the rows and
// of the page's dictionary (Indonesian or English interface), shared by the chapter pages, the data
// page and the unit tests.
import type { Dictionary } from '../i18n/id.ts';
import type { ChartKind, Dimension, Row } from '../data/schema.ts';
import { registerCache } from '../build/cache.ts';

export interface ChartInput {
  /** Used for element ids and the CSV address. */
  id: string;
  /** In the page's language, from the dataset's metadata. */
  title: string;
  kind: ChartKind;
  /** The unit's name in the page's language ("persen", "percent") and its symbol, if any ("%"). */
  unit: { name: string; symbol?: string | undefined };
  dimension?: Dimension | undefined;
  /** The province row of a regency table. */
  total?: string | undefined;
  /** Display labels of dimension values (measures, comparison series). */
  labels?: Record<string, string> | undefined;
  /** Heading of the first table column when it is not the dimension's own name. */
  keyHeading?: string | undefined;
  rows: Row[];
}

/** One series of a line, grouped, stacked or bar chart; `texts` are the formatted values. */
export interface SeriesSpec {
  label: string;
  values: (number | null)[];
  texts: (string | null)[];
}

export interface RegionYearSpec {
  year: number;
  summary: string;
  /** `total` only on the province's bar (said once, not `false` on every regency's). */
  bars: { label: string; value: number; text: string; total?: true }[];
}

/** What the browser needs to draw the chart (serialised into the figure's JSON data block, ChartFigure.astro). */
export interface ChartSpec {
  kind: ChartKind;
  /** Value-axis title, e.g. "persen". */
  axis: string;
  labels: string[];
  series: SeriesSpec[];
  regionYears?: RegionYearSpec[];
  defaultYear?: number;
  strings: { chooseYear: string; regencies: string; province: string };
}

export interface Cell {
  text: string | null;
  href?: string | undefined;
  quote?: boolean;
}

export interface TableView {
  columns: string[];
  rows: { header: string; cells: Cell[]; total?: boolean }[];
}

export interface ChartView {
  spec: ChartSpec;
  summary: string;
  table: TableView;
}

const formats = new Map<number, Intl.NumberFormat>();
registerCache('src/charts/model.ts: number formats, by decimals', 'build', 'the number of decimals (code)', () => formats.clear());

/** "22.61" -> "22,61", "1000" -> "1.000": Indonesian notation, the decimals as the source prints them. */
export function formatNumber(text: string): string {
  const decimals = text.split('.')[1]?.length ?? 0;
  let f = formats.get(decimals);
  if (!f) formats.set(decimals, (f = new Intl.NumberFormat('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f.format(Number(text));
}

export function unitSuffix(input: Pick<ChartInput, 'unit' | 'dimension' | 'labels'>): string {
  if (input.unit.symbol) return input.unit.symbol;
  return input.dimension === 'measure' || input.labels ? '' : ` ${input.unit.name}`;
}

/** "a", "a dan b", "a, b, dan c" (in English "a, b, and c"). */
export function joinList(items: string[], t: Dictionary): string {
  if (items.length < 3) return items.join(` ${t.chart.and} `);
  return `${items.slice(0, -1).join(', ')}, ${t.chart.and} ${items.at(-1)}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function keysInOrder(rows: Row[]): string[] {
  return [...new Set(rows.map((r) => r.key ?? ''))];
}

function yearsOf(rows: Row[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

function seriesFor(input: ChartInput, keys: string[], years: number[], suffix: string): SeriesSpec[] {
  return keys.map((key) => {
    const byYear = new Map(input.rows.filter((r) => (r.key ?? '') === key).map((r) => [r.year, r]));
    const points = years.map((y) => byYear.get(y));
    return {
      label: input.labels?.[key] ?? (key || input.title),
      values: points.map((r) => r?.value ?? null),
      texts: points.map((r) => (r && r.value !== null ? `${formatNumber(r.text)}${suffix}` : null)),
    };
  });
}

/** Per series: every value when there are few, else first, last, highest and lowest. */
function seriesDetails(series: SeriesSpec[], years: number[], t: Dictionary): string[] {
  return series.map((s) => {
    const points = years.flatMap((y, i) => (s.texts[i] ? [{ y, text: s.texts[i], value: s.values[i]! }] : []));
    let detail: string;
    if (points.length <= 6) detail = points.map((p) => `${p.y}: ${p.text}`).join('; ');
    else {
      const max = points.reduce((a, b) => (b.value > a.value ? b : a));
      const min = points.reduce((a, b) => (b.value < a.value ? b : a));
      detail = t.chart.summary.lineRange(
        `${points[0]!.text} (${points[0]!.y})`,
        `${points.at(-1)!.text} (${points.at(-1)!.y})`,
        `${max.text} (${max.y})`,
        `${min.text} (${min.y})`,
      );
    }
    return series.length > 1 ? t.chart.summary.lineSeries(s.label, detail) : `${detail}.`;
  });
}

function regionYear(input: ChartInput, year: number, suffix: string, count: number, t: Dictionary): RegionYearSpec {
  const rows = input.rows.filter((r) => r.year === year);
  const withValue = rows.filter((r): r is Row & { value: number } => r.value !== null);
  const bars = withValue
    .map((r) => ({ label: r.key ?? '', value: r.value, text: `${formatNumber(r.text)}${suffix}`, ...(r.key === input.total ? { total: true as const } : {}) }))
    .sort((a, b) => b.value - a.value);
  const missing = rows.filter((r) => r.value === null).map((r) => r.key ?? '');
  const regencies = bars.filter((b) => !b.total);
  const total = bars.find((b) => b.total);
  const s = t.chart.summary;
  const parts = [s.region(input.title, year)];
  if (!regencies.length && total) parts.push(s.regionOnlyTotal(`${total.label} ${total.text}`));
  else {
    const high = regencies[0];
    const low = regencies.at(-1);
    if (high && low) parts.push(s.regionExtremes(`${high.label} (${high.text})`, `${low.label} (${low.text})`));
    if (total) parts.push(s.regionTotal(`${total.label} ${total.text}`, regencies.filter((b) => b.value > total.value).length, regencies.length));
    if (missing.length && missing.length < count) parts.push(s.regionMissing(joinList(missing, t)));
  }
  return { year, summary: parts.join(' '), bars };
}

/** `t` is the dictionary of the page the chart is on: its summary, table and controls speak its language. */
export function buildChart(input: ChartInput, t: Dictionary, passageHref?: (row: Row) => string | undefined): ChartView {
  const suffix = unitSuffix(input);
  const years = yearsOf(input.rows);
  const keys = keysInOrder(input.rows);
  // The few strings the browser's chart code shows itself travel with the spec.
  const strings = { chooseYear: t.chart.chooseYear, regencies: t.chart.regencies, province: t.chart.province };
  const base = { kind: input.kind, axis: input.unit.name, strings };
  let spec: ChartSpec;
  let summary: string;

  switch (input.kind) {
    case 'line': {
      const axisYears = range(years[0]!, years.at(-1)!);
      const series = seriesFor(input, keys, axisYears, suffix);
      spec = { ...base, labels: axisYears.map(String), series };
      summary = [t.chart.summary.line(input.title, axisYears[0]!, axisYears.at(-1)!), ...seriesDetails(series, axisYears, t)].join(' ');
      break;
    }
    case 'grouped': {
      const series = seriesFor(input, keys, years, suffix);
      spec = { ...base, labels: years.map(String), series };
      summary = [t.chart.summary.grouped(input.title), ...seriesDetails(series, years, t)].join(' ');
      break;
    }
    case 'stacked': {
      const parts = keys.filter((k) => k !== input.total);
      const series = seriesFor(input, parts, years, suffix);
      spec = { ...base, labels: years.map(String), series };
      const largest = years.map((y, i) => {
        const top = series.reduce((a, b) => ((b.values[i] ?? -Infinity) > (a.values[i] ?? -Infinity) ? b : a));
        return `${y} ${top.label} (${top.texts[i]})`;
      });
      summary = `${t.chart.summary.stacked(input.title, parts.length)} ${t.chart.summary.stackedLargest(largest.join('; '))}`;
      break;
    }
    case 'bar': {
      // Categories in printed order; one series per year.
      const series = years.map((y) => {
        const byKey = new Map(input.rows.filter((r) => r.year === y).map((r) => [r.key ?? '', r]));
        const points = keys.map((k) => byKey.get(k));
        return {
          label: String(y),
          values: points.map((r) => r?.value ?? null),
          texts: points.map((r) => (r && r.value !== null ? `${formatNumber(r.text)}${suffix}` : null)),
        };
      });
      spec = { ...base, labels: keys, series };
      // The unit once, not after every value (unless it is a symbol such as %).
      const items = keys.map((k) => {
        const r = input.rows.find((x) => (x.key ?? '') === k && x.year === years[0]);
        return `${k} ${r && r.value !== null ? `${formatNumber(r.text)}${input.unit.symbol ?? ''}` : t.chart.missing}`;
      });
      summary = t.chart.summary.bar(input.unit.symbol ? input.title : `${input.title} (${input.unit.name})`, items.join(', '));
      break;
    }
    case 'bar-region': {
      const count = keys.length;
      const regionYears = years.map((y) => regionYear(input, y, suffix, count, t));
      // Show the latest year that has regency values; the others are a choice away.
      const shown = [...regionYears].reverse().find((ry) => ry.bars.some((b) => !b.total)) ?? regionYears.at(-1)!;
      spec = { ...base, labels: [], series: [], regionYears, defaultYear: shown.year };
      summary = `${shown.summary} ${t.chart.summary.otherYears}`;
      break;
    }
  }
  return { spec, summary, table: buildTable(input, t, passageHref) };
}

function buildTable(input: ChartInput, t: Dictionary, passageHref?: (row: Row) => string | undefined): TableView {
  const years = yearsOf(input.rows);
  const value = (r: Row | undefined): Cell => ({ text: r && r.value !== null ? formatNumber(r.text) : null });
  const unitLabel = `${t.chart.value} (${input.unit.symbol ?? input.unit.name})`;
  if (input.rows.some((r) => r.quote !== undefined)) {
    // Values from prose: one row per value, with the words that give it, linked to the passage.
    const columns = [t.chart.year, ...(input.dimension ? [t.chart.measure] : []), unitLabel, t.chart.quote];
    return {
      columns,
      rows: input.rows.map((r) => ({
        header: String(r.year),
        cells: [
          ...(input.dimension ? [{ text: input.labels?.[r.key ?? ''] ?? r.key ?? '' }] : []),
          value(r),
          { text: r.quote ?? '', href: passageHref?.(r), quote: true },
        ],
      })),
    };
  }
  // A row per key (region, level, measure, or the works of a comparison), a column per year.
  const keyHeading = input.keyHeading ?? (input.dimension && t.chart.dimensions[input.dimension]);
  if (!keyHeading) {
    return { columns: [t.chart.year, unitLabel], rows: input.rows.map((r) => ({ header: String(r.year), cells: [value(r)] })) };
  }
  return {
    columns: [keyHeading, ...years.map(String)],
    rows: keysInOrder(input.rows).map((key) => {
      const byYear = new Map(input.rows.filter((r) => r.key === key).map((r) => [r.year, r]));
      return { header: input.labels?.[key] ?? key, cells: years.map((y) => value(byYear.get(y))), total: key === input.total };
    }),
  };
}
