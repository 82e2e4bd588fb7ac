// Quoting and reporting without a browser: the text fragment a quotation links with (built, parsed
// back, found in a text), REPORT_URL as the build takes it, the report's address cut at its limit,
// and stored reports read back as every stored value is (damaged ones dropped, never thrown).
import { describe, expect, it } from 'vitest';
import { checkStoredReports, FORM_LIMIT, MAILTO_LIMIT, parseReportUrl, reportAddress } from '../../src/quote/report.ts';
import { directiveFor, findDirective, fragmentFor, LONG_QUOTE, normalise, parseFragment } from '../../src/quote/text-fragment.ts';

describe('text fragments', () => {
  it('a short quotation is its own words; a long one its first and last words', () => {
    expect(directiveFor('  Dua  kata\n')).toEqual({ start: 'Dua kata' });
    const long = Array.from({ length: 30 }, (_, i) => `kata${i}`).join(' ');
    expect(long.length).toBeGreaterThan(LONG_QUOTE);
    expect(directiveFor(long)).toEqual({ start: 'kata0 kata1 kata2 kata3', end: 'kata26 kata27 kata28 kata29' });
  });

  it('encodes the directive’s own separators and reads them back', () => {
    const d = directiveFor('pasca-reformasi, 50% & lebih', { before: 'satu dua tiga empat', after: 'lima enam tujuh delapan' });
    const f = fragmentFor('p-3f9a0c12', d);
    expect(f).toBe('p-3f9a0c12:~:text=dua%20tiga%20empat-,pasca%2Dreformasi%2C%2050%25%20%26%20lebih,-lima%20enam%20tujuh');
    expect(parseFragment(`#${f}`)).toEqual({ id: 'p-3f9a0c12', directives: [d] });
    expect(parseFragment('#p-3f9a0c12:~:text=a,b')).toEqual({ id: 'p-3f9a0c12', directives: [{ start: 'a', end: 'b' }] });
  });

  it('a malformed fragment gives nothing to mark, never an error', () => {
    expect(parseFragment('#p-1')).toBeUndefined();
    expect(parseFragment('#p-1:~:text=%E0%A4%A')).toEqual({ id: 'p-1', directives: [] });
    expect(parseFragment('#%zz:~:text=')).toEqual({ id: '', directives: [] });
  });

  it('finds the words with their prefix and suffix, whatever the case', () => {
    const text = normalise('Kata yang sama. Di sini kata yang sama lagi, dan kata yang sama.');
    const [from, to] = findDirective(text, { prefix: 'di sini', start: 'kata yang sama', suffix: 'lagi' })!;
    expect(text.slice(from, to)).toBe('kata yang sama');
    expect(from).toBe(text.indexOf('Di sini') + 'Di sini '.length);
    expect(findDirective(text, { start: 'sini', end: 'dan' })).toEqual([text.indexOf('sini'), text.indexOf('dan') + 3]);
    expect(findDirective(text, { start: 'tidak ada' })).toBeUndefined();
  });
});

describe('REPORT_URL', () => {
  it('takes a mail address or an issue form, nothing else', () => {
    expect(parseReportUrl(undefined)).toBeUndefined();
    expect(parseReportUrl(' ')).toBeUndefined();
    expect(parseReportUrl('mailto:koreksi@example.org')).toBe('mailto:koreksi@example.org');
    expect(parseReportUrl('https://github.com/o/r/issues/new')).toBe('https://github.com/o/r/issues/new');
    expect(parseReportUrl('https://github.com/o/r/issues/new?labels=teks')).toBe('https://github.com/o/r/issues/new?labels=teks');
    for (const bad of ['mailto:', 'mailto:a@b?subject=x', 'koreksi@example.org', 'ftp://x.org/', 'https://x.org/new?title=a', 'javascript:alert(1)']) {
      expect(() => parseReportUrl(bad), bad).toThrow(/REPORT_URL .*mailto:koreksi@example.org/);
    }
  });
});

describe('a report’s address', () => {
  const body = (n: number) => `Yang salah: ${'kata '.repeat(n)}🙂 akhir`;

  it('carries the subject and body percent-encoded, whole when it fits', () => {
    const a = reportAddress('mailto:koreksi@example.org', 'Kesalahan: Karya (p-1)', 'Baris satu\nBaris & dua', '[dipotong]');
    expect(a).toBe('mailto:koreksi@example.org?subject=Kesalahan%3A%20Karya%20(p-1)&body=Baris%20satu%0ABaris%20%26%20dua');
    const f = reportAddress('https://github.com/o/r/issues/new?labels=teks', 'T', 'B', '[cut]');
    expect(f).toBe('https://github.com/o/r/issues/new?labels=teks&title=T&body=B');
  });

  it('is cut at the limit, on a whole character, and says so', () => {
    for (const [url, limit] of [
      ['mailto:koreksi@example.org', MAILTO_LIMIT],
      ['https://github.com/o/r/issues/new', FORM_LIMIT],
    ] as const) {
      const a = reportAddress(url, 'Judul', body(4000), '[dipotong]');
      expect(a.length).toBeLessThanOrEqual(limit);
      expect(a.length).toBeGreaterThan(limit - 20);
      const text = decodeURIComponent(a.slice(a.indexOf('body=') + 5));
      expect(text.startsWith('Yang salah: kata kata')).toBe(true);
      expect(text.endsWith('… [dipotong]')).toBe(true);
    }
  });
});

describe('stored reports', () => {
  const url = 'mailto:koreksi@example.org';
  const good = { address: `${url}?subject=a&body=b`, passage: 'kata', created: '2026-12-06T10:00:00.000Z' };

  it('keeps what reads as a report for this setting and drops the rest', () => {
    expect(checkStoredReports(JSON.stringify([good]), url)).toEqual([good]);
    expect(checkStoredReports(JSON.stringify([good, { ...good, address: 'https://elsewhere.example/?a' }, { ...good, created: 'x' }, null, 3]), url)).toEqual([
      good,
    ]);
    for (const damaged of ['{', '"x"', '{"address":1}', 'null', '']) expect(checkStoredReports(damaged, url)).toEqual([]);
    expect(checkStoredReports(JSON.stringify([good]), 'mailto:other@example.org')).toEqual([]);
  });
});
