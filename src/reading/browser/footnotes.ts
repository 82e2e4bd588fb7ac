// A footnote reference opens its note in a modal popover (./footnote-popover.ts, fetched on the
// first click, since most readers never open a note). Without script, or if that code cannot be
// fetched, the reference is a plain link to the note at the end of the chapter.
import { fragmentTarget } from '../../browser/safe.ts';

let popover: Promise<typeof import('./footnote-popover')> | undefined;

document.addEventListener('click', (event) => {
  const ref = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-footnote-ref]') : null;
  const li = ref && fragmentTarget(ref.hash);
  if (!ref || !li || !document.querySelector('dialog.note-popover')) return;
  event.preventDefault();
  const loading = (popover ??= import('./footnote-popover.ts'));
  loading.then(
    (m) => m.openNote(ref, li),
    () => {
      if (popover === loading) popover = undefined;
      location.hash = ref.hash;
    },
  );
});
