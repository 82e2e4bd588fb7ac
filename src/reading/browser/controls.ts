// Text size and light/dark theme, and the header's buttons on a phone (src/header/browser/header.ts). The inline script in ThemeInit.astro applies the stored choice
// before the first paint; this wires the buttons and remembers new choices.
import { FONT_SIZES, fontSize } from '../../browser/safe.ts';
import { KEYS, save } from '../../browser/storage.ts';

const SIZES = FONT_SIZES;
const root = document.documentElement;

function currentSize(): number {
  return fontSize(root.dataset.font);
}

function setSize(n: number): void {
  if (n === 0) delete root.dataset.font;
  else root.dataset.font = String(n);
  save(KEYS.font, String(n));
  syncSize();
}

function syncSize(): void {
  const n = currentSize();
  const smaller = document.querySelector<HTMLButtonElement>('[data-font-step="-1"]');
  const larger = document.querySelector<HTMLButtonElement>('[data-font-step="1"]');
  if (smaller) smaller.disabled = n <= SIZES[0];
  if (larger) larger.disabled = n >= SIZES.at(-1)!;
  // A button that reaches its limit is disabled, which would drop keyboard focus to <body>: it moves to its pair.
  const focused = document.activeElement;
  if (focused === smaller && smaller?.disabled) larger?.focus();
  if (focused === larger && larger?.disabled) smaller?.focus();
}

const systemDark = matchMedia('(prefers-color-scheme: dark)');
const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches);

function syncTheme(): void {
  document.querySelector('[data-theme-toggle]')?.setAttribute('aria-pressed', String(isDark()));
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button') : null;
  if (!target) return;
  // The header's buttons on a phone: their code loads on the first press.
  if (target.dataset.headerToggle) void import('../../header/browser/header.ts').then((m) => m.toggle(target));
  if (target.dataset.fontStep) setSize(Math.min(Math.max(currentSize() + Number(target.dataset.fontStep), SIZES[0]), SIZES.at(-1)!));
  if ('themeToggle' in target.dataset) {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    save(KEYS.theme, next);
    syncTheme();
  }
});
systemDark.addEventListener('change', syncTheme);
// The inline script applied only a valid stored size; the controls start from the same one.
if (root.dataset.font && fontSize(root.dataset.font) === 0) delete root.dataset.font;
syncSize();
syncTheme();
