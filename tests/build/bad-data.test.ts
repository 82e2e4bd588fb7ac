// Bad data stops the build with the file, the line and the reason, and no site is written.
import { describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, buildFixture } from '../support/fixture-build.ts';
import { DATA_CHAPTER, DATA_META, dataSite } from '../support/data-fixture.ts';

describe('the build stops on bad data', { timeout: BUILD_TIMEOUT }, () => {
  it('builds the valid fixture, chart and CSV included (so the failures below are caused by the defects alone)', () => {
    const r = buildFixture(dataSite());
    expect(r.output).toContain('/data/uji-tabel.csv');
    expect(r.output).toContain('/uji/bab-1-pendahuluan/index.html');
    expect(r.status).toBe(0);
  });

  it('names file and line of a malformed CSV', () => {
    const r = buildFixture(dataSite({ csv: 'year,value\n2020,12.5\n2021,"\n' }));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/data/uji-tabel.csv:3: malformed CSV: a quoted field is never closed');
    expect(r.dist).toBe('absent');
  });

  it('names file and line of a non-numeric value', () => {
    const r = buildFixture(dataSite({ csv: 'year,value\n2020,12.5\n2021,n/a\n' }));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/data/uji-tabel.csv:3: value "n/a" is not a number');
    expect(r.dist).toBe('absent');
  });

  it('names file, line and field of missing metadata', () => {
    const r = buildFixture(dataSite({ meta: DATA_META.replace(/^source:\n.*\n/m, '') }));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/data/uji-tabel.yaml:1: missing field `source` (required)');
    expect(r.dist).toBe('absent');
  });

  it('names file, line and column of a chart naming an unknown dataset', () => {
    const chapter = `${DATA_CHAPTER}\nTeks.\n\n<Chart dataset="tidak-ada" />\n`;
    const r = buildFixture(dataSite({ chapter }));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/chapters/uji/bab-1-pendahuluan.mdx:24:1');
    expect(r.output).toContain('<Chart dataset="tidak-ada"> names no dataset: there is no content/data/tidak-ada.yaml (known: uji-tabel)');
    expect(r.dist).toBe('absent');
  });
});
