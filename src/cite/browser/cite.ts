// Copy buttons of the cite panel: copy the plain-text citation and confirm on the button and aloud.
// Escape closes the open panel and gives focus back to its "Kutip" summary. Fetched when a panel
// first opens; src/browser/boot.ts hands it the clicks on a copy button (so none is lost while it
// loads). An Escape pressed before it has come is lost (on a weak link, a moment after the panel
// opens): handling it in every page's first script would take bytes that budget does not have.
import { copyText } from '../../browser/announce.ts';

export async function copyCitation(button: HTMLButtonElement): Promise<void> {
  const label = button.textContent;
  const copied = button.dataset.copied ?? '';
  // The citation as the panel shows it, as plain text (citeproc's text output, the same words).
  if (await copyText(button.closest('dd')?.querySelector('.citation-text')?.textContent ?? '', copied)) {
    button.textContent = copied;
    setTimeout(() => (button.textContent = label), 2000);
  }
}

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
  const panel = event.target.closest<HTMLDetailsElement>('details.cite-panel[open]');
  if (!panel) return;
  event.preventDefault();
  panel.open = false;
  panel.querySelector<HTMLElement>(':scope > summary')?.focus();
});
