// The interface language of a page, read from its URL: Indonesian at the permanent addresses
// (/, /<work>/, /<work>/<chapter>/), English at the same addresses under /en/.
import { en } from './en.ts';
import { id, type Dictionary } from './id.ts';
import { englishPath, isEnglishPath, withoutLocale } from '../routes.ts';
import { withBase, withoutBase } from '../base-path.ts';

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';

const dictionaries: Record<Locale, Dictionary> = { id, en };
/** CSL locale for citations shown in each interface language. */
export const CSL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-US' };
/** Open Graph locale names. */
export const OG_LOCALE: Record<Locale, string> = { id: 'id_ID', en: 'en_US' };

export function localeOf(url: URL): Locale {
  return isEnglishPath(withoutBase(url.pathname)) ? 'en' : 'id';
}

export function dictionary(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** The site path without its locale prefix, of a published pathname or a site path: "/en/x/" -> "/x/". */
export function basePath(pathname: string): string {
  return withoutLocale(withoutBase(pathname));
}

/** A site path in the given interface language: ("/x/", "en") -> "/en/x/". */
export function localePath(path: string, locale: Locale): string {
  const base = basePath(path);
  return locale === DEFAULT_LOCALE ? base : englishPath(base);
}

/** Everything a page or component needs for its interface language; `href` gives a link's address as published (under the base). */
export function i18n(url: URL) {
  const locale = localeOf(url);
  return { locale, t: dictionary(locale), href: (path: string) => withBase(localePath(path, locale)) };
}
