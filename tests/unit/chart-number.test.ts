// The charts' own number formatting (src/charts/browser/number.ts) against Intl's id-ID, which it replaces
// to spare a slow phone the locale's loading: the same text for every value and number of decimals.
import { describe, expect, it } from 'vitest';
import { idNumber, tickLabel, valueLabel } from '../../src/charts/browser/number.ts';

const values = [0, 1, -1, 2.5, 12.25, 999, 1000, 1234.5, -1234.5, 12345, 123456.789, 1234567, 0.04, -0.0004, 100000, 99.995, 5e6];

describe('chart numbers', () => {
  // Except that a negative value rounded to zero prints "0", where Intl says "-0".
  it('print as Intl.NumberFormat("id-ID") does, for 0 to 4 decimals', () => {
    for (const v of values) {
      for (let d = 0; d <= 4; d++) {
        const intl = new Intl.NumberFormat('id-ID', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v).replace(/^-(0(,0+)?)$/, '$1');
        expect(idNumber(v, d), `${v} with ${d}`).toBe(intl);
      }
    }
  });

  it('label ticks with the decimals their step needs, as Chart.js would through Intl', () => {
    const ticks = (step: number, n = 6) => Array.from({ length: n }, (_, i) => ({ value: Number((i * step).toFixed(6)) }));
    for (const step of [0.5, 0.25, 1, 2, 5, 10, 250, 1000, 0.05]) {
      const ts = ticks(step);
      for (const [i, t] of ts.entries()) {
        const delta = ts[2]!.value - ts[1]!.value;
        const d =
          t.value === 0
            ? 0
            : Math.max(0, -Math.floor(Math.log10(Math.abs(Math.abs(delta) >= 1 && t.value !== Math.floor(t.value) ? t.value - Math.floor(t.value) : delta))));
        const intl = t.value === 0 ? '0' : new Intl.NumberFormat('id-ID', { minimumFractionDigits: d, maximumFractionDigits: d }).format(t.value);
        expect(tickLabel(t.value, i, ts), `${t.value} in steps of ${step}`).toBe(intl);
      }
    }
    expect(tickLabel(1500, 1, [{ value: 0 }, { value: 1500 }, { value: 3000 }])).toBe('1.500');
    expect(tickLabel(2.5, 1, [{ value: 0 }, { value: 2.5 }, { value: 5 }])).toBe('2,5');
  });

  it('read values with their own decimals', () => {
    expect(valueLabel(22.61)).toBe('22,61');
    expect(valueLabel(1234)).toBe('1.234');
  });
});
