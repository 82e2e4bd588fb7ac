// The search page (/cari/): the query and the filters live in the URL (?q=…&karya=…&jenis=…&tahun=…),
// so a search can be shared as a link. Without JavaScript the same form still submits as a GET form.
// When the index cannot be fetched the page says so (never "no results"), and tries again by itself
// when the connection returns, or when the reader types or changes a filter.
import { FILTERS, NO_YEAR, WORK_LABEL_FILTER } from '../fields.ts';
import { QUERY_PARAM } from '../../routes.ts';
import { answered, hit, search, type Filters, type PagefindSearch } from './engine.ts';
import { searchQuery } from '../../browser/safe-links.ts';
import { arrowKeys, renderHits } from './results.ts';
import { s } from './text.ts';

const PAGE_SIZE = 10;
const form = document.querySelector<HTMLFormElement>('[data-search-page]')!;
const input = form.querySelector<HTMLInputElement>(`input[name="${QUERY_PARAM}"]`)!;
const status = document.querySelector<HTMLElement>('[data-search-page-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-page-results]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-page-more]')!;
const names: string[] = Object.values(FILTERS);
const boxes = () => [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((b) => names.includes(b.name));

let current: PagefindSearch | null = null;
let shown = 0;
/** Which run is the latest: an older search that answers late is dropped. */
let latest = 0;
/** The filters are known (the index answered once); until then a search first loads them. */
let ready = false;
/** The latest search failed for want of the index. */
let failed = false;

function filters(): Filters {
  const out: Filters = {};
  for (const b of boxes()) if (b.checked) (out[b.name] ??= { any: [] }).any.push(b.value);
  return out;
}

/** The form as a URL, so the address bar always holds a link to this very search. */
function syncUrl(q: string) {
  const params = new URLSearchParams();
  if (q) params.set(QUERY_PARAM, q);
  for (const b of boxes()) if (b.checked) params.append(b.name, b.value);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

function counts(found: PagefindSearch) {
  for (const b of boxes()) {
    const n = found.filters[b.name]?.[b.value] ?? 0;
    const out = b.parentElement?.querySelector('[data-count]');
    if (out) out.textContent = `(${n})`;
  }
}

/** Draws the next ten results of the current search (the first ten replace the list). */
async function showMore(mine = latest) {
  if (!current) return;
  const found = current;
  const next = await answered(() => Promise.all(found.results.slice(shown, shown + PAGE_SIZE).map((r) => hit(r))));
  if (mine !== latest) return;
  renderHits(list, next, shown === 0);
  shown += next.length;
  more.hidden = shown >= found.results.length;
}

async function run(now = false) {
  if (!ready) return start();
  const q = input.value.trim();
  const mine = ++latest;
  syncUrl(q);
  if (!q) {
    current = null;
    failed = false;
    list.replaceChildren();
    more.hidden = true;
    status.textContent = s.prompt;
    return;
  }
  try {
    const found = await search(q, filters(), now);
    if (!found || mine !== latest) return;
    current = found;
    shown = 0;
    await showMore(mine);
    if (mine !== latest) return;
    failed = false;
    counts(found);
    status.textContent = found.results.length ? s.count(found.results.length, q) : s.none(q);
  } catch {
    if (mine !== latest) return;
    failed = true;
    status.textContent = s.failed;
  }
}

interface Option {
  value: string;
  label: string;
  lang?: string;
}

/** One checkbox of a filter, as the page's own (src/pages/cari.astro) are written. */
function option(name: string, { value, label, lang }: Option): HTMLLIElement {
  const li = document.createElement('li');
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', name, value });
  const text = Object.assign(document.createElement('span'), { textContent: label });
  if (lang) text.lang = lang;
  const count = document.createElement('span');
  count.className = 'search-count';
  count.dataset.count = '';
  const wrap = document.createElement('label');
  wrap.append(box, text, ' ', count);
  li.append(wrap);
  return li;
}

/**
 * The works and years come from the index (they grow with the library; the page's HTML does not):
 * works by title, each labelled from the index's "judul-karya" filter; years newest first.
 */
function fillFromIndex(present: Record<string, Record<string, number>>) {
  const labels = new Map<string, { label: string; lang?: string }>();
  for (const raw of Object.keys(present[WORK_LABEL_FILTER] ?? {})) {
    const [id = '', lang, ...title] = raw.split(' ');
    labels.set(id, { label: title.join(' ') || id, lang });
  }
  const works: Option[] = Object.keys(present[FILTERS.work] ?? {}).map((value) => ({ value, ...(labels.get(value) ?? { label: value }) }));
  works.sort((a, b) => a.label.localeCompare(b.label, 'id'));
  const years: Option[] = Object.keys(present[FILTERS.year] ?? {})
    .sort((a, b) => (a === NO_YEAR ? 1 : b === NO_YEAR ? -1 : Number(b) - Number(a)))
    .map((value) => ({ value, label: value === NO_YEAR ? s.noYear : value }));
  for (const [name, options] of [
    [FILTERS.work, works],
    [FILTERS.year, years],
  ] as const) {
    const group = form.querySelector<HTMLFieldSetElement>(`[data-filter-group="${name}"]`);
    if (!group || !options.length) continue;
    group.querySelector('ul')!.replaceChildren(...options.map((o) => option(name, o)));
    group.hidden = false;
  }
}

let filled = false;
let optionsFilled = false;
/** Fills the form from the URL and the index (once), and hides filter values no page in the index has. */
async function start() {
  const params = new URLSearchParams(location.search);
  const named = (b: HTMLInputElement) => params.getAll(b.name).includes(b.value);
  if (!filled) {
    filled = true;
    // What the reader typed while the search code was still missing is kept.
    if (!input.value) input.value = searchQuery(params.get(QUERY_PARAM));
    for (const b of boxes()) b.checked = named(b);
  }
  const mine = ++latest;
  status.textContent = s.loading;
  try {
    const present = await answered((pf) => pf.filters());
    if (!optionsFilled) {
      optionsFilled = true;
      // The works and years arrive with the index; those the URL names start ticked.
      fillFromIndex(present);
      for (const b of boxes()) if (b.name === FILTERS.work || b.name === FILTERS.year) b.checked = named(b);
    }
    for (const b of boxes()) {
      const label = b.closest('li');
      if (label && !(b.value in (present[b.name] ?? {})) && !b.checked) label.hidden = true;
    }
  } catch {
    if (mine === latest) {
      failed = true;
      status.textContent = s.failed;
    }
    return;
  }
  ready = true;
  await run(true);
}

// The connection is back: what failed runs again, without the reader doing anything.
addEventListener('online', () => {
  if (failed) void run(true);
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run();
});
form.addEventListener('input', () => void run());
more.addEventListener('click', () => {
  const first = shown;
  showMore().then(
    () => list.querySelectorAll<HTMLAnchorElement>(':scope > li > a')[first]?.focus(),
    () => {
      failed = true;
      status.textContent = s.failed;
    },
  );
});
// The arrow keys move from the query box down through the results (Tab works too).
const arrows = (e: KeyboardEvent) => arrowKeys(e, [...list.querySelectorAll('a')], input);
input.addEventListener('keydown', arrows);
list.addEventListener('keydown', arrows);
void start();
