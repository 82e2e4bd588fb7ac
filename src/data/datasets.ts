// The `datasets` and `comparisons` collections as pages use them: in reading order, with links to
// the place in a work where each value is printed.
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { dictionary, type Locale } from '../i18n/index.ts';
import { formatNumber, type ChartInput } from '../charts/model.ts';
import { ContentError, chapterUrl, getWorks, type Chapter, type Work } from '../works/works.ts';
import type { Row } from './schema.ts';
import { DATA_DIR } from '../paths.ts';
import { DATA_URL } from '../routes.ts';
import { registerCache } from '../build/cache.ts';

export type DatasetEntry = CollectionEntry<'datasets'>;
export type ComparisonEntry = CollectionEntry<'comparisons'>;

export async function getDataset(id: string): Promise<DatasetEntry> {
  const entry = await getEntry('datasets', id);
  if (!entry) throw new ContentError(`${DATA_DIR}/${id}.yaml`, `no dataset "${id}"`);
  return entry;
}

/** The id of a dataset's chart figure (the target of links to it). */
export const figureId = (datasetId: string) => `grafik-${datasetId}`;

/** Where the CSV is served (src/pages/data/[id].csv.ts). */
export const csvUrl = (id: string) => `${DATA_URL}${id}.csv`;

/** A unit of the metadata ({ id, en, symbol }) in the page's language. */
const unitIn = (unit: DatasetEntry['data']['unit'], locale: Locale): ChartInput['unit'] => ({ name: unit[locale], symbol: unit.symbol });

/** What a chart of the dataset shows, with the metadata's title, unit and labels in the page's language. */
export function chartInput(ds: DatasetEntry, locale: Locale): ChartInput {
  const d = ds.data;
  return {
    id: ds.id,
    title: d.title[locale],
    kind: d.chart,
    unit: unitIn(d.unit, locale),
    dimension: d.dimension,
    total: d.total,
    labels: d.measures && Object.fromEntries(Object.entries(d.measures).map(([k, v]) => [k, v[locale]])),
    rows: d.rows,
  };
}

export interface Place {
  work: Work;
  chapter: Chapter;
}

/** A dataset's work and chapter, looked up by id: every chart on every page asks, so never a scan. */
async function place(ds: DatasetEntry): Promise<Place> {
  const work = await getEntry('works', ds.data.work);
  const chapter = await getEntry('chapters', `${ds.data.work}/${ds.data.chapter}`);
  if (!work || !chapter) throw new ContentError(`${DATA_DIR}/${ds.id}.yaml`, `work "${ds.data.work}" has no chapter "${ds.data.chapter}"`);
  return { work, chapter };
}

/** Text fragment (#:~:text=) for a quote: browsers that know them scroll to and mark the words. */
export function textFragment(quote: string): string {
  return `:~:text=${encodeURIComponent(quote).replace(/-/g, '%2D')}`;
}

const sectionSlugs = new Map<string, { body: string | undefined; sections: Promise<{ offset: number; slug: string }[]> }>();
registerCache('src/data/datasets.ts: the sections of each chapter a dataset quotes', 'pages', "the chapter's body (made again when it differs)", () =>
  sectionSlugs.clear(),
);

