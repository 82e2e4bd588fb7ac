// The one script every page runs before the reader does anything (kept small; `npm run bench`
// prints its size). Everything else loads when it is needed: the search code when a search box
// gets focus or the reader types "/", the highlighter when arriving from a search result, the cite
// panel's copy buttons when a panel opens.
import { HIGHLIGHT_PARAM, TEXT_DIRECTIVE } from '../routes.ts';
import { isOutdated, startOffline } from '../offline/browser/offline.ts';
import { watchForNotes } from '../annotations/browser/trigger.ts';
import { preloadSearch } from '../search/browser/intent.ts';
// The text-size and theme controls of the header (src/reading/SiteControls.astro), on every page.
import '../reading/browser/controls.ts';

let panel: Promise<typeof import('../search/browser/panel')> | undefined;

/**
 * The search code could not be fetched (offline, a dropped request): the box says so, in the page's
 * language (the form's data-search-failed, so this script bundles no dictionary), and the next
 * focus, keystroke or the connection's return tries again; no reload needed.
 */
function searchFailed(form: HTMLFormElement): void {
  const text = form.dataset.searchFailed ?? '';
  form.querySelector('[data-search-status]')!.textContent = text;
  const box = form.querySelector<HTMLElement>('[data-search-panel]')!;
  box.textContent = text;
  box.dataset.loadFailed = '';
  box.hidden = false;
}

/** Each search box's loader (below), for a control outside the box that opens it. */
const starters: (() => void)[] = [];

for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-box]')) {
  const input = form.querySelector('input');
  let ready = false;
  let failed = false;
  const start = () => {
    if (ready) return;
    preloadSearch();
    const loading = (panel ??= import('../search/browser/panel.ts'));
    loading.then(
      (m) => {
        if (ready) return;
        ready = true;
        failed = false;
        const box = form.querySelector<HTMLElement>('[data-search-panel][data-load-failed]');
        if (box) {
          delete box.dataset.loadFailed;
          box.textContent = '';
          box.hidden = true;
        }
        m.attach(form);
      },
      () => {
        if (panel === loading) panel = undefined;
        // A page of an old build (another tab accepted an update) whose search code is gone from the
        // server: what is typed goes to the new build's search page, as the form does without script
        // (the next keystroke tries again, and submits).
        if (isOutdated() && navigator.onLine) return void (input?.value && form.requestSubmit());
        failed = true;
        searchFailed(form);
      },
    );
  };
  // Intent, wherever the box sits: focus in the form, a finger or pointer coming down on it (before
  // the focus that follows), the first key.
  starters.push(start);
  form.addEventListener('focusin', start);
  form.addEventListener('pointerdown', start);
  input?.addEventListener('input', start);
  // On a slow connection the reader may have typed before this script ran: search for it now.
  if (input && (document.activeElement === input || input.value)) start();
  addEventListener('online', () => failed && start());
  // Until the search code is there, Escape closes the failure note (CSS hides it outside the box).
  form.addEventListener('keydown', (e) => e.key === 'Escape' && !ready && (form.querySelector<HTMLElement>('[data-search-panel]')!.hidden = true));
}

// A control that opens a search box (a header's search button, data-search-open) shows intent too:
// the search code starts coming while the box opens.
for (const type of ['pointerdown', 'focusin'] as const) {
  addEventListener(type, (e) => {
    if ((e.target as Element | null)?.closest?.('[data-search-open]')) for (const start of starters) start();
  });
}

// "/" jumps to search from anywhere except while typing in a field.
addEventListener('keydown', (e) => {
  const el = e.target as HTMLElement;
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return;
  const box = document.querySelector<HTMLInputElement>('[data-search-primary]') ?? document.querySelector<HTMLInputElement>('[data-search-shortcut]');
  if (!box) return;
  e.preventDefault();
  // The header's box is behind its search button on a phone: pressed, it opens it and gives it focus.
  if (!box.getClientRects().length) return void document.querySelector<HTMLElement>('[data-header-toggle="search"]')?.click();
  box.focus();
  box.select();
});

// The cite panel's copy buttons: their code comes when a panel first opens (a <details>, which
// opens and shows its citations without script; "toggle" does not bubble: caught on the way down),
// and a click on one waits for it.
const citeCode = () => import('../cite/browser/cite.ts');
addEventListener(
  'toggle',
  (e) => {
    if (e.target instanceof HTMLDetailsElement && e.target.open && e.target.matches('.cite-panel')) void citeCode().catch(() => {});
  },
  true,
);
addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('.cite-panel .copy-button') : null;
  if (button)
    void citeCode().then(
      (m) => m.copyCitation(button),
      () => {},
    );
});

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) void import('../search/browser/highlight.ts');
// A quotation's link (#p-…:~:text=…) in a browser that does not apply text fragments: the site marks the
// words (it left the directive in the address, or, where the feature is switched off, dropped it: the
// navigation's own entry keeps it).
// (No entry reads as "undefined", which holds no directive.)
if (!('fragmentDirective' in document) && (location.hash + performance.getEntriesByType('navigation')[0]?.name).includes(TEXT_DIRECTIVE))
  void import('../quote/browser/mark.ts');
if (document.querySelector('[data-offline-packs]')) void import('../offline/browser/panel.ts');
startOffline();
watchForNotes();
