// The note popover (<dialog>), fetched on the first click on a footnote reference (./footnotes.ts):
// focus moves into it, stays there until Escape, the close button or a click outside, and returns
// to the reference.
const dialog = document.querySelector<HTMLDialogElement>('dialog.note-popover');
let opener: HTMLElement | null = null;

function noteContent(li: Element): Node[] {
  const copy = li.cloneNode(true) as Element;
  copy.querySelectorAll('[data-footnote-backref]').forEach((a) => a.remove());
  copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
  return [...copy.childNodes];
}

/** Opens the note `li` for the reference `ref`; false if the page has no popover. */
export function openNote(ref: HTMLAnchorElement, li: Element): boolean {
  if (!dialog) return false;
  dialog.querySelector('.note-popover-title')!.textContent = (dialog.dataset.title ?? '').replace('{n}', ref.textContent ?? '');
  dialog.querySelector('.note-popover-body')!.replaceChildren(...noteContent(li));
  opener = ref;
  dialog.showModal();
  return true;
}

dialog?.addEventListener('click', (event) => {
  // A click on the backdrop (outside the box) closes the note.
  const r = dialog.getBoundingClientRect();
  const e = event as MouseEvent;
  if (event.target === dialog && (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom)) dialog.close();
});
// Tab and Shift+Tab cycle inside the open note instead of leaving the page for the browser's own controls.
dialog?.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab') return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button')];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
});
dialog?.addEventListener('close', () => {
  opener?.focus();
  opener = null;
});
