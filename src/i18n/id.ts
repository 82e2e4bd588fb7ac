// Every interface string in Indonesian, the default language. (An English dictionary comes with the
// interface-language switch; the works themselves stay in their own languages.)

/**
 * Strings the search scripts use in the browser. A separate export, so that a script that imports
 * it bundles these strings only, not the whole dictionary.
 */
export const searchText = {
  label: 'Cari di pustaka',
  placeholder: 'Cari kata atau frasa',
  submit: 'Cari',
  shortcut: 'Tekan / untuk mencari dari halaman mana pun.',
  pageTitle: 'Cari di pustaka',
  pageIntro:
    'Cari di seluruh teks keempat karya, termasuk catatan kaki, tabel, dan daftar pustaka. Kata berimbuhan ikut ditemukan: “miskin” juga menemukan “kemiskinan”. Alamat halaman ini memuat pencarian Anda, sehingga dapat dibagikan.',
  pageForm: 'Pencarian dengan penyaring',
  filters: 'Saring hasil',
  filterWork: 'Karya',
  filterKind: 'Jenis halaman',
  filterYear: 'Tahun',
  kinds: { bab: 'Bab', pustaka: 'Daftar pustaka', data: 'Data dan grafik', karya: 'Halaman karya' },
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
  failed: 'Pencarian tidak dapat dimuat. Periksa sambungan internet, lalu coba lagi.',
  noScript:
    'Pencarian di halaman ini memerlukan JavaScript. Tanpa JavaScript, gunakan daftar isi setiap karya di halaman Pustaka.',
  notFoundSearch: 'Atau cari halaman yang Anda maksud:',
} as const;

/** Strings for the offline status, shown by the small script every page runs (see searchText). */
export const offlineText = {
  saving: 'Menyimpan pustaka di perangkat ini agar dapat dibaca tanpa internet…',
  ready: 'Siap dibaca tanpa internet: semua bab dan pencarian tersimpan di perangkat ini.',
  update: 'Versi baru Ruang Baca NTT tersedia.',
  reload: 'Muat versi baru',
  failed: 'Pustaka belum dapat disimpan untuk dibaca tanpa internet.',
  close: 'Tutup pemberitahuan',
} as const;

