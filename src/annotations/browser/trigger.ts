// What a chapter runs before the reader does anything, for highlights (kept tiny: the page-weight
// budget; part of boot.ts, whose other import() calls it shares its loader with). The annotation
// code loads on the first selection, on H, or at once when this chapter has stored notes (the
// localStorage index that browser/store.ts keeps). On a page without a chapter text the loaded code
// does nothing (no check here: every byte of this counts on every page).
import { load as stored } from '../../browser/storage.ts';

export function watchForNotes(): void {
  let loaded: unknown;
  const load = (e?: KeyboardEvent) => (loaded ??= import('./annotator.ts').then((m) => m.start(e)));
  document.addEventListener('selectionchange', () => getSelection()?.isCollapsed || load());
  addEventListener('keydown', (e) => /^h$/i.test(e.key) && load(e));
  // "/en" is ENGLISH_PREFIX of src/routes.ts, and the base is src/base-path.ts's, written out here
  // (why: see routes.ts); at the root the minifier drops the base's part. Unreadable storage reads as
  // nothing (../../browser/storage.ts, already in the every-page code): the annotator is loaded when
  // the reader asks for it instead.
  const base = import.meta.env.BASE_URL;
  // A report written offline waits ("rb-reports", src/quote/report.ts): the annotator offers it again.
  if (stored('rb-notes')?.includes((base === '/' ? location.pathname : location.pathname.slice(base.length - 1)).replace(/^\/en/, '')) || stored('rb-reports'))
    load();
}
