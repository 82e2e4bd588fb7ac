// The header's two buttons on a phone (src/header/Header.astro): each opens its panel under the bar
// and closes the other; Escape or a second press closes it and focus returns to the button; a tap
// outside the open menu, or focus leaving it, closes it. On a wide screen the buttons are not shown
// and the panels are always there (CSS), so none of this applies. Loaded by src/browser/boot.ts on
// the first press of a button (or "/" while the search field is closed): nothing before that.
const header = document.querySelector<HTMLElement>('[data-site-header]');
const buttons = header ? [...header.querySelectorAll<HTMLButtonElement>('[data-header-toggle]')] : [];

/** Opens the panel `name` (the other closes), or closes the open one and gives focus back to its button. */
export function openPanel(name: string | undefined, refocus = true): void {
  if (!header) return;
  const was = header.dataset.open;
  if (name) header.dataset.open = name;
  else delete header.dataset.open;
  for (const b of buttons) b.setAttribute('aria-expanded', String(b.dataset.headerToggle === name));
  if (name === 'search') header.querySelector<HTMLInputElement>('[data-search-shortcut]')?.focus();
  else if (!name && was && refocus) buttons.find((b) => b.dataset.headerToggle === was)?.focus();
}

/** A press of one of the buttons: its panel opens, or closes if it is the open one. */
export function toggle(button: HTMLElement): void {
  openPanel(header?.dataset.open === button.dataset.headerToggle ? undefined : button.dataset.headerToggle);
}
// After the search box's own Escape (it closes its results first and marks the event handled).
header?.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && header.dataset.open && !e.defaultPrevented) openPanel(undefined);
});
document.addEventListener('click', (e) => {
  if (header?.dataset.open === 'menu' && !header.contains(e.target as Node)) openPanel(undefined, false);
});
header?.addEventListener('focusout', (e) => {
  if (header.dataset.open === 'menu' && e.relatedTarget && !header.contains(e.relatedTarget as Node)) openPanel(undefined, false);
});
