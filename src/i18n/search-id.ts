// The search scripts' strings in Indonesian, in a module of their own: src/search/browser/text.ts
// imports them, and no other part of the dictionary comes with them (id.ts includes them as its
// search section, and takes the helpers for counts of works from here).

/**
 * Strings the search scripts use in the browser. A separate export, so that a script that imports
 * it bundles these strings only, not the whole dictionary.
 */
/** "lima" for 5 (number words up to ten, digits above), for counts of works taken from content/. */
export const angka = (n: number) => ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'][n] ?? String(n);
/** "keempat karya" (all four works): "kelima", "semua 12"; one work is just "karya ini". */
export const keSemua = (n: number) => (n === 1 ? 'satu' : n <= 10 ? `ke${angka(n)}` : `semua ${n}`);
export const kapital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const searchText = {
  label: 'Cari di pustaka',
  placeholder: 'Cari kata atau frasa',
  submit: 'Cari',
  shortcut: 'Tekan / untuk mencari dari halaman mana pun.',
  pageTitle: 'Cari di pustaka',
  pageIntro: (works: number) =>
    `Cari di seluruh teks ${keSemua(works)} karya, termasuk catatan kaki, tabel, dan daftar pustaka. Kata berimbuhan ikut ditemukan: “miskin” juga menemukan “kemiskinan”. Alamat halaman ini memuat pencarian Anda, sehingga dapat dibagikan.`,
  pageForm: 'Pencarian dengan penyaring',
  filters: 'Saring hasil',
  filterWork: 'Karya',
  filterKind: 'Jenis halaman',
  filterYear: 'Tahun',
  kinds: { bab: 'Bab', pustaka: 'Daftar pustaka', data: 'Data dan grafik', karya: 'Halaman karya', singkatan: 'Daftar singkatan', koreksi: 'Riwayat koreksi' },
  noYear: 'Tahun tidak disebutkan',
  apply: 'Terapkan',
  loading: 'Memuat pencarian…',
  prompt: 'Ketik kata yang dicari.',
  count: (n: number, q: string) => `${n} hasil untuk “${q}”.`,
  none: (q: string) => `Tidak ada hasil untuk “${q}”. Coba kata lain atau kurangi penyaring.`,
  toResults: 'Panah bawah atau Tab menuju hasil; Escape menutupnya.',
  more: 'Tampilkan hasil berikutnya',
  all: (n: number) => `Lihat semua ${n} hasil dan penyaring`,
  resultsLabel: 'Hasil pencarian',
  sections: 'Bagian yang cocok',
  failed: 'Pencarian tidak dapat dimuat: sambungan internet terputus. Pencarian dicoba lagi dengan sendirinya begitu sambungan kembali.',
  notSaved: 'Belum tersimpan untuk dibaca tanpa internet: halaman ini terbuka lagi saat tersambung, atau simpan karyanya.',
  noScript: 'Pencarian di halaman ini memerlukan JavaScript. Tanpa JavaScript, gunakan daftar isi setiap karya di halaman Pustaka.',
  notFoundSearch: 'Atau cari halaman yang Anda maksud:',
};
export type SearchText = typeof searchText;