export const id = {
  siteName: 'Ruang Baca NTT',
  siteTagline: 'Empat kajian tentang perdagangan orang, kemiskinan, dan pekerja migran di Nusa Tenggara Timur',
  skipToContent: 'Langsung ke isi',
  navLibrary: 'Pustaka',
  library: 'Pustaka',
  libraryIntro:
    'Ruang baca daring untuk empat karya ilmiah Indonesia tentang perdagangan orang, kemiskinan, dan pekerja migran di Nusa Tenggara Timur (NTT). Teks disajikan utuh sesuai sumbernya, dengan daftar isi, tautan ke setiap bagian, dan catatan tentang apa yang tidak tersedia dalam sumber.',
  workTypes: {
    skripsi: 'Skripsi',
    'journal-article': 'Artikel jurnal',
    'thesis-chapter': 'Bab skripsi',
  },
  languages: { id: 'Bahasa Indonesia', en: 'Bahasa Inggris', su: 'Bahasa Sunda' },
  abstractHeading: { id: 'Abstrak', en: 'Abstract', su: 'Ringkesan' },
  keywordsLabel: { id: 'Kata kunci', en: 'Keywords', su: 'Kecap konci' },
  authorUnknown: 'Penulis tidak disebutkan dalam sumber',
  yearUnknown: 'tahun tidak disebutkan',
  titleDerived: 'judul disimpulkan dari isi teks',
  metadata: 'Data karya',
  authors: 'Penulis',
  type: 'Jenis',
  institution: 'Institusi',
  faculty: 'Fakultas',
  programme: 'Program studi',
  year: 'Tahun',
  period: 'Periode kajian',
  supervisors: 'Pembimbing',
  examiners: 'Penguji',
  officials: 'Pengesahan',
  examDate: 'Tanggal ujian',
  journal: 'Jurnal',
  volumeIssue: (v: string, i: string) => `Vol. ${v}, No. ${i}`,
  pages: (a: number, b: number) => `hlm. ${a}–${b}`,
  citationStyle: 'Gaya sitasi asli',
  citationStyles: {
    apa: 'APA 7',
    'chicago-author-date': 'Chicago (penulis-tahun)',
    vancouver: 'Vancouver (numerik)',
    'chicago-notes': 'Chicago (catatan kaki)',
  },
  sourceNote: 'Tentang sumber',
  translatedTitle: 'Judul dalam bahasa Inggris',
  motto: 'Motto',
  declaration: 'Pernyataan',
  contents: 'Daftar isi',
  chapterContents: 'Isi bab ini',
  readWork: 'Baca karya',
  startReading: 'Mulai membaca',
  backToWork: 'Kembali ke halaman karya',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  chapterNav: 'Navigasi bab',
  breadcrumb: 'Jejak navigasi',
  editorNote: 'Catatan penyunting',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundText:
    'Alamat yang Anda buka tidak ada di Ruang Baca NTT. Mungkin tautannya salah ketik atau halaman sudah dipindahkan.',
  notFoundHome: 'Kembali ke pustaka',
  search: searchText,
  offline: offlineText,
  appShortName: 'Ruang Baca',
  footer:
    'Ruang Baca NTT menyajikan teks sesuai sumbernya; kesalahan ketik dalam sumber dibiarkan apa adanya. Data pribadi dari sumber tidak diterbitkan.',
  navData: 'Data',
  chart: {
    number: (n: number | string) => `Grafik ${n}`,
    source: 'Sumber',
    dataFrom: (where: string) => `Data: ${where}`,
    fromTable: (label: string) => `Data: ${label} di atas`,
    fromProse: 'Data: angka dalam teks karya ini',
    table: 'Tabel data grafik',
    download: 'Unduh data (CSV)',
    year: 'Tahun',
    value: 'Nilai',
    measure: 'Ukuran',
    dimensions: { region: 'Kabupaten/kota', level: 'Jenjang pendidikan', measure: 'Ukuran' },
    quote: 'Kutipan',
    missing: 'tidak ada nilai dalam sumber',
    province: 'provinsi',
    regencies: 'Kabupaten/kota',
    chooseYear: 'Tahun yang ditampilkan',
    /** Joined lists in summaries: "a, b, dan c". */
    and: 'dan',
    summary: {
      /** The span of years only when the title does not give it already. */
      line: (title: string, from: number, to: number) => `Grafik garis: ${title}${title.includes(String(from)) ? '' : `, ${from}–${to}`}.`,
      lineSeries: (label: string, points: string) => `${label}: ${points}.`,
      lineRange: (first: string, last: string, max: string, min: string) =>
        `dari ${first} menjadi ${last}; tertinggi ${max}, terendah ${min}`,
      grouped: (title: string) => `Grafik batang berkelompok: ${title}; setiap kelompok satu tahun.`,
      bar: (title: string, items: string) => `Grafik batang: ${title}: ${items}.`,
      stacked: (title: string, n: number) => `Grafik batang bertumpuk: ${title}; setiap batang satu tahun, dibagi atas ${n} jenjang.`,
      stackedLargest: (items: string) => `Bagian terbesar tiap tahun: ${items}.`,
      region: (title: string, year: number) => `Grafik batang: ${title}, tahun ${year}, diurutkan dari nilai tertinggi.`,
      regionExtremes: (high: string, low: string) => `Tertinggi ${high}; terendah ${low}.`,
      regionTotal: (total: string, above: number, count: number) =>
        `Nilai provinsi (${total}) ditandai; ${above} dari ${count} kabupaten/kota berada di atasnya.`,
      regionOnlyTotal: (total: string) => `Untuk tahun ini sumber hanya memberi nilai provinsi, ${total}; tidak ada nilai kabupaten/kota.`,
      regionMissing: (names: string) => `Tanpa nilai: ${names}.`,
      otherYears: 'Tahun lain ada di tabel data.',
    },
  },
  data: {
    title: 'Data',
    intro:
      'Semua tabel statistik dalam keempat karya, dan angka yang mereka sebut dalam teks, sebagai data terbuka: setiap dataset dengan grafik, tabel, sumber sebagaimana tercetak, catatan tentang apa yang tidak ada dalam sumber, dan berkas CSV untuk diunduh. Nilai disalin persis dari sumber; sel kosong berarti sumber mencetak “-”.',
    contents: 'Isi halaman',
    comparisons: 'Perbandingan antarkarya',
    comparisonsIntro:
      'Angka yang sama muncul di lebih dari satu karya. Di sini angka-angka itu diletakkan dalam satu grafik, dan setiap perbedaan disebut dengan tautan ke bagian teks asalnya.',
    datasets: 'Dataset menurut karya',
    work: 'Karya',
    location: 'Letak dalam karya',
    printedSource: 'Sumber sebagaimana tercetak',
    bibKeyMissing: 'belum ditautkan ke daftar pustaka',
    unit: 'Satuan',
    notes: 'Catatan',
    csv: 'Berkas data',
    quotes: 'Kutipan asal setiap nilai',
    agree: 'sama',
    differ: 'berbeda',
    only: 'Tahun yang hanya disebut oleh satu karya tidak dibandingkan.',
    differences: 'Perbedaan dan kesamaan',
    noOverlap: 'Tidak ada tahun yang disebut oleh lebih dari satu karya.',
  },
} as const;

export type Dictionary = typeof id;
export const t = id;
