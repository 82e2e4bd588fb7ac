// The data model: one dataset = a tidy CSV (content/data/<id>.csv) plus its metadata beside it
// (content/data/<id>.yaml); comparisons (content/data/comparisons.yaml) put series from several
// datasets on one chart. The loader (loader.ts) validates both and reports file:line.
import { z } from 'astro/zod';

const text = z.string().trim().min(1);
export const bilingual = z.strictObject({ id: text, en: text });

/** What the rows are split by besides the year; the CSV column of the same name. */
export const DIMENSIONS = ['region', 'level', 'measure'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const CHART_KINDS = ['line', 'bar-region', 'bar', 'stacked', 'grouped'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** e.g. { id: persen, en: percent, symbol: "%" }; `symbol` follows values in tooltips and tables. */
const unit = z.strictObject({ id: text, en: text, symbol: text.optional() });

const metaShape = {
  title: bilingual,
  unit,
  /** The work (content/works/<work>.yaml) and chapter (content/chapters/<work>/<chapter>.mdx). */
  work: text,
  chapter: text,
  /** The table or figure number as printed ("Tabel 1.1", "Gambar 4.1"); absent for values in prose. */
  label: text.optional(),
  /** The table or figure caption as printed. */
  caption: text.optional(),
  source: z.strictObject({
    /** The source line exactly as the work prints it ("Sumber: (STATISTik, 2024)"). */
    printed: text,
    /** Key of the entry in content/bibliography.json; absent until that entry exists. */
    bibKey: text.optional(),
  }),
  /** Tables: values from a printed table. Prose: values from sentences, each row with its quote. */
  kind: z.enum(['table', 'prose']),
  dimension: z.enum(DIMENSIONS).optional(),
  /** The row that is the province total ("Nusa Tenggara Timur"): marked in charts, left out of stacks. */
  total: text.optional(),
  chart: z.enum(CHART_KINDS),
  /**
   * Where a printed table's rows are in the source text and what its columns are, so the data test
   * (tests/content/data.test.ts) reads every value from the source and holds the CSV to it, however
   * the table was laid out: `rows`, the source's line numbers of the value rows ("812-830", header
   * lines left out); `columns`, one word a column in printed order: `name` (the row's name: the
   * region, level or measure), `year` (the row's year), `value`, a year (2012: that year's values),
   * or `skip` (a column left out, such as "No"); `separator`: `tab` or `spaces` (read from the rows when
   * left out). Without it the test reads the layouts of today's works by itself.
   */
  printedTable: z
    .strictObject({
      rows: z.string().regex(/^\d+(-\d+)?$/, 'line numbers of the source: "812" or "812-830"'),
      columns: z.array(z.union([z.enum(['name', 'year', 'value', 'skip']), z.number().int().min(1000).max(2999)])).min(2),
      separator: z.enum(['tab', 'spaces']).optional(),
    })
    .optional(),
  /** Labels of the `measure` values (prose series count different things: cases, victims). */
  measures: z.record(z.string(), bilingual).optional(),
  notes: z.array(bilingual).default([]),
};

export const datasetMeta = z.strictObject(metaShape).superRefine((m, ctx) => {
  if (m.chart === 'bar-region' && m.dimension !== 'region') {
    ctx.addIssue({ code: 'custom', path: ['chart'], message: 'a "bar-region" chart needs `dimension: region`' });
  }
  if ((m.chart === 'stacked' || m.chart === 'bar') && !m.dimension) {
    ctx.addIssue({ code: 'custom', path: ['chart'], message: `a "${m.chart}" chart needs a \`dimension\`` });
  }
  if (m.kind === 'table') {
    for (const field of ['label', 'caption'] as const) {
      if (!m[field]) ctx.addIssue({ code: 'custom', path: [field], message: `a printed table needs \`${field}\` (as the source prints it)` });
    }
  }
  if (m.dimension === 'measure' && !m.measures) {
    ctx.addIssue({ code: 'custom', path: ['measures'], message: 'a dataset with `dimension: measure` needs `measures` (a label for each)' });
  }
});
export type DatasetMeta = z.infer<typeof datasetMeta>;

export const row = z.object({
  /** Line in the CSV file. */
  line: z.number().int(),
  year: z.number().int(),
  /** The dimension value (region, level or measure) exactly as printed; absent without a dimension. */
  key: z.string().optional(),
  /** Null where the source prints "-" (an empty cell in the CSV). */
  value: z.number().nullable(),
  /** The value as written in the CSV, decimals kept ("20.10"). */
  text: z.string(),
  /** Prose datasets: the words of the source that give this value. */
  quote: z.string().optional(),
});
export type Row = z.infer<typeof row>;

/** An entry of the `datasets` collection: the validated metadata with the rows of its CSV. */
export const dataset = z.object({
  ...metaShape,
  /** content/data/<id>.csv as written (served for download). */
  csv: z.string(),
  csvFile: z.string(),
  rows: z.array(row),
});

export const comparison = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: bilingual,
  unit,
  /** Why the series are compared and what the reader should know about them. */
  intro: text,
  series: z
    .array(
      z.strictObject({
        dataset: text,
        /** Short legend label. */
        label: text,
        /** Keep only the rows whose dimension value is this (e.g. the province row of a regency table). */
        key: text.optional(),
      }),
    )
    .min(2),
});
export type Comparison = z.infer<typeof comparison>;
