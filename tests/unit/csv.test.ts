// The CSV reader of src/data: RFC 4180 fields, and the line of every record for error messages.
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, toCsv } from '../../src/data/csv.ts';

describe('parseCsv', () => {
  it('reads plain and quoted fields, with the line each record starts on', () => {
    const text = 'year,value,quote\n2015,22.58,"Pada tahun 2015, tingkat ""kemiskinan"""\n2021,,"dua\nbaris"\n2022,1,x\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['year', 'value', 'quote'] },
      { line: 2, fields: ['2015', '22.58', 'Pada tahun 2015, tingkat "kemiskinan"'] },
      { line: 3, fields: ['2021', '', 'dua\nbaris'] },
      { line: 5, fields: ['2022', '1', 'x'] },
    ]);
  });

  it('accepts CRLF line ends, a byte-order mark and a missing final newline', () => {
    expect(parseCsv('\ufeffa,b\r\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it.each([
    ['an unclosed quote', 'a,b\n1,"dua\n3,4\n', 2, /never closed/],
    ['a quote inside an unquoted field', 'a,b\n1,2\n3,4"5\n', 3, /quote inside an unquoted field/],
    ['text after a closing quote', 'a,b\n"1"x,2\n', 2, /after a closing quote/],
    ['an empty line', 'a,b\n1,2\n\n3,4\n', 3, /empty line/],
  ])('reports %s with its line', (_what, text, line, reason) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).line).toBe(line);
    expect((error as CsvError).reason).toMatch(reason);
  });

  it('reads back what toCsv writes', () => {
    const rows = [
      ['series', 'year', 'value'],
      ['Skripsi IOM NTT, Tabel 1', '2015', '22.58'],
      ['a "b"', '2016', ''],
    ];
    expect(parseCsv(toCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});
