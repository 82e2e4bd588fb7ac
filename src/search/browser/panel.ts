// The header search box, once the reader starts to search: the first results appear under the box
// as links (Tab or the arrow keys reach them, Escape closes), with a link to the full search page.
// A live region says how many results there are. Loaded by src/browser/boot.ts on first focus.
// When the index cannot be fetched the box says so (never "no results"), and searches again by
// itself when the connection returns, or when the reader types again.
import { answered, engine, hit, preload, search } from './engine';
import { arrowKeys, renderHits } from './results';
import { s } from './text';
import { QUERY_PARAM } from '../../routes';

/**
 * Results under the box, each with the one section that matches best: three fit a 360 px phone's
 * screen above its keyboard, and each costs a request for its page's text (Pagefind's fragment),
 * so only those shown are fetched.
 */
const SHOWN = 3;
/**
 * A search waits until the reader pauses this long: each search fetches the texts of its results,
 * and those of the words on the way to the one meant ("k", "ke", "kem"…) would be thrown away.
 * Meanwhile the index chunks the word needs are fetched (preload).
 */
const PAUSE = 250;
const attached = new WeakSet<HTMLFormElement>();

export function attach(form: HTMLFormElement): void {
  if (attached.has(form)) return;
  attached.add(form);
  const input = form.querySelector<HTMLInputElement>(`input[name="${QUERY_PARAM}"]`)!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-panel]')!;
  const list = document.createElement('ol');
  list.className = 'search-hits';
  const all = document.createElement('a');
  all.className = 'search-all';
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', s.resultsLabel);
  panel.append(list, all);
  let shownFor = '';
  // Escape closes the results until the reader types again (focus coming back must not reopen them).
  let dismissed = false;
  /** The query whose search failed (the network, not the index, had no answer). */
  let failedFor = '';

  const links = () => [...panel.querySelectorAll('a')];
  const close = () => (panel.hidden = true);

  /** Counts searches, so that one overtaken by a newer one stops before fetching anything more. */
  let latest = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;

  async function run() {
    clearTimeout(pause);
    const mine = ++latest;
    const q = input.value.trim();
    const current = () => mine === latest && input.value.trim() === q;
    if (!q) {
      close();
      status.textContent = '';
      shownFor = '';
      return;
    }
    try {
      const found = await search(q, {}, true);
      if (!found || !current()) return;
      const hits = await answered(() => Promise.all(found.results.slice(0, SHOWN).map((r) => hit(r, 1))));
      if (!current()) return;
      failedFor = '';
      renderHits(list, hits);
      const n = found.results.length;
      // The search page of the box's own interface language (the form's action, /cari/ or /en/cari/).
      all.href = `${form.getAttribute('action')}?q=${encodeURIComponent(q)}`;
      all.textContent = s.all(n);
      all.hidden = n === 0;
      status.textContent = n ? `${s.count(n, q)} ${s.toResults}` : s.none(q);
      if (!n) list.replaceChildren(Object.assign(document.createElement('li'), { textContent: s.none(q) }));
      shownFor = q;
      panel.hidden = dismissed || !form.contains(document.activeElement);
    } catch {
      if (!current()) return;
      failedFor = q;
      shownFor = q;
      status.textContent = s.failed;
      list.replaceChildren(Object.assign(document.createElement('li'), { className: 'search-failed', textContent: s.failed }));
      all.hidden = true;
      panel.hidden = dismissed || !form.contains(document.activeElement);
    }
  }

  input.addEventListener('input', () => {
    dismissed = false;
    ++latest;
    clearTimeout(pause);
    const q = input.value.trim();
    if (!q) return void run();
    preload(q);
    pause = setTimeout(() => void run(), PAUSE);
  });
  input.addEventListener('focus', () => {
    if (!dismissed && shownFor && shownFor === input.value.trim()) panel.hidden = false;
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      e.preventDefault();
      dismissed = true;
      close();
      input.focus();
      return;
    }
    if (!panel.hidden) arrowKeys(e, links(), input);
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });
  // The connection is back: the search that failed runs again, without the reader doing anything.
  addEventListener('online', () => {
    if (failedFor && failedFor === input.value.trim()) void run();
  });
  // Typed before this module arrived: search for it now; otherwise get the index ready meanwhile.
  if (input.value.trim()) void run();
  else engine().catch(() => {});
}
