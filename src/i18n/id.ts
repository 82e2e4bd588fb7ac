// Every interface string in Indonesian, the default language. en.ts has the same keys (type-checked);
// the works themselves stay in their own languages.
//
// Grouped by feature, one group a feature folder: reading (src/reading/, with the labels the Markdown
// pipeline marks), search, offline and offlinePack (src/offline/), cite, bibliography, pager,
// chart (src/charts/), data, epub, notes (src/annotations/), floats (src/figures/), abbreviations;
// the page shell's and the work page's strings stay at the top. How strings reach browser code, the one rule: a component writes what its
// script will say into data- attributes of the element the script works on (data-copied,
// data-failed, …), already in the page's language; a script that needs more than fits there (search)
// imports its own small export (searchText), never a whole dictionary, so only those strings ship.

/**
 * Strings the search scripts use in the browser. A separate export, so that a script that imports
 * it bundles these strings only, not the whole dictionary.
 */
/** "lima" for 5 (number words up to ten, digits above), for counts of works taken from content/. */
const angka = (n: number) =>
  ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'][n] ?? String(n);
/** "keempat karya" (all four works): "kelima", "semua 12"; one work is just "karya ini". */
const keSemua = (n: number) => (n === 1 ? 'satu' : n <= 10 ? `ke${angka(n)}` : `semua ${n}`);
const kapital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
  kinds: { bab: 'Bab', pustaka: 'Daftar pustaka', data: 'Data dan grafik', karya: 'Halaman karya', singkatan: 'Daftar singkatan' },
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
  noScript:
    'Pencarian di halaman ini memerlukan JavaScript. Tanpa JavaScript, gunakan daftar isi setiap karya di halaman Pustaka.',
  notFoundSearch: 'Atau cari halaman yang Anda maksud:',
};

/** Strings for the offline status, shown by the small script every page runs (see searchText). */
export const offlineText = {
  saving: 'Menyimpan inti pustaka ({size}) di perangkat ini agar dapat dibuka tanpa internet…',
  ready: 'Inti pustaka tersimpan di perangkat ini: halaman utama, halaman karya, dan pencarian dapat dibuka tanpa internet. Simpan sebuah karya untuk membaca bab-babnya tanpa internet.',
  update: 'Versi baru Ruang Baca NTT tersedia.',
  reload: 'Muat versi baru',
  failed: 'Pustaka belum dapat disimpan untuk dibaca tanpa internet.',
  close: 'Tutup pemberitahuan',
};

/** Strings of the offline saving panel (src/offline/browser/panel.ts reads them from the page). */
export const offlinePackText = {
  heading: 'Baca tanpa internet',
  intro: 'Simpan karya di perangkat ini untuk membaca bab-babnya tanpa internet. Ukurannya disebutkan sebelum diunduh.',
  core: 'Inti pustaka (tampilan, halaman utama, halaman karya, pencarian)',
  save: 'Simpan untuk dibaca tanpa internet',
  size: 'Ukuran: {size}.',
  saving: 'Menyimpan… {done} dari {total}.',
  cancel: 'Batalkan',
  saved: 'Tersimpan di perangkat ini ({size}).',
  remove: 'Hapus dari perangkat ini',
  removed: 'Dihapus dari perangkat ini.',
  cancelled: 'Dibatalkan; tidak ada yang tersimpan.',
  quota: 'Ruang penyimpanan perangkat ini penuh: karya ini tidak disimpan, dan tidak ada bagiannya yang tertinggal. Hapus karya lain dari perangkat ini atau kosongkan ruang, lalu coba lagi.',
  failed: 'Penyimpanan terhenti karena sambungan terputus. Coba lagi: yang sudah tersimpan tidak diunduh ulang.',
  newer: 'Versi baru situs sedang diterbitkan; penyimpanan dilanjutkan dengan versi baru. Coba lagi sebentar lagi.',
  unsupported: 'Peramban ini tidak dapat menyimpan halaman untuk dibaca tanpa internet.',
  storageHeading: 'Penyimpanan',
  used: 'Dipakai situs ini: {used} dari {quota} yang diizinkan peramban.',
  persisted: 'Peramban tidak akan menghapus salinan ini tanpa izin Anda.',
  notPersisted: 'Peramban dapat menghapus salinan ini bila ruangnya diperlukan.',
  notSavedWork: 'Buka halaman karya ini',
  notSavedTitle: 'Belum tersimpan untuk dibaca tanpa internet',
  notSavedText:
    'Halaman ini tidak tersimpan di perangkat ini dan tidak ada sambungan internet. Saat tersambung lagi, buka halaman karyanya dan pilih “Simpan untuk dibaca tanpa internet”.',
};

