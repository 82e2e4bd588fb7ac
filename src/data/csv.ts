// A strict CSV reader (RFC 4180: comma-separated, double-quoted fields with "" for a quote) that
// keeps the line of every record, so a bad cell can be reported as file:line. No dependency: the
// data files are small and the error messages are the point.

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  readonly line: number;
  readonly reason: string;
  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvError';
    this.line = line;
    this.reason = reason;
  }
}

/** Parses CSV text into records; throws CsvError (with the line) on malformed input. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.replace(/^\ufeff/, '');
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (src[i] === '"') {
        const open = line;
        i++;
        for (;;) {
          if (i >= src.length) throw new CsvError(open, 'a quoted field is never closed (missing ")');
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvError(line, `unexpected text after a closing quote: ${JSON.stringify(src.slice(i, i + 12))}`);
        }
      } else {
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          if (src[i] === '"') throw new CsvError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
          field += src[i];
          i++;
        }
      }
      fields.push(field);
      if (src[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (src[i] === '\r') i++;
    if (src[i] === '\n') i++;
    else if (i < src.length) throw new CsvError(line, 'a carriage return without a line feed');
    if (fields.length === 1 && fields[0] === '') throw new CsvError(start, 'empty line');
    records.push({ line: start, fields });
    line++;
  }
  return records;
}

/** Quotes a field when it needs it (comma, quote, line break, or outer spaces). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
