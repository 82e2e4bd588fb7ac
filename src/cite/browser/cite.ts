// Copy buttons of the cite panel: copy the plain-text citation and confirm on the button and aloud.
// Escape closes the open panel and gives focus back to its "Kutip" summary.
import { copyText } from '../../browser/announce';

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-copy-text]') : null;
  if (!button) return;
  const label = button.textContent;
  const copied = button.dataset.copied ?? '';
  if (await copyText(button.dataset.copyText ?? '', copied)) {
    button.textContent = copied;
    setTimeout(() => (button.textContent = label), 2000);
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
  const panel = event.target.closest<HTMLDetailsElement>('details.cite-panel[open]');
  if (!panel) return;
  event.preventDefault();
  panel.open = false;
  panel.querySelector<HTMLElement>(':scope > summary')?.focus();
});
