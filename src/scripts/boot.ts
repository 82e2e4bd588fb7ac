// The one script every page runs before the reader does anything (kept small; `npm run bench`
// prints its size). Everything else loads when it is needed: the search code when a search box
// gets focus or the reader types "/", the highlighter when arriving from a search result.
import { HIGHLIGHT_PARAM } from '../lib/search-fields';
import { startOffline } from './offline';
import { watchForNotes } from '../annotations/browser/trigger';

let panel: Promise<typeof import('./search/panel')> | undefined;

for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-box]')) {
  const input = form.querySelector('input');
  const start = () => void (panel ??= import('./search/panel')).then((m) => m.attach(form));
  input?.addEventListener('focus', start, { once: true });
  input?.addEventListener('input', start, { once: true });
}

// "/" jumps to search from anywhere except while typing in a field.
addEventListener('keydown', (e) => {
  const el = e.target as HTMLElement;
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return;
  const box =
    document.querySelector<HTMLInputElement>('[data-search-primary]') ?? document.querySelector<HTMLInputElement>('[data-search-shortcut]');
  if (!box) return;
  e.preventDefault();
  box.focus();
  box.select();
});

if (document.querySelector('[data-search-page]')) void import('./search/page');
if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) void import('./search/highlight');
startOffline();
watchForNotes();
