// The sentence splitter of "Dengarkan" (src/listen/sentences.ts): Indonesian abbreviations,
// initials, section numbers and numbers never end a sentence; real ends do; with Intl.Segmenter
// and with the simple rule used where a browser lacks it.
import { describe, expect, it } from 'vitest';
import { MAX_PART, speakableParts, splitSentences, spoken } from '../../src/listen/sentences.ts';

const sentences = (text: string, useSegmenter: boolean) => splitSentences(text, 'id', useSegmenter).map((s) => text.slice(s.start, s.end));

describe.each([
  ['Intl.Segmenter', true],
  ['the simple rule', false],
])('sentences with %s', (_name, seg) => {
  it('splits at real sentence ends, keeping the punctuation and closing quotes', () => {
    expect(sentences('Ini kalimat pertama. Ini kedua! Apakah ini ketiga? “Ya.” Selesai.', seg)).toEqual([
      'Ini kalimat pertama.',
      'Ini kedua!',
      'Apakah ini ketiga?',
      '“Ya.”',
      'Selesai.',
    ]);
  });

  it.each([
    ['dkk. before a lowercase word or a year', 'Menurut Niko dkk. (2019) kemiskinan meningkat. Kalimat kedua.', 2],
    ['dkk. before a comma', 'Menurut (Niko dkk., 2019) kemiskinan meningkat. Kalimat kedua.', 2],
    ['No. before a number', 'Undang-Undang No. 21 Tahun 2007 mengatur hal itu. Kalimat kedua.', 2],
    ['hlm. before a number', 'Lihat Suharto (2010, hlm. 15) tentang hal itu. Kalimat kedua.', 2],
    ['a decimal comma', 'Angkanya naik 1,5 persen. Kalimat kedua.', 2],
    ['a thousands point', 'Sekitar 200.000 PMI kembali pada 2020. Kalimat kedua.', 2],
    ['an academic degree', 'Kepada Bapak Yohanes, S.H., M.H. selaku pembimbing. Kalimat kedua.', 2],
    ['S.H. inside a sentence', 'Ditandatangani Budi S.H. pada hari itu. Kalimat kedua.', 2],
    ['titles before a name', 'Dr. Ir. Yohanes Nggeo membuka acara. Kalimat kedua.', 2],
    ['an initial in a name', 'Menurut Yohanes A. Nggeo hal itu benar. Kalimat kedua.', 2],
    ['a section number', '1.1. Latar Belakang', 1],
    ['an enumerator', 'a. Faktor ekonomi', 1],
    ['Rp. before an amount', 'Biayanya Rp. 500.000 per orang. Kalimat kedua.', 2],
  ])('does not break on %s', (_what, text, n) => {
    const found = sentences(text, seg);
    expect(found, found.join(' | ')).toHaveLength(n);
    expect(found.join(' ')).toBe(text);
  });

  it('ends a sentence at dkk. or dll. when a capital follows', () => {
    expect(sentences('Hal ini diteliti oleh Niko dkk. Penelitian itu penting.', seg)).toHaveLength(2);
    expect(sentences('Ada beras, jagung, dll. Semuanya mahal.', seg)).toHaveLength(2);
  });

  it('covers the text: the sentences joined by spaces are the text, nothing lost, nothing added', () => {
    const text = 'Pada tahun 1944, ILO menetapkan Deklarasi Philadelphia. Pekerja bukan komoditas (ILO, 2007). Selebihnya “kemiskinan mengancam.” Demikian.';
    expect(sentences(text, seg).join(' ')).toBe(text);
  });

  it('gives no sentence for empty text, spaces or punctuation alone', () => {
    expect(sentences('', seg)).toEqual([]);
    expect(sentences('   \n ', seg)).toEqual([]);
    expect(sentences(' . ', seg)).toEqual([]);
  });

  it('trims the spaces and line breaks around a sentence', () => {
    expect(sentences('\n  Satu.\n  Dua.  ', seg)).toEqual(['Satu.', 'Dua.']);
  });
});

describe('long sentences', () => {
  const long = Array.from({ length: 12 }, (_, i) => `bagian kalimat yang cukup panjang nomor ${i + 1}`).join(', ') + '.';

  it('are read in parts of at most MAX_PART characters, cut after a comma, together the whole sentence', () => {
    expect(long.length).toBeGreaterThan(MAX_PART);
    const parts = speakableParts(long).map((s) => long.slice(s.start, s.end));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_PART);
    for (const p of parts.slice(0, -1)) expect(p.endsWith(',')).toBe(true);
    expect(parts.join(' ')).toBe(long);
  });

  it('a sentence within the limit is one part', () => {
    expect(speakableParts('Kalimat pendek.')).toEqual([{ start: 0, end: 15 }]);
  });

  it('a long run without commas is cut at a space', () => {
    const words = Array.from({ length: 80 }, () => 'kata').join(' ');
    const parts = speakableParts(words).map((s) => words.slice(s.start, s.end));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_PART);
    expect(parts.join(' ')).toBe(words);
  });
});

it('spoken text has single spaces', () => {
  expect(spoken('  Satu\n   dua\tTiga ')).toBe('Satu dua Tiga');
});
