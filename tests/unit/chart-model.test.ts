// What a chart shows, from the real datasets: the spec for Chart.js, the text summary, the table.
import { describe, expect, it } from 'vitest';
import { buildChart, formatNumber, joinList, type ChartInput } from '../../src/charts/model.ts';
import { readDataDir, type LoadedDataset } from '../../src/data/read.ts';
import { en } from '../../src/i18n/en.ts';
import { id as t } from '../../src/i18n/id.ts';
import { ROOT } from '../support/site.ts';

const { datasets } = readDataDir(ROOT);
/** As src/data/datasets.ts makes it: the metadata in the page's language. */
const input = (id: string, locale: 'id' | 'en' = 'id'): ChartInput => {
  const d = datasets.find((x) => x.id === id) as LoadedDataset;
  return {
    id,
    title: d.title[locale],
    kind: d.chart,
    unit: { name: d.unit[locale], symbol: d.unit.symbol },
    dimension: d.dimension,
    total: d.total,
    labels: d.measures && Object.fromEntries(Object.entries(d.measures).map(([k, v]) => [k, v[locale]])),
    rows: d.rows,
  };
};

describe('formatNumber', () => {
  it('writes Indonesian numbers with the decimals the source prints', () => {
    expect(formatNumber('20.10')).toBe('20,10');
    expect(formatNumber('100.00')).toBe('100,00');
    expect(formatNumber('1667')).toBe('1.667');
    expect(formatNumber('42')).toBe('42');
  });
});

describe('buildChart', () => {
  it('sorts a regency bar chart, marks the province and summarises the year shown', () => {
    const { spec, summary } = buildChart(input('kemiskinan-kabupaten-2012-2017'), t);
    expect(spec.defaultYear).toBe(2017);
    const bars = spec.regionYears!.find((y) => y.year === 2017)!.bars;
    expect(bars.map((b) => b.value)).toEqual([...bars.map((b) => b.value)].sort((a, b) => b - a));
    expect(bars.filter((b) => b.total).map((b) => b.label)).toEqual(['Nusa Tenggara Timur']);
    expect(summary).toContain('Tertinggi Sumba Tengah (36,01%); terendah Kota Kupang (9,81%)');
    expect(summary).toContain('Nilai provinsi (Nusa Tenggara Timur 21,85%) ditandai; 13 dari 22 kabupaten/kota berada di atasnya.');
    // 2012: Malaka has no value and no bar.
    const y2012 = spec.regionYears!.find((y) => y.year === 2012)!;
    expect(y2012.bars.some((b) => b.label === 'Malaka')).toBe(false);
    expect(y2012.summary).toContain('Tanpa nilai: Malaka.');
  });

  it('says when a year has only the province value (unemployment, 2016)', () => {
    const { spec } = buildChart(input('pengangguran-kabupaten-2012-2017'), t);
    expect(spec.defaultYear).toBe(2017);
    const y2016 = spec.regionYears!.find((y) => y.year === 2016)!;
    expect(y2016.bars).toEqual([{ label: 'Nusa Tenggara Timur', value: 3.25, text: '3,25%', total: true }]);
    expect(y2016.summary).toContain('sumber hanya memberi nilai provinsi, Nusa Tenggara Timur 3,25%');
  });

  it('stacks the education levels without the total row', () => {
    const { spec, summary, table } = buildChart(input('pendidikan-2012-2017'), t);
    expect(spec.labels).toEqual(['2012', '2013', '2014', '2015', '2016', '2017']);
    expect(spec.series).toHaveLength(9);
    expect(spec.series.map((s) => s.label)).not.toContain('Nusa Tenggara Timur');
    expect(spec.series.find((s) => s.label === 'S2/S3')!.values[2]).toBeNull();
    expect(summary).toContain('2016 Sekolah Dasar (SD) (35,77%)');
    expect(table.rows.at(-1)).toMatchObject({ header: 'Nusa Tenggara Timur', total: true });
  });

  it('draws a line over every year of the span, with gaps where a work gives no value', () => {
    const { spec, summary } = buildChart(input('kemiskinan-ntt-2015-2021'), t);
    expect(spec.labels).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021']);
    expect(spec.series[0]!.values).toEqual([22.58, null, null, null, null, null, 20.44]);
    expect(summary).toContain('2015: 22,58%; 2021: 20,44%.');
  });

  it('lists values from prose with their quote, linked to the passage', () => {
    const { table, spec } = buildChart(input('kasus-perdagangan-orang-2012-2015'), t, (r) => `/kokomakingi-2024/pendahuluan/#x${r.year}`);
    expect(spec.series.map((s) => s.label)).toEqual(['Kasus', 'Korban (orang)']);
    expect(table.columns).toEqual(['Tahun', 'Ukuran', 'Nilai (jumlah)', 'Kutipan']);
    expect(table.rows[0]).toEqual({
      header: '2012',
      cells: [{ text: 'Kasus' }, { text: '42' }, { text: 'tahun 2012 sebanyak 42 kasus', href: '/kokomakingi-2024/pendahuluan/#x2012', quote: true }],
    });
  });

  it('shows a missing value as missing, not as zero', () => {
    const { table } = buildChart(input('pengangguran-kabupaten-2012-2017'), t);
    const malaka = table.rows.find((r) => r.header === 'Malaka')!;
    expect(malaka.cells.map((c) => c.text)).toEqual([null, null, null, '4,08', null, '1,07']);
  });
});

