// The "Tabel penelitian terdahulu" page: the reader's tagged highlights (IndexedDB,
// src/annotations/browser/store.ts) and table (localStorage, ../state.ts) as a table with the works'
// records (../record.ts, fetched, and kept on the device for offline); reorder and remove rows and
// quotes with buttons, write the own-words cell, pick the references' style, export CSV and
// Markdown here, Word through ./docx.ts, which loads the `docx` library only when asked.
import type { WorkRecord } from '../record.ts';
import { checkState, loadState, saveState, type TableState } from '../state.ts';
import { STYLE_KEYS_BROWSER, type StyleKeyBrowser } from '../styles.ts';
import {
  buildRows,
  checkRecord,
  kindCell,
  moved,
  references,
  researchersCell,
  tableCells,
  titleCell,
  toCsv,
  toMarkdown,
  type Row,
  type TableText,
} from '../table.ts';
import { allNotes, putNotes } from '../../annotations/browser/store.ts';
import { passageUrl, TAGS, type Note } from '../../annotations/model.ts';

const root = document.querySelector<HTMLElement>('[data-matrix-page]')!;
const S = JSON.parse(root.dataset.strings ?? '{}') as TableText &
  Record<
    | 'empty'
    | 'openQuote'
    | 'up'
    | 'down'
    | 'remove'
    | 'rowUp'
    | 'rowDown'
    | 'rowRemove'
    | 'quoteUp'
    | 'quoteDown'
    | 'quoteRemove'
    | 'ownWordsLabel'
    | 'actions'
    | 'caption'
    | 'title'
    | 'references'
    | 'exporting'
    | 'exportFailed'
    | 'unavailable'
    | 'workUnavailable'
    | 'moved'
    | 'removed'
    | 'storedBad',
    string
  > & { locale: 'id' | 'en' };
const tableBox = root.querySelector<HTMLElement>('[data-matrix-table]')!;
const refsBox = root.querySelector<HTMLElement>('[data-matrix-references]')!;
const status = root.querySelector<HTMLElement>('[data-matrix-status]')!;
const styleSelect = root.querySelector<HTMLSelectElement>('[data-matrix-style]')!;
// "/en" is ENGLISH_PREFIX of src/routes.ts and the base src/base-path.ts's, written out (see routes.ts).
const base = import.meta.env.BASE_URL;
const english = location.pathname.startsWith(`${base}en/`);
/** The works' records as last fetched, kept for offline (checked when read back). */
const RECORDS_KEY = 'rb-tabel-penelitian-karya';

let notes: Note[] = [];
let state: TableState = checkState(undefined);
let rows: Row[] = [];
const records = new Map<string, WorkRecord>();

const say = (...m: string[]) => (status.textContent = m.filter(Boolean).join(' '));
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

/** The public address for links in files: the canonical URL's origin (the site setting), else this one. */
const site = () => {
  try {
    return new URL(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href).origin;
  } catch {
    return location.origin;
  }
};

