// The reader of the sources' printed tables (tests/support/source-tables.ts), on each layout it knows.
import { describe, expect, it } from 'vitest';
import { declaredValues, tableLines, tableValues } from '../support/source-tables.ts';

describe('source tables', () => {
  it('reads a row of years over rows of a name and values separated by spaces', () => {
    const lines = tableLines(['Tabel 1.1 Jumlah uji', '2021 2022', 'Kota Uji 7 9', 'Kabupaten Lain 1,5 -', 'Sumber: uji'], 'Tabel 1.1 Jumlah uji');
    expect(tableValues(lines, 'Tabel 1.1 Jumlah uji')).toEqual([
      { key: 'Kota Uji', year: 2021, value: '7' },
      { key: 'Kota Uji', year: 2022, value: '9' },
      { key: 'Kabupaten Lain', year: 2021, value: '1.5' },
      { key: 'Kabupaten Lain', year: 2022, value: '' },
    ]);
  });

  it('reads a row of years over one row of values', () => {
    expect(tableValues(['2014 2015', '10,5 11'], 'x')).toEqual([
      { year: 2014, value: '10.5' },
      { year: 2015, value: '11' },
    ]);
  });

  it('reads tab-separated rows under a row of years', () => {
    expect(tableValues(['\t2012\t2013', 'Kupang\t1\t2'], 'x')).toEqual([
      { key: 'Kupang', year: 2012, value: '1' },
      { key: 'Kupang', year: 2013, value: '2' },
    ]);
  });

  it('names the caption it cannot find', () => {
    expect(() => tableLines(['Tabel 2'], 'Tabel 9 Hilang')).toThrow(/caption "Tabel 9 Hilang" not found/);
  });

  describe('a table read as its dataset declares it (printedTable)', () => {
    it('reads a tab-separated table with a lower-case header, one year a row', () => {
      const lines = ['Tabel 1.1 Jumlah kasus', 'No\tTahun\tJumlah', '1\t2021\t7', '2\t2022\t9', 'Sumber: uji'];
      expect(declaredValues(lines, { rows: '3-4', columns: ['skip', 'year', 'value'] })).toEqual([
        { year: 2021, value: '7' },
        { year: 2022, value: '9' },
      ]);
    });

    it('reads names of several words with years across, separated by spaces', () => {
      const lines = ['Kota Uji Baru 7 9,5', 'Kabupaten Lain - 2'];
      expect(declaredValues(lines, { rows: '1-2', columns: ['name', 2021, 2022], separator: 'spaces' })).toEqual([
        { key: 'Kota Uji Baru', year: 2021, value: '7' },
        { key: 'Kota Uji Baru', year: 2022, value: '9.5' },
        { key: 'Kabupaten Lain', year: 2021, value: '' },
        { key: 'Kabupaten Lain', year: 2022, value: '2' },
      ]);
    });

    it('names the line whose cells do not match the columns, and rows outside the source', () => {
      expect(() => declaredValues(['1\t2021'], { rows: '1', columns: ['skip', 'year', 'value'] })).toThrow(
        /line 1 .* 2 cells but printedTable.columns names 3/,
      );
      expect(() => declaredValues(['x'], { rows: '2-3', columns: ['year', 'value'] })).toThrow(/the source has lines 1-1/);
    });
  });
});