/** Headings of a chapter with their offsets in its MDX body, to find the section a passage is in. */
function sectionsOf(chapter: Chapter): Promise<{ offset: number; slug: string }[]> {
  const hit = sectionSlugs.get(chapter.id);
  if (hit && hit.body === chapter.body) return hit.sections;
  const sections = render(chapter).then(({ headings }) => {
    const offsets = [...(chapter.body ?? '').matchAll(/^#{1,6} /gm)].map((m) => m.index);
    return headings.map((h, i) => ({ offset: offsets[i] ?? Infinity, slug: h.slug }));
  });
  sectionSlugs.set(chapter.id, { body: chapter.body, sections });
  return sections;
}

/** The offset of a quote in the chapter's MDX (whitespace-insensitive), or -1. */
function offsetOf(chapter: Chapter, quote: string): number {
  const pattern = quote
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(pattern).exec(chapter.body ?? '')?.index ?? -1;
}

/**
 * A link to the passage a value comes from: the chart beside a printed table, or, for a value in
 * prose, the section it stands in plus a text fragment of its quote.
 */
export async function passageLinker(ds: DatasetEntry): Promise<(row: Row) => string> {
  const { chapter } = await place(ds);
  const url = chapterUrl(chapter);
  if (ds.data.kind === 'table') return () => `${url}#${figureId(ds.id)}`;
  const sections = await sectionsOf(chapter);
  return (row) => {
    const at = offsetOf(chapter, row.quote ?? '');
    const section = sections.filter((s) => s.offset < at).at(-1);
    return `${url}#${section?.slug ?? ''}${textFragment(row.quote ?? '')}`;
  };
}

export interface DatasetInfo {
  entry: DatasetEntry;
  place: Place;
  /** Where in the work: "BAB IV Hasil dan Pembahasan, Gambar 4.1". */
  href: string;
}

/** Every dataset in reading order: by work, chapter, then position in the chapter. */
export async function getDatasets(): Promise<DatasetInfo[]> {
  const works = await getWorks();
  const infos = await Promise.all(
    (await getCollection('datasets')).map(async (entry) => {
      const p = await place(entry);
      const anchor = entry.data.kind === 'table' ? `dataset="${entry.id}"` : (entry.data.rows[0]?.quote ?? '');
      const offset = entry.data.kind === 'table' ? (p.chapter.body ?? '').indexOf(anchor) : offsetOf(p.chapter, anchor);
      const href = entry.data.kind === 'table' ? `${chapterUrl(p.chapter)}#${figureId(entry.id)}` : (await passageLinker(entry))(entry.data.rows[0]!);
      return { entry, place: p, href, key: [works.indexOf(p.work), p.chapter.data.order, offset] };
    }),
  );
  infos.sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!);
  return infos.map(({ entry, place, href }) => ({ entry, place, href }));
}

export interface ComparedValue {
  label: string;
  text: string;
  href: string;
}

export interface YearComparison {
  year: number;
  /** Values that differ, each with the sources that give it; one group when all agree. */
  groups: { value: number; text: string; from: ComparedValue[] }[];
}

export interface ComparisonView {
  entry: ComparisonEntry;
  input: ChartInput;
  years: YearComparison[];
}

/**
 * The series of a comparison as one chart, and, per year given by two or more works, who says what;
 * title, unit and headings in the page's language (the rows and CSV are the same in both).
 */
export async function buildComparison(entry: ComparisonEntry, locale: Locale): Promise<ComparisonView> {
  const c = entry.data;
  const rows: Row[] = [];
  const values: (ComparedValue & { year: number; value: number })[] = [];
  // Counts from different works may count different things: only a unit symbol ("%") follows them.
  const suffix = c.unit.symbol ?? '';
  for (const s of c.series) {
    const ds = await getDataset(s.dataset);
    const link = await passageLinker(ds);
    for (const r of ds.data.rows) {
      if (s.key !== undefined && r.key !== s.key) continue;
      rows.push({ line: r.line, year: r.year, key: s.label, value: r.value, text: r.text });
      if (r.value !== null) values.push({ label: s.label, year: r.year, value: r.value, text: `${formatNumber(r.text)}${suffix}`, href: link(r) });
    }
  }
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  const compared: YearComparison[] = [];
  for (const year of years) {
    const here = values.filter((v) => v.year === year);
    if (new Set(here.map((v) => v.label)).size < 2) continue;
    const groups: YearComparison['groups'] = [];
    for (const v of here) {
      const g = groups.find((x) => x.value === v.value);
      if (g) g.from.push(v);
      else groups.push({ value: v.value, text: v.text, from: [v] });
    }
    compared.push({ year, groups });
  }
  return {
    entry,
    input: { id: c.id, title: c.title[locale], kind: 'line', unit: unitIn(c.unit, locale), labels: {}, keyHeading: dictionary(locale).data.work, rows },
    years: compared,
  };
}

export async function getComparisons(locale: Locale): Promise<ComparisonView[]> {
  const entries = (await getCollection('comparisons')).sort((a, b) => a.data.order - b.data.order);
  return Promise.all(entries.map((e) => buildComparison(e, locale)));
}
