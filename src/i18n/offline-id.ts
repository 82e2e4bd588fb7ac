// The offline note's words in Indonesian (the note at the foot of the screen: src/offline/browser/status.ts),
// a part of the dictionary (id.ts's offline section) in a module of its own, so that the note's code,
// fetched only when it has something to say, bundles these strings only and no page carries them.

export const offlineText = {
  saving: 'Menyimpan inti pustaka ({size}) di perangkat ini agar dapat dibuka tanpa internet…',
  ready:
    'Inti pustaka tersimpan di perangkat ini: halaman utama, halaman karya, dan pencarian dapat dibuka tanpa internet. Simpan sebuah karya untuk membaca bab-babnya tanpa internet.',
  update: 'Versi baru Ruang Baca NTT tersedia.',
  reload: 'Muat versi baru',
  failed: 'Pustaka belum dapat disimpan untuk dibaca tanpa internet.',
  close: 'Tutup pemberitahuan',
};
