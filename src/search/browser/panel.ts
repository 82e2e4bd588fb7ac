// The header search box, once the reader starts to search: the first results appear under the box
// as links (Tab or the arrow keys reach them, Escape closes), with a link to the full search page.
// A live region says how many results there are. Loaded by src/browser/boot.ts on first focus.
// When the index cannot be fetched the box says so (never "no results"), and searches again by
// itself when the connection returns, or when the reader types again.
import { answered, engine, hit, search } from './engine.ts';
import { arrowKeys, renderHit } from './results.ts';
import { s } from './text.ts';
import { QUERY_PARAM } from '../../routes.ts';
import { SEARCH_SETTLED } from './intent.ts';

/** The search has answered: what waited for the link (the offline core's copy) may have it. */
const settled = () => dispatchEvent(new Event(SEARCH_SETTLED));

/**
 * Results under the box, each with the one section that matches best: three fit a 360 px phone's
 * screen above its keyboard, and each costs a request for its page's text (Pagefind's fragment),
 * so only those shown are fetched.
 */
const SHOWN = 3;
/**
 * The page texts of a search's results wait until the reader pauses this long: those of the words
 * on the way to the one meant ("k", "ke", "kem"…) would be fetched and thrown away.
 */
const PAUSE = 250;
/** An engine that loads faster than this (ms) comes from the device, not the network. */
const NEAR = 300;
/** The length from which a query is looked up in the index without waiting for a pause. */
const EARLY = 3;
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
  /** When the reader last typed: page texts are fetched only once they pause. */
  let typedAt = 0;
  /**
   * Whether the index is on this device (the service worker has it, or the browser's cache): the
   * engine then loads in a blink, and the results' texts cost nothing, so they need not wait for a
   * pause. Measured on the engine's own load, from this box's first use.
   */
  let near = false;
  const since = performance.now();
  void engine().then(
    () => (near = performance.now() - since < NEAR),
    () => {},
  );

  async function run() {
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
      // From three letters on the index is asked at once, so that the chunks the word needs come
      // while the reader is still typing it (a chunk holds a run of words in alphabetical order: "kem"
      // and "kemiskinan" need the same one). One or two letters match words in many chunks: those
      // wait for a pause. The page texts of the results always wait for one (pauseOver).
      const pauseOver = () => {
        const wait = near ? 0 : typedAt + PAUSE - performance.now();
        return wait > 0 ? new Promise((r) => setTimeout(r, wait)) : Promise.resolve();
      };
      if (q.length < EARLY) await pauseOver();
      if (!current()) return;
      await engine();
      if (!current()) return;
      const found = await search(q, {}, true);
      if (!found || !current()) return;
      await pauseOver();
      if (!current()) return;
      const n = found.results.length;
      // The search page of the box's own interface language (the form's action, /cari/ or /en/cari/).
      all.href = `${form.getAttribute('action')}?q=${encodeURIComponent(q)}`;
      all.textContent = s.all(n);
      all.hidden = n === 0;
      const answer = () => {
        failedFor = '';
        status.textContent = n ? `${s.count(n, q)} ${s.toResults}` : s.none(q);
        shownFor = q;
        panel.hidden = dismissed || !form.contains(document.activeElement);
      };
      if (!n) {
        list.replaceChildren(Object.assign(document.createElement('li'), { textContent: s.none(q) }));
        answer();
        return settled();
      }
      // Each result is drawn as soon as its page's text arrives, in its place: the first one on
      // screen does not wait for the largest (the texts share the link). The previous results stay
      // until then.
      const slots = found.results.slice(0, SHOWN).map(() => Object.assign(document.createElement('li'), { hidden: true }));
      let first = true;
      await answered(() =>
        Promise.all(
          found.results.slice(0, SHOWN).map(async (r, i) => {
            const h = await hit(r, 1);
            if (!current()) return;
            if (first) {
              first = false;
              list.replaceChildren(...slots);
              answer();
            }
            const drawn = renderHit(h);
            slots[i]!.replaceWith(drawn);
            slots[i] = drawn;
          }),
        ),
      );
      if (current()) settled();
    } catch {
      if (!current()) return;
      failedFor = q;
      shownFor = q;
      status.textContent = s.failed;
      list.replaceChildren(Object.assign(document.createElement('li'), { className: 'search-failed', textContent: s.failed }));
      all.hidden = true;
      panel.hidden = dismissed || !form.contains(document.activeElement);
      settled();
    }
  }

  input.addEventListener('input', () => {
    dismissed = false;
    typedAt = performance.now();
    void run();
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
  // Typed before this module arrived: search for it now (the index is on its way already, above).
  if (input.value.trim()) void run();
}
