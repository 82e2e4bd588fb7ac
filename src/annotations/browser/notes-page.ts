// The "Catatan saya" page: lists the notes stored in this browser, grouped by work and chapter in
// reading order, each linking back to its passage; search within them; export and import; delete all.
import { collectionTable, fromWebAnnotations, grouped, isTag, merge, passageUrl, TAGS, toCollection, toMarkdown, type Note, type Tag } from '../model.ts';
import { checkState, loadState, mergeState, saveState } from '../../matrix/state.ts';
import { appendNoteDetails } from './note-item.ts';
import { allNotes, clearNotes, putNotes } from './store.ts';

const root = document.querySelector<HTMLElement>('[data-notes-page]')!;
const S = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
/** The previous-studies columns' labels (src/matrix/), from the same strings. */
const TAG_LABELS = ((JSON.parse(root.dataset.strings ?? '{}') as { tags?: Record<Tag, string> }).tags ?? {}) as Record<Tag, string>;
const list = root.querySelector<HTMLElement>('[data-notes-list]')!;
const status = root.querySelector<HTMLElement>('[data-notes-status]')!;
const search = root.querySelector<HTMLInputElement>('[data-notes-search]')!;
// "/en" is ENGLISH_PREFIX of src/routes.ts, written out here (why: see there).
// The base path (src/base-path.ts) as Vite writes it in, a string: no module shared for it.
const base = import.meta.env.BASE_URL;
const english = location.pathname.startsWith(`${base}en/`);
let notes: Note[] = [];

/** "3 …" from a string the page rendered with 0 (or 0 and 0) in it. */
const fill = (s: string | undefined, ...n: number[]) => {
  let i = 0;
  return (s ?? '').replace(/\b0\b/g, () => String(n[i++] ?? 0));
};
const say = (...messages: string[]) => (status.textContent = messages.filter(Boolean).join(' '));
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

async function load(): Promise<void> {
  try {
    const all = await allNotes();
    notes = all.notes;
    if (all.bad) say(fill(S.storedBad, all.bad));
  } catch {
    notes = [];
    say(S.unavailable ?? '');
  }
  show();
}

function show(): void {
  const q = fold(search.value.trim());
  const shown = q ? notes.filter((n) => fold(`${n.quote.exact} ${n.note} ${n.workTitle} ${n.chapterTitle}`).includes(q)) : notes;
  list.replaceChildren();
  if (!notes.length) {
    const p = document.createElement('p');
    p.textContent = S.empty ?? '';
    list.append(p);
    return;
  }
  const summary = document.createElement('p');
  summary.textContent = q ? fill(S.found, shown.length, notes.length) : fill(S.count, notes.length);
  list.append(summary);
  for (const w of grouped(shown)) {
    const section = document.createElement('section');
    const h2 = document.createElement('h2');
    h2.textContent = w.title;
    section.append(h2);
    for (const c of w.chapters) {
      const h3 = document.createElement('h3');
      h3.textContent = c.title;
      const ul = document.createElement('ul');
      ul.className = 'notes-list';
      for (const n of c.notes) {
        const li = document.createElement('li');
        li.className = `hl-${n.colour}-rule${n.lost ? ' orphan' : ''}`;
        const quote = document.createElement('q');
        quote.textContent = n.quote.exact;
        li.append(quote);
        appendNoteDetails(li, n.note, !!n.lost, S);
        li.append(columnField(n));
        const p = document.createElement('p');
        const a = document.createElement('a');
        const url = new URL(passageUrl(n, location.origin));
        if (english) url.pathname = `${base}en/${url.pathname.slice(base.length)}`;
        a.href = url.href;
        a.textContent = S.openPassage ?? '';
        p.append(a);
        li.append(p);
        ul.append(li);
      }
      section.append(h3, ul);
    }
    list.append(section);
  }
}

/** The note's previous-studies column (src/matrix/), changed here as in the chapter's editor. */
function columnField(n: Note): HTMLElement {
  const select = document.createElement('select');
  select.setAttribute('aria-label', `${S.column}: ${n.quote.exact.slice(0, 60)}`);
  select.dataset.column = n.id;
  for (const [value, label] of [['', S.noColumn ?? ''], ...TAGS.map((t) => [t, TAG_LABELS[t]])] as [string, string][]) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.append(o);
  }
  select.value = n.tag ?? '';
  select.addEventListener('change', async () => {
    const updated: Note = { ...n, tag: isTag(select.value) ? select.value : undefined, modified: new Date().toISOString() };
    try {
      await putNotes([updated]);
      notes = notes.map((x) => (x.id === n.id ? updated : x));
      n = updated;
      say(S.columnSaved ?? '');
    } catch {
      say(S.unavailable ?? '');
    }
  });
  const p = document.createElement('p');
  p.append(select);
  return p;
}

function download(name: string, type: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The public address for links and sources: the canonical URL's origin (the site setting), else this one. */
const site = () => {
  try {
    return new URL(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href).origin;
  } catch {
    return location.origin;
  }
};

/** The previous-studies table kept on this device, when it has rows: it travels in the W3C file. */
function tableToExport() {
  const { state } = loadState();
  return state.rows.length || state.removed.length ? state : undefined;
}

root.querySelector('[data-notes-export="md"]')!.addEventListener('click', () => {
  const sorted = grouped(notes).flatMap((w) => w.chapters.flatMap((c) => c.notes));
  download(
    'catatan-saya.md',
    'text/markdown',
    toMarkdown(sorted, site(), { title: S.markdownTitle ?? '', note: S.note ?? '', cite: S.cite ?? '', column: S.column ?? '', tags: TAG_LABELS }),
  );
});
root.querySelector('[data-notes-export="json"]')!.addEventListener('click', () => {
  download('catatan-saya.jsonld', 'application/ld+json', JSON.stringify(toCollection(notes, site(), S.markdownTitle ?? '', tableToExport()), null, 2));
});
root.querySelector<HTMLInputElement>('[data-notes-import]')!.addEventListener('change', async (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  try {
    const json = JSON.parse(await file.text()) as unknown;
    const { notes: incoming, bad } = fromWebAnnotations(json);
    if (!incoming.length && bad === 0) throw new Error('no annotations');
    const { write, skipped } = merge(notes, incoming);
    await putNotes(write);
    const table = collectionTable(json);
    if (table) saveState(mergeState(loadState().state, checkState(table)));
    await load();
    say(fill(S.imported, write.length, skipped), bad ? fill(S.importBad, bad) : '');
  } catch {
    say(S.importFailed ?? '');
  } finally {
    input.value = '';
  }
});
root.querySelector('[data-notes-clear]')!.addEventListener('click', async () => {
  if (!confirm(S.clearConfirm)) return;
  try {
    await clearNotes();
    await load();
    say(S.cleared ?? '');
  } catch {
    say(S.unavailable ?? '');
  }
});
search.addEventListener('input', show);
void load();
