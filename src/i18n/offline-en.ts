// The offline note's words in English (see offline-id.ts).
import type { offlineText as Indonesian } from './offline-id.ts';

export const offlineText: typeof Indonesian = {
  saving: 'Saving the library’s core ({size}) on this device so it opens without internet…',
  ready:
    'The library’s core is saved on this device: the home page, the work pages and the search open without internet. Save a work to read its chapters offline.',
  update: 'A new version of Ruang Baca NTT is available.',
  reload: 'Load the new version',
  failed: 'The library could not be saved for offline reading yet.',
  close: 'Close notice',
};
