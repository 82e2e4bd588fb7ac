// The search scripts' strings in the page's interface language (<html lang>, set by Base.astro), and
// the prefix of its addresses: the index holds the Indonesian pages, whose English twins are under /en/.
// Only the two small `searchText` objects are bundled, not the dictionaries.
import { searchText as en } from '../../i18n/search-en.ts';
import { searchText as id } from '../../i18n/search-id.ts';
import { localPath } from '../../browser/safe-links.ts';

const english = document.documentElement.lang === 'en';

export const s = english ? en : id;

/**
 * A result's address in the page's interface language ("/x/" -> "/en/x/" on an English page), or ""
 * when the index names no address on this site (then the result is shown without a link).
 */
// "/en" is ENGLISH_PREFIX of src/routes.ts, written out here (why: see there).
export const localUrl = (url: string): string => {
  const path = localPath(url) ?? '';
  // Under the base (src/base-path.ts, written in by Vite as a string).
  return path && import.meta.env.BASE_URL + (english ? `en${path}` : path.slice(1));
};
