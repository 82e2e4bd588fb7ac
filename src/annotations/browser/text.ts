// The annotation code's words in the page's interface language (<html lang>, set by Base.astro): the
// toolbar, the note editor and the report dialog are made in the browser when that code loads, so a
// chapter's HTML carries none of them. Only the two small `annotatorText` objects are bundled, not the
// dictionaries (as src/search/browser/text.ts does).
import { annotatorText as en } from '../../i18n/annotator-en.ts';
import { annotatorText as id } from '../../i18n/annotator-id.ts';

export const s = document.documentElement.lang === 'en' ? en : id;
