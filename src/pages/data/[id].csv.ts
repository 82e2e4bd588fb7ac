// Each dataset's CSV at /data/<id>.csv, exactly as written in content/data/, and each comparison's
// series as one CSV (series,year,value).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../data/csv.ts';
import { getComparisons } from '../../data/datasets.ts';
import { DEFAULT_LOCALE } from '../../i18n/index.ts';

export const getStaticPaths = (async () => {
  const datasets = (await getCollection('datasets')).map((d) => ({ params: { id: d.id }, props: { csv: d.data.csv } }));
  const comparisons = (await getComparisons(DEFAULT_LOCALE)).map(({ entry, input }) => ({
    params: { id: entry.id },
    props: { csv: toCsv([['series', 'year', 'value'], ...input.rows.map((r) => [r.key ?? '', String(r.year), r.text])]) },
  }));
  return [...datasets, ...comparisons];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.csv as string, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
