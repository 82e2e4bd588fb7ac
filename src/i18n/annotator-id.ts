// The words of a chapter's highlight toolbar, note editor and report dialog in Indonesian: a part of
// the dictionary (id.ts's notes, matrix and quote sections include it) in a module of its own, so that
// the annotation code (src/annotations/browser/text.ts), which makes them when it loads, bundles these
// strings only, and shares no chunk with the search code (which imports id.ts's searchText).

export const annotatorText = {
  notes: {
    storedBad: (n: number) => `${n} catatan tersimpan tidak dapat dibaca (rusak atau dari versi lain); catatan itu dibiarkan apa adanya.`,
    unavailable: 'Penyimpanan peramban tidak tersedia (misalnya mode pribadi), sehingga catatan tidak dapat disimpan di sini.',
    note: 'Catatan',
    toolbar: 'Sorot teks terpilih',
    colours: { yellow: 'Kuning', green: 'Hijau', blue: 'Biru', pink: 'Merah muda' },
    addNote: 'Sorot dan beri catatan',
    saved: 'Sorotan disimpan di perangkat ini.',
    editorTitle: 'Sorotan dan catatan',
    colour: 'Warna',
    save: 'Simpan',
    cancel: 'Batal',
    remove: 'Hapus sorotan ini',
    removed: 'Sorotan dihapus.',
    edit: 'Ubah',
    show: 'Tunjukkan',
    orphanLabel: 'Teks tidak ditemukan',
  },
  matrix: {
    column: 'Kolom tabel',
    noColumn: 'Tanpa kolom',
    tags: { metode: 'Metode', lokasi: 'Lokasi', temuan: 'Temuan/Hasil', teori: 'Teori/Konsep', lainnya: 'Lainnya' },
  },
  quote: {
    copy: 'Salin kutipan',
    copied: 'Kutipan, sumbernya, dan tautannya disalin.',
    share: 'Bagikan',
    failed: 'Kutipan tidak dapat disalin di peramban ini.',
    version: (date: string) => `versi ${date}`,
    report: 'Laporkan kesalahan',
    reportTitle: 'Laporkan kesalahan dalam teks',
    reportIntro: 'Laporan dibuka di aplikasi surel atau peramban Anda; situs ini tidak mengirim apa pun sendiri.',
    wrong: 'Apa yang salah?',
    printed: 'Apa yang tertulis di sumber cetak (bila Anda tahu)',
    send: 'Buka laporan',
    cancel: 'Batal',
    kept: 'Anda sedang tidak tersambung: laporan disimpan di perangkat ini dan ditawarkan lagi saat tersambung.',
    pending: (n: number) => (n === 1 ? 'Ada laporan kesalahan yang belum dikirim.' : `Ada ${n} laporan kesalahan yang belum dikirim.`),
    sendNow: 'Kirim sekarang',
    discard: 'Buang',
    discarded: 'Laporan dibuang.',
    subject: (work: string, id: string) => `Kesalahan teks: ${work} (${id})`,
    fieldPassage: 'Bagian',
    fieldAddress: 'Alamat',
    fieldWork: 'Karya',
    fieldBuild: 'Build situs',
    fieldWrong: 'Yang salah',
    fieldPrinted: 'Menurut sumber cetak',
    unknownBuild: 'tidak diketahui',
    cut: '[dipotong]',
  },
};
export type AnnotatorText = typeof annotatorText;