function storedRecords(): Record<string, unknown> {
  try {
    const v = JSON.parse(localStorage.getItem(RECORDS_KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Each row's work record: from the site, else as kept on the device. */
async function loadRecords(works: string[]): Promise<void> {
  const kept = storedRecords();
  let changed = false;
  await Promise.all(
    works
      .filter((w) => !records.has(w))
      .map(async (w) => {
        let record: WorkRecord | null = null;
        try {
          const res = await fetch(`${base}penelitian-terdahulu/${w}.json`);
          if (res.ok) record = checkRecord(await res.json());
          if (record) {
            kept[w] = record;
            changed = true;
          }
        } catch {
          // Offline or a failed request: the copy kept on the device.
        }
        record ??= checkRecord(kept[w]);
        if (record) records.set(w, record);
      }),
  );
  if (changed)
    try {
      localStorage.setItem(RECORDS_KEY, JSON.stringify(kept));
    } catch {
      /* not kept: fetched again next time */
    }
}

async function load(): Promise<void> {
  const loaded = loadState();
  state = loaded.state;
  try {
    notes = (await allNotes()).notes;
  } catch {
    notes = [];
    say(S.unavailable);
  }
  if (loaded.bad) say(S.storedBad.replace('0', '1'));
  styleSelect.value = state.style;
  await refresh();
}

async function refresh(focus?: string): Promise<void> {
  rows = buildRows(notes, state, records).rows;
  await loadRecords(rows.map((r) => r.work));
  const built = buildRows(notes, state, records);
  rows = built.rows;
  state = built.state;
  if (!saveState(state)) say(S.unavailable);
  render();
  if (focus) root.querySelector<HTMLElement>(focus)?.focus();
}

const fill = (s: string, name: string) => s.replace('0', name);
const rowName = (r: Row) => researchersCell(r, S);

function button(text: string, label: string, action: string, key: string, disabled = false): HTMLButtonElement {
  const b = el('button', { type: 'button', textContent: text, disabled });
  b.setAttribute('aria-label', label);
  b.dataset.action = action;
  b.dataset.key = key;
  return b;
}

function quoteItem(n: Note, list: Note[], i: number, lang: string): HTMLLIElement {
  const url = new URL(passageUrl(n, location.origin));
  if (english) url.pathname = `${base}en/${url.pathname.slice(base.length)}`;
  const q = el('q', { textContent: n.quote.exact });
  if (lang) q.lang = lang;
  const li = el('li', {}, q, ' ', el('a', { href: url.href, textContent: S.openQuote }));
  li.dataset.note = n.id;
  const moves = el(
    'span',
    { className: 'matrix-moves' },
    button('↑', S.quoteUp, 'quote-up', n.id, i === 0),
    button('↓', S.quoteDown, 'quote-down', n.id, i === list.length - 1),
    button('✕', S.quoteRemove, 'quote-remove', n.id),
  );
  li.append(' ', moves);
  return li;
}

function render(): void {
  tableBox.replaceChildren();
  // An empty table has nothing to export: its buttons wait for a row. Adding a work waits for the
  // first render (the page comes with it disabled).
  for (const b of root.querySelectorAll<HTMLButtonElement>('[data-matrix-export]')) b.disabled = !rows.length;
  root.querySelector<HTMLButtonElement>('[data-matrix-add]')!.disabled = false;
  if (!rows.length) {
    tableBox.append(el('p', { textContent: S.empty }));
  } else {
    const head = el(
      'tr',
      {},
      ...[S.number, S.researchers, S.workTitle, S.kind, ...TAGS.map((t) => S.tags[t]), S.ownWords, S.actions].map((h) => {
        const th = el('th', { textContent: h });
        th.scope = 'col';
        return th;
      }),
    );
    const body = el('tbody');
    rows.forEach((r, i) => {
      const lang = r.record?.language ?? '';
      const cell = (label: string, ...children: (Node | string)[]) => {
        const td = el('td', {}, ...children);
        td.dataset.label = label;
        return td;
      };
      const who = el('th', { textContent: researchersCell(r, S) });
      who.scope = 'row';
      who.dataset.label = S.researchers;
      const title = cell(S.workTitle, titleCell(r));
      if (lang) title.lang = lang;
      const words = document.createElement('textarea');
      words.value = r.words;
      words.rows = 3;
      words.setAttribute('aria-label', fill(S.ownWordsLabel, titleCell(r)));
      words.dataset.words = r.work;
      const tr = el(
        'tr',
        {},
        cell(S.number, String(i + 1)),
        who,
        title,
        cell(S.kind, kindCell(r, S)),
        ...TAGS.map((tag) => {
          const list = r.cells[tag];
          const td = cell(S.tags[tag]);
          td.dataset.tag = tag;
          if (list.length) td.append(el('ol', { className: 'matrix-quotes' }, ...list.map((n, j) => quoteItem(n, list, j, lang))));
          return td;
        }),
        cell(S.ownWords, words),
        cell(
          S.actions,
          el(
            'span',
            { className: 'matrix-moves' },
            button('↑', fill(S.rowUp, rowName(r)), 'row-up', r.work, i === 0),
            button('↓', fill(S.rowDown, rowName(r)), 'row-down', r.work, i === rows.length - 1),
            button('✕', fill(S.rowRemove, rowName(r)), 'row-remove', r.work),
          ),
        ),
      );
      tr.dataset.work = r.work;
      if (!r.record) tr.title = S.workUnavailable;
      body.append(tr);
    });
    const scroll = el(
      'div',
      { className: 'table-scroll matrix-scroll', tabIndex: 0 },
      el('table', { className: 'matrix-table' }, el('caption', { textContent: S.caption }), el('thead', {}, head), body),
    );
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', S.caption);
    tableBox.append(scroll);
  }
  renderReferences();
}

/** Citation HTML from a record (the site's own, but read back from storage too): text and inline emphasis only. */
function safeHtml(html: string): DocumentFragment {
  const out = document.createDocumentFragment();
  const copy = (from: Node, to: Node) => {
    for (const n of from.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) to.appendChild(document.createTextNode(n.textContent ?? ''));
      else if (n instanceof Element) {
        const keep = /^(I|EM|B|STRONG|SUP|SUB|SPAN)$/.test(n.tagName) ? document.createElement(n.tagName.toLowerCase()) : null;
        if (keep && n.getAttribute('style')?.includes('font-style:italic')) keep.style.fontStyle = 'italic';
        copy(n, keep ? to.appendChild(keep) : to);
      }
    }
  };
  copy(new DOMParser().parseFromString(html, 'text/html').body, out);
  return out;
}

function renderReferences(): void {
  const refs = references(rows, state.style, S.locale);
  refsBox.replaceChildren(...(refs.length ? [el('ul', { className: 'matrix-references' }, ...refs.map((c) => el('li', {}, safeHtml(c.html))))] : []));
}

function save(): void {
  if (!saveState(state)) say(S.unavailable);
}

async function act(action: string, key: string): Promise<void> {
  const index = state.rows.findIndex((r) => r.work === key);
  if (action === 'row-up' || action === 'row-down') {
    state = { ...state, rows: moved(state.rows, index, action === 'row-up' ? -1 : 1) };
    await refresh(
      `[data-action="${action}"][data-key="${CSS.escape(key)}"]:not(:disabled), [data-key="${CSS.escape(key)}"][data-action^="row-"]:not(:disabled)`,
    );
    say(S.moved);
  } else if (action === 'row-remove') {
    state = { ...state, rows: state.rows.filter((r) => r.work !== key), removed: [...state.removed, key] };
    await refresh('[data-matrix-add-select]');
    say(S.removed);
  } else if (action.startsWith('quote-')) {
    const note = notes.find((n) => n.id === key);
    const row = rows.find((r) => r.work === note?.work);
    if (!note || !row || !note.tag) return;
    if (action === 'quote-remove') {
      // Out of the table: the highlight stays, without its column.
      try {
        const untagged = { ...note, tag: undefined, modified: new Date().toISOString() };
        notes = notes.map((n) => (n.id === key ? untagged : n));
        await putNotes([untagged]);
      } catch {
        say(S.unavailable);
      }
      await refresh(`tr[data-work="${CSS.escape(note.work)}"] [data-action="row-up"]`);
      say(S.removed);
      return;
    }
    const list = row.cells[note.tag];
    const order = moved(list, list.indexOf(note), action === 'quote-up' ? -1 : 1).map((n) => n.id);
    const others = TAGS.filter((t) => t !== note.tag).flatMap((t) => row.cells[t].map((n) => n.id));
    state = { ...state, rows: state.rows.map((r) => (r.work === row.work ? { ...r, quotes: [...order, ...others] } : r)) };
    await refresh(`[data-action="${action}"][data-key="${CSS.escape(key)}"]:not(:disabled), li[data-note="${CSS.escape(key)}"] button:not(:disabled)`);
    say(S.moved);
  }
}

root.addEventListener('click', (e) => {
  const b = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
  if (b) void act(b.dataset.action!, b.dataset.key!);
});
root.addEventListener('input', (e) => {
  const area = e.target as HTMLTextAreaElement;
  if (!area.dataset?.words) return;
  state = { ...state, rows: state.rows.map((r) => (r.work === area.dataset.words ? { ...r, words: area.value } : r)) };
  rows = rows.map((r) => (r.work === area.dataset.words ? { ...r, words: area.value } : r));
  save();
});
styleSelect.addEventListener('change', () => {
  if (STYLE_KEYS_BROWSER.includes(styleSelect.value as StyleKeyBrowser)) state = { ...state, style: styleSelect.value as StyleKeyBrowser };
  save();
  renderReferences();
});
root.querySelector('[data-matrix-add]')!.addEventListener('click', () => {
  const work = root.querySelector<HTMLSelectElement>('[data-matrix-add-select]')!.value;
  if (!work || state.rows.some((r) => r.work === work)) return;
  state = { ...state, rows: [...state.rows, { work, words: '', quotes: [] }], removed: state.removed.filter((w) => w !== work) };
  void refresh(`tr[data-work="${CSS.escape(work)}"] textarea`);
});

function download(name: string, type: string, data: BlobPart): void {
  const a = el('a', { href: URL.createObjectURL(new Blob([data], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const fileName = 'tabel-penelitian-terdahulu';
root.querySelector('[data-matrix-export="csv"]')!.addEventListener('click', () => {
  const { header, body } = tableCells(rows, S, site());
  download(`${fileName}.csv`, 'text/csv;charset=utf-8', toCsv(header, body));
});
root.querySelector('[data-matrix-export="md"]')!.addEventListener('click', () => {
  download(`${fileName}.md`, 'text/markdown;charset=utf-8', toMarkdown(rows, S, site(), references(rows, state.style, S.locale)));
});
root.querySelector('[data-matrix-export="docx"]')!.addEventListener('click', async () => {
  say(S.exporting);
  try {
    const { toDocx } = await import('./docx.ts');
    download(
      `${fileName}.docx`,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      await toDocx(tableCells(rows, S, site()), references(rows, state.style, S.locale), { title: S.title, references: S.references, caption: S.caption }),
    );
    say('');
  } catch {
    say(S.exportFailed);
  }
});
void load();