describe('a comparison of works', () => {
  it('tables each work’s series in its own row, under the heading the page gives', () => {
    const rows = [
      { line: 2, year: 2014, key: 'Work A', value: 19.6, text: '19.60' },
      { line: 3, year: 2015, key: 'Work A', value: 22.61, text: '22.61' },
      { line: 2, year: 2015, key: 'Work B', value: 22.58, text: '22.58' },
    ];
    const comparison: ChartInput = { id: 'c', title: 'C', kind: 'line', unit: { name: 'percent', symbol: '%' }, labels: {}, keyHeading: en.data.work, rows };
    const { table } = buildChart(comparison, en);
    expect(table.columns).toEqual(['Work', '2014', '2015']);
    expect(table.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)])).toEqual([
      ['Work A', '19,60', '22,61'],
      ['Work B', null, '22,58'],
    ]);
  });
});

describe('in the English interface', () => {
  it('summarises, labels and heads the table in English, with the metadata’s English title and unit', () => {
    const { spec, summary, table } = buildChart(input('pengangguran-kabupaten-2012-2017', 'en'), en);
    expect(summary).toMatch(
      /^Bar chart: Open unemployment rate by regency\/city, East Nusa Tenggara, 2012–2017, for 2017, sorted from the highest value\. Highest /,
    );
    expect(summary).toContain('regencies/cities are above it. Other years are in the data table.');
    expect(spec.regionYears!.find((y) => y.year === 2016)!.summary).toContain('the source gives only the province value, Nusa Tenggara Timur 3,25%');
    expect(spec.strings).toEqual({ chooseYear: 'Year shown', regencies: 'Regencies/cities', province: 'province' });
    expect(spec.axis).toBe('percent');
    expect(table.columns[0]).toBe('Regency/city');
  });

  it('names the measures and the columns of values from prose in English', () => {
    const { spec, table } = buildChart(input('kasus-perdagangan-orang-2012-2015', 'en'), en);
    expect(table.columns).toEqual(['Year', 'Measure', 'Value (count)', 'Quotation']);
    expect(spec.series.map((s) => s.label)).toEqual(['Cases', 'Victims (persons)']);
    expect(table.rows[0]!.cells[0]).toEqual({ text: 'Cases' });
  });

  it('joins lists with the page’s word for "and"', () => {
    expect(joinList(['a', 'b', 'c'], t)).toBe('a, b, dan c');
    expect(joinList(['a', 'b'], en)).toBe('a and b');
  });
});
