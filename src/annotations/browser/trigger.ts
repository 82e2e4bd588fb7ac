// What a chapter runs before the reader does anything, for highlights (kept tiny: the page-weight
// budget; part of boot.ts, whose other import() calls it shares its loader with). The annotation
// code loads on the first selection, on H, or at once when this chapter has stored notes (the
// localStorage index that browser/store.ts keeps). On a page without a chapter text the loaded code
// does nothing (no check here: every byte of this counts on every page).
export function watchForNotes(): void {
  let loaded: unknown;
  const load = (e?: KeyboardEvent) => (loaded ??= import('./annotator').then((m) => m.start(e)));
  document.addEventListener('selectionchange', () => getSelection()?.isCollapsed || load());
  addEventListener('keydown', (e) => /^h$/i.test(e.key) && load(e));
  try {
    // "/en" is ENGLISH_PREFIX of src/routes.ts, written out here (why: see there).
    if (localStorage.getItem('rb-notes')?.includes(location.pathname.replace(/^\/en/, ''))) load();
  } catch {
    // Unreadable stored notes: the annotator is loaded when the reader asks for it instead.
  }
}