export const id = {
  siteName: 'Ruang Baca NTT',
  siteTagline: (works: number) => `${kapital(angka(works))} kajian tentang perdagangan orang, kemiskinan, dan pekerja migran di Nusa Tenggara Timur`,
  skipToContent: 'Langsung ke isi',
  navLibrary: 'Pustaka',
  library: 'Pustaka',
  libraryIntro: (works: number) =>
    `Ruang baca daring untuk ${angka(works)} karya ilmiah Indonesia tentang perdagangan orang, kemiskinan, dan pekerja migran di Nusa Tenggara Timur (NTT). Teks disajikan utuh sesuai sumbernya, dengan daftar isi, tautan ke setiap bagian, dan catatan tentang apa yang tidak tersedia dalam sumber.`,
  workTypes: {
    skripsi: 'Skripsi',
    'journal-article': 'Artikel jurnal',
    'thesis-chapter': 'Bab skripsi',
  },
  languages: { id: 'Bahasa Indonesia', en: 'Bahasa Inggris', su: 'Bahasa Sunda' },
  /** Names of the works' languages, for labels a printed heading leaves ambiguous (two "ABSTRAK"). */
  languageNames: { id: 'bahasa Indonesia', en: 'bahasa Inggris', su: 'bahasa Sunda' },
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
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  breadcrumb: 'Jejak navigasi',
  // Paging: lists that grow with the library are cut into pages.
  pager: {
    label: 'Halaman',
    labelEnd: 'Halaman (di akhir daftar)',
    status: (n: number, count: number) => `halaman ${n} dari ${count}`,
    page: (n: number) => `Halaman ${n}`,
    range: (from: number, to: number) => `entri ${from}–${to}`,
  },
  // The bibliography: citations, the works' reference lists (the printed list first, what the
  // library knows one tap behind it), the site-wide Daftar Pustaka.
  bibliography: {
    seeEntry: 'Lihat di daftar pustaka',
    noteRef: (n: string) => `catatan ${n}`,
    navBibliography: 'Daftar Pustaka',
    etAl: 'dkk.',
    bibliographyTitle: 'Daftar Pustaka Seluruh Karya',
    bibliographyIntro: (works: number) =>
      `Semua rujukan ${keSemua(works)} karya, masing-masing satu kali, disusun dalam gaya APA 7 dengan istilah bahasa Indonesia. Setiap entri menunjukkan karya mana yang mencantumkannya dan tempat persis ia dikutip. Gaya asli tiap karya dipakai di daftar pustaka karya itu sendiri.`,
    entryCount: (n: number) => `${n} entri`,
    filterLegend: 'Tampilkan rujukan dari',
    filterAll: 'Semua karya',
    citedIn: 'Dikutip di',
    listedIn: 'Tercantum di',
    listedNotCited: 'tercantum dalam daftar pustaka sumber, tidak dikutip dalam teks',
    notCitedAnywhere: 'Tidak dikutip dalam teks karya mana pun.',
    citedInWorks: (n: number) => `Dikutip di ${n} karya.`,
    entryDetails: 'Entri lengkap dan tempat kutipannya',
    entryTitle: 'Entri daftar pustaka',
    worksRange: (from: number, to: number, all: number) => `Karya ${from}–${to} dari ${all}`,
    incompleteEntry: 'Entri tidak lengkap',
    printedInSource: 'Tertulis dalam sumber',
    printedIn: (work: string) => `Tertulis dalam ${work}`,
    referencesStyle: (style: string) => `Disusun dalam gaya ${style}, dengan istilah bahasa Indonesia, dari berkas bibliografi bersama.`,
    referencesEmpty: 'Belum ada entri untuk karya ini dalam berkas bibliografi.',
    downloadsIntro: 'Untuk pengelola rujukan (Zotero, Mendeley, JabRef, EndNote):',
    downloadFormats: { bib: 'BibTeX', ris: 'RIS' },
    citationPopover: 'Rujukan lengkap',
    compiledHeading: 'Daftar rujukan susunan penyunting',
    compiledFromCitations: 'Sumber tidak memuat daftar pustaka. Daftar ini disusun penyunting dari kutipan dalam teks, menurut urutan kutipan pertama; setiap entri hanya memuat apa yang tercetak dalam kutipannya. Yang diketahui dari karya lain ditampilkan terpisah dengan nama karyanya.',
    compiledFromNotes: 'Sumber tidak memuat daftar pustaka. Daftar ini disusun penyunting dari catatan kaki, menurut urutan catatan; setiap entri memuat bunyi catatan kaki pertamanya sebagaimana tercetak.',
    citedAs: 'Tercetak dalam kutipan',
    printedInNote: (n: string) => `Tercetak dalam catatan kaki ${n}`,
    accordingTo: (work: string) => `Menurut ${work}`,
    morePrintings: (n: number) => `Bunyinya dalam ${n} karya lain: di halaman entri ini`,
    record: 'Catatan pustaka',
    recordIn: (style: string) => `Dalam gaya ${style}`,
    sharedRecord: 'Catatan bersama di Daftar Pustaka Seluruh Karya',
    fieldsHeading: 'Bidang catatan dan karya yang mencetaknya',
    printedBy: 'Tercetak di',
    printedByNone: 'tidak tercetak di karya mana pun',
    fields: {
      author: 'Penulis', editor: 'Penyunting', issued: 'Tahun', title: 'Judul', 'container-title': 'Terbitan',
      volume: 'Volume', issue: 'Nomor', page: 'Halaman', publisher: 'Penerbit', 'publisher-place': 'Tempat terbit',
      genre: 'Jenis', DOI: 'DOI', URL: 'URL', accessed: 'Diakses',
    } as Record<string, string>,
    entryNote: 'Catatan',
    entryNoteAbout: (works: string[]) => `Catatan tentang entri ini dalam ${works.join(', ')}`,
    editorialNumber: 'nomor dari penyunting',
  },
  close: 'Tutup',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundText:
    'Alamat yang Anda buka tidak ada di Ruang Baca NTT. Mungkin tautannya salah ketik atau halaman sudah dipindahkan.',
  notFoundHome: 'Kembali ke pustaka',
  notFoundMoreWorks: (n: number) => `dan ${n} karya lain di pustaka`,
  search: searchText,
  offline: offlineText,
  offlinePack: offlinePackText,
  appShortName: 'Ruang Baca',
  footer:
    'Ruang Baca NTT menyajikan teks sesuai sumbernya; kesalahan ketik dalam sumber dibiarkan apa adanya. Data pribadi dari sumber tidak diterbitkan.',

  // Scholar-grade reading: links, citations, reading settings, interface language.
  titleLabel: 'Judul',
  navMain: 'Utama',
  // The header on a phone (src/header/): a search button and a menu button open their panel.
  header: { openSearch: 'Buka pencarian', menu: 'Menu', menuLabel: 'Menu situs' },
  languageSwitch: 'English',
  languageSwitchLang: 'en',
  // Reading a work and its chapters (src/reading/): contents, chapter navigation, the header's
  // settings, paragraph links, footnotes.
  reading: {
    contents: 'Daftar isi',
    chapterContents: 'Isi bab ini',
    readWork: 'Baca karya',
    startReading: 'Mulai membaca',
    backToWork: 'Kembali ke halaman karya',
    chapterNav: 'Navigasi bab',
    editorNote: 'Catatan penyunting',
    settings: 'Tampilan',
    textSmaller: 'Perkecil teks',
    textLarger: 'Perbesar teks',
    darkTheme: 'Tema gelap',
    linkKeys: 'Enter menyalin tautan; panah atas dan bawah ke tanda paragraf lain.',
    linkCopied: 'Tautan disalin ke papan klip',
    paragraphGone:
      'Paragraf yang ditautkan tidak ada lagi di bab ini (teksnya mungkin telah dikoreksi). Anda dibawa ke awal bab.',
    paragraphMoved: 'Tautan ini memakai alamat lama paragraf; paragrafnya ada di sini, dan alamat di bilah alamat sudah diperbarui.',
    footnote: (n: string) => `Catatan kaki ${n}`,
    closeNote: 'Tutup catatan',
    resumeReading: 'Lanjutkan membaca',
    // Labels the Markdown pipeline writes in Indonesian and marks for translation
    // (src/i18n/localize-html.ts: data-l10n="reading.<key>").
    linkToSection: (text: string) => `Tautan ke bagian ini: ${text}`,
    linkToParagraph: (n: string) => `Tautan ke paragraf ${n}`,
    linkToListItem: (n: string) => `Tautan ke butir daftar ${n}`,
    linkToFootnote: (n: string) => `Tautan ke catatan kaki ${n}`,
    scrollableTable: 'Tabel (dapat digulir)',
    footnotesHeading: 'Catatan kaki',
    backToReference: (n: string) => `Kembali ke rujukan ${n}`,
  },
  // The cite panel (src/cite/CitePanel.astro).
  cite: {
    label: 'Kutip',
    work: 'Kutip karya ini',
    chapter: 'Kutip karya ini, dengan alamat bab ini',
    styles: { apa: 'APA 7', chicago: 'Chicago (penulis-tahun)', vancouver: 'Vancouver' },
    copy: 'Salin',
    copyCitation: (style: string) => `Salin sitasi ${style}`,
    copied: 'Disalin',
    downloadBibtex: 'Unduh BibTeX (.bib)',
    downloadRis: 'Unduh RIS (.ris)',
    downloadPdf: 'Unduh teks lengkap (PDF)',
    generated: 'Sitasi disusun otomatis dari data karya dengan citation-js dan gaya CSL resmi; periksa sebelum dipakai.',
    gaps: 'Sumber tidak menyebutkan penulis atau tahun; sitasi tidak mengisinya dan memakai judul serta “t.t.” (tanpa tahun).',
    printAs: 'Kutip sebagai',
  },

  // Statistics and charts.
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
    failed: 'Grafik belum dapat dimuat karena sambungan internet terputus; datanya ada di tabel di bawah. Grafik digambar dengan sendirinya begitu sambungan kembali.',
    unreadable: 'Grafik ini tidak dapat digambar; datanya ada di tabel di bawah.',
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
    intro: (works: number) =>
      `Semua tabel statistik dalam ${keSemua(works)} karya, dan angka yang mereka sebut dalam teks, sebagai data terbuka: setiap dataset dengan grafik, tabel, sumber sebagaimana tercetak, catatan tentang apa yang tidak ada dalam sumber, dan berkas CSV untuk diunduh. Nilai disalin persis dari sumber; sel kosong berarti sumber mencetak “-”.`,
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
    packageHeading: 'Semua data dalam satu paket',
    packageIntro:
      'Semua berkas CSV beserta keterangannya (judul, satuan, sumber sebagaimana tercetak, karya asalnya) sebagai satu Data Package (Frictionless Data), yang dapat dibaca oleh perangkat lunak analisis data.',
    packageZip: (kb: number) => `Unduh semua data (.zip, ${kb.toLocaleString('id-ID')}\u00a0KB)`,
    packageJson: 'Keterangan paket saja (datapackage.json)',
  },
  pdf: {
    download: 'Unduh sebagai PDF',
    size: (kb: number) => `${kb.toLocaleString('id-ID')}\u00a0KB`,
    intro: 'Untuk dicetak atau dibagikan: seluruh teks, dengan daftar isi dan catatan kaki di kaki halaman.',
    webAddress: 'Di web:',
  },
  epub: {
    download: 'Unduh sebagai buku elektronik (EPUB)',
    size: (kb: number) => `${kb.toLocaleString('id-ID')}\u00a0KB`,
    intro: 'Untuk aplikasi pembaca buku elektronik, juga tanpa internet: seluruh teks, catatan kaki, daftar pustaka, dan setiap grafik sebagai tabel.',
    titlePage: 'Halaman judul',
    landmarks: 'Penanda',
    accessibilitySummary:
      'Teks dengan daftar isi dan judul bagian; catatan kaki sebagai catatan EPUB; sitasi bertaut ke daftar pustaka; setiap grafik sebagai tabel datanya.',
  },
  // Study tools: the reader's own highlights and notes (src/annotations/), kept on this device only.
  notes: {
    nav: 'Catatan saya',
    title: 'Catatan saya',
    intro:
      'Sorotan dan catatan Anda dari semua karya. Semuanya tersimpan hanya di perangkat dan peramban ini (IndexedDB), tidak pernah dikirim ke mana pun, dan tetap tersedia tanpa internet. Pilih teks dalam sebuah bab untuk menyorotnya.',
    noScript: 'Catatan saya memerlukan JavaScript: catatan disimpan dan dibaca oleh peramban Anda.',
    empty: 'Belum ada sorotan atau catatan. Pilih teks dalam sebuah bab, lalu pilih warna sorotan.',
    searchLabel: 'Cari dalam catatan',
    count: (n: number) => `${n} sorotan`,
    found: (n: number, all: number) => `${n} dari ${all} sorotan cocok.`,
    exportMarkdown: 'Ekspor Markdown',
    exportJson: 'Ekspor JSON (W3C Web Annotation)',
    importJson: 'Impor JSON',
    imported: (added: number, skipped: number) => `${added} sorotan diimpor; ${skipped} sudah ada.`,
    importBad: (n: number) => `${n} butir dalam berkas tidak dapat dibaca sebagai sorotan dan dilewati.`,
    importFailed: 'Berkas ini bukan JSON Web Annotation yang dapat dibaca. Tidak ada yang diubah.',
    clearAll: 'Hapus semua catatan',
    clearConfirm: 'Hapus semua sorotan dan catatan di perangkat ini? Ini tidak dapat dibatalkan. Ekspor dulu bila ingin menyimpannya.',
    cleared: 'Semua catatan dihapus.',
    storedBad: (n: number) => `${n} catatan tersimpan tidak dapat dibaca (rusak atau dari versi lain); catatan itu dibiarkan apa adanya.`,
    unavailable: 'Penyimpanan peramban tidak tersedia (misalnya mode pribadi), sehingga catatan tidak dapat disimpan di sini.',
    openPassage: 'Buka bagian ini',
    note: 'Catatan',
    cite: 'Sumber',
    markdownTitle: 'Catatan saya — Ruang Baca NTT',
    toolbar: 'Sorot teks terpilih',
    colours: { yellow: 'Kuning', green: 'Hijau', blue: 'Biru', pink: 'Merah muda' },
    highlightIn: (colour: string) => `Sorot ${colour.toLowerCase()}`,
    addNote: 'Sorot dan beri catatan',
    shortcut: 'Pilih teks (atau fokus tanda ¶ sebuah paragraf) lalu tekan H untuk menyorot dengan papan ketik.',
    saved: 'Sorotan disimpan di perangkat ini.',
    editorTitle: 'Sorotan dan catatan',
    colour: 'Warna',
    save: 'Simpan',
    cancel: 'Batal',
    remove: 'Hapus sorotan ini',
    removed: 'Sorotan dihapus.',
    edit: 'Ubah',
    show: 'Tunjukkan',
    inChapter: 'Catatan saya di bab ini',
    orphans: 'Teks sorotan berikut tidak ditemukan lagi di bab ini (teksnya mungkin telah dikoreksi). Sorotan tetap tersimpan; lihat juga Catatan saya.',
    orphanLabel: 'Teks tidak ditemukan',
    allNotes: 'Semua catatan saya',
  },
  floats: {
    nav: 'Daftar tabel, gambar, dan grafik',
    title: (work: string) => `Daftar Tabel, Gambar, dan Grafik — ${work}`,
    heading: 'Daftar Tabel, Gambar, dan Grafik',
    intro:
      'Tabel dan gambar karya ini dengan nomor dan judul sebagaimana tercetak, masing-masing menaut ke tempatnya dalam teks. Grafik dibuat oleh Ruang Baca NTT dari tabel karya dan dinomori oleh situs ini.',
    tables: 'Daftar Tabel',
    figures: 'Daftar Gambar',
    charts: 'Daftar Grafik',
    none: 'Karya ini tidak mencetak tabel atau gambar bernomor.',
    inChapter: 'di',
  },
  abbreviations: {
    nav: 'Daftar singkatan',
    navLibrary: 'Daftar singkatan seluruh pustaka',
    title: (work: string) => `Daftar Singkatan — ${work}`,
    heading: 'Daftar Singkatan',
    libraryTitle: 'Daftar Singkatan Seluruh Pustaka',
    intro:
      'Singkatan yang dijabarkan oleh penulis sendiri dalam teks karya ini, dengan kata-kata sebagaimana tercetak (termasuk salah ketik), masing-masing menaut ke bagian yang menjabarkannya. Dalam teks, kemunculan pertama setiap singkatan di tiap bab menampilkan kepanjangannya saat disentuh, disorot, atau difokus.',
    libraryIntro: (works: number) =>
      `Semua singkatan yang dijabarkan oleh ${keSemua(works)} karya. Bila dua karya menjabarkan satu singkatan secara berbeda, keduanya ditampilkan bersama karyanya.`,
    none: 'Karya ini tidak menjabarkan singkatan dalam teksnya.',
    abbr: 'Singkatan',
    expansion: 'Kepanjangan',
    where: 'Dijabarkan di',
    differ: 'dijabarkan berbeda oleh karya yang berbeda',
  },
};

export type Dictionary = typeof id;
export const t = id;
