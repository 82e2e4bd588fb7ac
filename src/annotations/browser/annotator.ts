// Highlights and notes on a chapter page, loaded on demand (browser/trigger.ts). A selection made
// by mouse, touch or keyboard shows a toolbar of colours; H highlights by keyboard (the selection,
// or the paragraph whose ¶ mark has focus) and moves focus to the toolbar. Each highlight is
// anchored by a W3C TextQuoteSelector (exact words with prefix and suffix, @apache-annotator/dom)
// with the paragraph id as a hint, so it finds its words again after a rebuild that changed other
// text (or that paragraph's id); a highlight whose words are gone is listed as such, never dropped.
import { createTextQuoteSelectorMatcher, describeTextQuote, highlightText } from '@apache-annotator/dom';
import { checkRank, COLOURS, isTag, TAGS, type Colour, type Note } from '../model.ts';
import { appendNoteDetails } from './note-item.ts';
import { allNotes, deleteNote, newId, putNotes } from './store.ts';
import { s } from './text.ts';

const strings = s.notes;
const panel = document.querySelector<HTMLElement>('[data-annotations]');
const prose = document.querySelector<HTMLElement>('.prose');

/** An element with its attributes ("" for a boolean one; undefined leaves it out) and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

/** The previous-studies table's column (src/matrix/): none, or one of its columns. */
const columnOptions = () => [el('option', { value: '' }, s.matrix.noColumn), ...TAGS.map((tag) => el('option', { value: tag }, s.matrix.tags[tag]))];

/**
 * The selection's toolbar, made here (not in every chapter's HTML): two rows at most on a 360 px
 * phone with every action (tests/browser/phone.test.ts): the colours are swatches named by their
 * hidden words, the note button shows its short name; "Bagikan" is added after it where the browser
 * can share (start, below); "Laporkan kesalahan" where the build has a REPORT_URL (the panel's
 * data-report); the column, one compact control, chosen before a colour.
 */
const toolbar =
  panel &&
  prose &&
  el(
    'div',
    { class: 'hl-toolbar', role: 'toolbar', 'aria-label': strings.toolbar, lang: panel.lang, hidden: '', 'data-pagefind-ignore': '' },
    ...COLOURS.map((c) =>
      el('button', { type: 'button', class: `hl-swatch hl-${c}`, 'data-colour': c }, el('span', { class: 'visually-hidden' }, strings.colours[c])),
    ),
    el('button', { type: 'button', 'data-colour': 'yellow', 'data-with-note': '', 'aria-label': strings.addNote }, strings.note),
    el(
      'button',
      {
        type: 'button',
        'data-quote': panel.dataset.quote,
        'data-copied': s.quote.copied,
        'data-failed': s.quote.failed,
        'data-version': s.quote.version('%s'),
        'data-share': s.quote.share,
      },
      s.quote.copy,
    ),
    ...(panel.dataset.report ? [el('button', { type: 'button', 'data-report': panel.dataset.report }, s.quote.report)] : []),
    el('select', { class: 'hl-column', 'aria-label': s.matrix.column, 'data-column': '' }, ...columnOptions()),
  );

/** The note editor (a modal dialog), made here too. */
const editor =
  panel &&
  prose &&
  el(
    'dialog',
    { class: 'note-editor', 'aria-labelledby': 'note-editor-title', lang: panel.lang, 'data-pagefind-ignore': '' },
    el(
      'form',
      { method: 'dialog' },
      el('h2', { id: 'note-editor-title' }, strings.editorTitle),
      el('blockquote', { class: 'note-editor-quote', lang: document.querySelector('article.chapter')?.getAttribute('lang') ?? undefined }),
      el(
        'fieldset',
        {},
        el('legend', {}, strings.colour),
        ...COLOURS.map((c) => el('label', { class: `hl-${c}` }, el('input', { type: 'radio', name: 'colour', value: c }), ` ${strings.colours[c]}`)),
      ),
      el('label', { for: 'note-editor-column' }, s.matrix.column),
      el('select', { id: 'note-editor-column', name: 'column' }, ...columnOptions()),
      el('label', { for: 'note-editor-text' }, strings.note),
      el('textarea', { id: 'note-editor-text', name: 'note', rows: '4' }),
      el(
        'p',
        { class: 'note-editor-buttons' },
        el('button', { type: 'submit', value: 'save' }, strings.save),
        el('button', { type: 'submit', value: 'cancel' }, strings.cancel),
        el('button', { type: 'submit', value: 'remove', class: 'note-remove' }, strings.remove),
      ),
    ),
  );
if (panel && toolbar && editor) panel.after(toolbar, editor);

/** The page's status region (Base.astro), as src/browser/announce.ts uses it: a toast screen readers hear. */
function announce(message: string): void {
  const region = document.getElementById('status');
  if (!region) return;
  region.textContent = message;
  region.classList.add('visible');
  setTimeout(() => region.classList.remove('visible'), 3000);
}

const painted = new Map<string, () => void>();
let notes: Note[] = [];
let pending: Range | undefined;
let started = false;

const inProse = (node: Node | null) => !!node && !!prose?.contains(node) && !toolbar?.contains(node);
const isField = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

/** The selection inside the chapter text, if any. */
function selected(): Range | undefined {
  const sel = getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return undefined;
  const range = sel.getRangeAt(0);
  return inProse(range.startContainer) && inProse(range.endContainer) && range.toString().trim() ? range.cloneRange() : undefined;
}

function showToolbar(range: Range | undefined): void {
  pending = range;
  if (!toolbar) return;
  toolbar.hidden = !range;
  if (range) {
    place(range);
    // "Salin kutipan" and "Laporkan kesalahan" come as the toolbar opens, so a tap finds them ready.
    void quoteCode().catch(() => undefined);
    if (toolbar.querySelector('[data-report]')) void reportCode().catch(() => undefined);
  }
}

// The quotation and report code (src/quote/), loaded when the toolbar first opens or is used.
const quoteCode = () => import('../../quote/browser/quote.ts');
const reportCode = () => import('../../quote/browser/report.ts');

/** "Salin kutipan", "Bagikan" or "Laporkan kesalahan" for the selection the toolbar is about. */
async function quoteAction(button: HTMLButtonElement): Promise<void> {
  const range = pending;
  if (!range || !panel || !toolbar) return;
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const quote = await quoteCode();
  const passage = quote.describe(range, passageId(start), panel.dataset.path!);
  const copy = toolbar.querySelector<HTMLElement>('[data-quote]')!;
  if (button.hasAttribute('data-quote')) await quote.copyQuote(passage, copy);
  else if (button.dataset.share === '') await quote.shareQuote(passage, copy);
  else {
    showToolbar(undefined);
    const lang = document.querySelector('article.chapter')?.getAttribute('lang') ?? document.documentElement.lang;
    (await reportCode()).report(passage, button, { id: panel.dataset.work!, title: panel.dataset.workTitle!, lang }, s.quote);
  }
}

/**
 * Puts the toolbar next to the selection, never over it: below it (clear of a touch screen's
 * selection handles), else above it, and always above the messages at the foot of the screen
 * (Base.astro's .messages), as the platform's own selection menu keeps clear of the words.
 */
function place(range: Range): void {
  if (!toolbar) return;
  const words = range.getBoundingClientRect();
  const gap = 8;
  const handles = matchMedia('(pointer: coarse)').matches ? 28 : 0;
  const messages = document.querySelector('.messages')?.getBoundingClientRect();
  const floor = messages && messages.height > 0 ? messages.top : innerHeight;
  const height = toolbar.offsetHeight;
  let top = words.bottom + handles + gap;
  if (top + height > floor - gap) top = words.top - gap - height;
  // A selection taller than the screen: the foot of the screen, above the messages.
  if (top < gap) top = floor - gap - height;
  // Words scrolled out of sight: the toolbar stays on the screen, at the edge nearest them.
  toolbar.style.top = `${Math.round(Math.max(gap, Math.min(top, floor - gap - height)))}px`;
}
// The words move with the page; the toolbar follows them. Its own height changes after it is placed
// too (its styles arrive with this code; a larger text size wraps it into more rows): placed again then,
// or its foot stood below the screen's edge.
const placeAgain = () => pending && toolbar && !toolbar.hidden && place(pending);
addEventListener('scroll', placeAgain, { passive: true });
addEventListener('resize', placeAgain);
if (toolbar && typeof ResizeObserver === 'function') new ResizeObserver(placeAgain).observe(toolbar);

async function find(note: Note): Promise<Range | null> {
  if (!prose) return null;
  const { exact, prefix, suffix } = note.quote;
  for await (const r of createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact, prefix, suffix })(prose)) return r;
  // The words around it changed: the exact words alone, in the hinted paragraph first, else where
  // the surrounding text is most like the stored prefix and suffix.
  const found: Range[] = [];
  for await (const r of createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact })(prose)) found.push(r);
  if (found.length <= 1) return found[0] ?? null;
  const hint = note.para ? document.getElementById(note.para) : null;
  const inHint = hint && found.find((r) => hint.contains(r.startContainer));
  if (inHint) return inHint;
  const score = (r: Range) => {
    const before = document.createRange();
    before.setStart(prose, 0);
    before.setEnd(r.startContainer, r.startOffset);
    const after = document.createRange();
    after.setStart(r.endContainer, r.endOffset);
    after.setEnd(prose, prose.childNodes.length);
    const b = before.toString();
    const a = after.toString();
    let n = 0;
    while (n < prefix.length && b[b.length - 1 - n] === prefix[prefix.length - 1 - n]) n++;
    let m = 0;
    while (m < suffix.length && a[m] === suffix[m]) m++;
    return n + m;
  };
  return found.reduce((best, r) => (score(r) > score(best) ? r : best));
}

function paint(note: Note, range: Range): void {
  painted.get(note.id)?.();
  painted.set(note.id, highlightText(range, 'mark', { class: `hl hl-${note.colour}${note.note.trim() ? ' has-note' : ''}`, 'data-note': note.id }));
}

function unpaint(id: string): void {
  painted.get(id)?.();
  painted.delete(id);
}

/** Paints this chapter's stored notes and lists them, those whose words are gone apart. */
async function refresh(): Promise<void> {
  if (!panel) return;
  let bad: number;
  try {
    const all = await allNotes();
    notes = all.notes.filter((n) => n.path === panel.dataset.path);
    bad = all.bad;
  } catch {
    announce(strings.unavailable);
    return;
  }
  for (const id of [...painted.keys()]) unpaint(id);
  const orphans: Note[] = [];
  for (const n of notes) {
    const range = await find(n);
    if (range) paint(n, range);
    else orphans.push(n);
  }
  render(orphans);
  // The notes page says which notes lost their text, from what the chapter found when last opened.
  const changed = notes
    .filter((n) => !!n.lost !== orphans.includes(n))
    .map((n) => ({ ...n, lost: orphans.includes(n) ? new Date().toISOString() : undefined }));
  if (changed.length) {
    notes = notes.map((n) => changed.find((c) => c.id === n.id) ?? n);
    await putNotes(changed).catch(() => undefined);
  }
  if (bad) announce(strings.storedBad(bad));
}

function render(orphans: Note[]): void {
  if (!panel) return;
  const list = panel.querySelector('.my-notes-list')!;
  list.replaceChildren();
  for (const n of notes) {
    const li = document.createElement('li');
    const orphan = orphans.includes(n);
    li.className = `my-note hl-${n.colour}-rule${orphan ? ' orphan' : ''}`;
    const q = document.createElement('q');
    q.lang = document.querySelector('article.chapter')?.getAttribute('lang') ?? '';
    q.textContent = n.quote.exact.length > 160 ? `${n.quote.exact.slice(0, 160)}…` : n.quote.exact;
    li.append(q);
    appendNoteDetails(li, n.note, orphan, strings);
    const buttons = document.createElement('p');
    if (!orphan)
      buttons.append(
        button(strings.show, () => reveal(n.id)),
        ' ',
      );
    buttons.append(button(strings.edit, () => edit(n)));
    li.append(buttons);
    list.append(li);
  }
  panel.hidden = notes.length === 0;
  panel.querySelector<HTMLElement>('.my-notes-orphans')!.hidden = orphans.length === 0;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function reveal(id: string): void {
  const mark = prose?.querySelector<HTMLElement>(`mark[data-note="${CSS.escape(id)}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center' });
  for (const m of prose!.querySelectorAll(`mark[data-note="${CSS.escape(id)}"]`)) {
    m.classList.add('hl-target');
    setTimeout(() => m.classList.remove('hl-target'), 2500);
  }
  // Keyboard and screen-reader users land on the paragraph that holds it.
  const para = mark.closest<HTMLElement>('[id]');
  if (para && para !== prose) {
    para.tabIndex = -1;
    para.focus({ preventScroll: true });
  }
}

/** The id of the paragraph, list item or footnote an element is in (src/passages/; a note's id is on its first paragraph). */
function passageId(el: Element | null | undefined): string | undefined {
  const at = el?.closest<HTMLElement>('p[data-para], li[data-item], li[id^="user-content-fn-"]');
  return (at?.tagName === 'LI' && !at.dataset.item ? at.querySelector<HTMLElement>('p[data-fn]') : at)?.id || undefined;
}

/** The toolbar's previous-studies column (src/matrix/), read when a colour is chosen, then back to none. */
const column = toolbar?.querySelector<HTMLSelectElement>('select[data-column]');

async function create(colour: Colour, withNote: boolean): Promise<void> {
  const range = pending;
  showToolbar(undefined);
  if (!range || !panel || !prose) return;
  const selector = await describeTextQuote(range, prose);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const now = new Date().toISOString();
  const note: Note = {
    id: newId(),
    path: panel.dataset.path!,
    work: panel.dataset.work!,
    workTitle: panel.dataset.workTitle!,
    chapterTitle: panel.dataset.chapterTitle!,
    quote: { exact: selector.exact, prefix: selector.prefix ?? '', suffix: selector.suffix ?? '' },
    para: passageId(start),
    colour,
    note: '',
    tag: isTag(column?.value) ? column.value : undefined,
    citation: document.querySelector('.citation-text[data-style="apa"]')?.textContent?.trim() ?? undefined,
    rank: checkRank((panel.dataset.rank ?? '').split(',').map(Number)),
    created: now,
    modified: now,
  };
  try {
    await putNotes([note]);
  } catch {
    announce(strings.unavailable);
    return;
  }
  getSelection()?.removeAllRanges();
  if (column) column.value = '';
  notes.push(note);
  paint(note, range);
  render([...notes].filter((n) => !painted.has(n.id)));
  announce(strings.saved);
  if (withNote) edit(note);
}

function edit(note: Note): void {
  if (!editor) return;
  const form = editor.querySelector('form')!;
  editor.querySelector('.note-editor-quote')!.textContent = note.quote.exact;
  form.querySelector<HTMLTextAreaElement>('textarea')!.value = note.note;
  for (const r of form.querySelectorAll<HTMLInputElement>('input[name="colour"]')) r.checked = r.value === note.colour;
  const columnField = form.querySelector<HTMLSelectElement>('select[name="column"]');
  if (columnField) columnField.value = note.tag ?? '';
  editor.dataset.note = note.id;
  editor.returnValue = '';
  editor.showModal();
  form.querySelector<HTMLTextAreaElement>('textarea')!.focus();
}

async function closeEditor(): Promise<void> {
  const note = notes.find((n) => n.id === editor?.dataset.note);
  if (!editor || !note) return;
  const form = editor.querySelector('form')!;
  try {
    if (editor.returnValue === 'save') {
      const colour = form.querySelector<HTMLInputElement>('input[name="colour"]:checked')?.value as Colour | undefined;
      const updated: Note = {
        ...note,
        note: form.querySelector<HTMLTextAreaElement>('textarea')!.value,
        colour: colour && COLOURS.includes(colour) ? colour : note.colour,
        tag: ((v) => (isTag(v) ? v : undefined))(form.querySelector<HTMLSelectElement>('select[name="column"]')?.value),
        modified: new Date().toISOString(),
      };
      await putNotes([updated]);
      notes[notes.indexOf(note)] = updated;
      const marks = prose?.querySelectorAll(`mark[data-note="${CSS.escape(note.id)}"]`) ?? [];
      for (const m of marks) m.className = `hl hl-${updated.colour}${updated.note.trim() ? ' has-note' : ''}`;
      announce(strings.saved);
    } else if (editor.returnValue === 'remove') {
      await deleteNote(note.id);
      unpaint(note.id);
      notes = notes.filter((n) => n !== note);
      announce(strings.removed);
    } else return;
  } catch {
    announce(strings.unavailable);
    return;
  }
  render(notes.filter((n) => !painted.has(n.id)));
}

function onKey(e: KeyboardEvent): void {
  if (e.key === 'Escape' && toolbar && !toolbar.hidden) {
    showToolbar(undefined);
    return;
  }
  if (e.key.toLowerCase() !== 'h' || e.ctrlKey || e.metaKey || e.altKey || isField(e.target)) return;
  let range = selected();
  const anchor = document.activeElement?.closest('.para-anchor');
  if (!range && anchor && anchor.parentElement && inProse(anchor)) {
    // The paragraph whose ¶ mark has focus: its words, without the mark.
    range = document.createRange();
    range.setStartAfter(anchor);
    range.setEnd(anchor.parentElement, anchor.parentElement.childNodes.length);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  }
  if (!range) return;
  e.preventDefault();
  showToolbar(range);
  toolbar?.querySelector('button')?.focus();
}

/** Starts once; `e` is the key press that asked for it, if one did. */
export function start(e?: KeyboardEvent): void {
  if (started || !panel || !prose) return;
  started = true;
  if (panel.dataset.css) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = panel.dataset.css;
    document.head.append(link);
  }
  let timer: number | undefined;
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const range = selected();
      // Focus moving into the toolbar keeps the selection it is about.
      if (range) showToolbar(range);
      else if (!toolbar?.contains(document.activeElement)) showToolbar(undefined);
    }, 120);
  });
  addEventListener('keydown', onKey);
  // A tap on the toolbar must not clear the selection it acts on.
  // (The column list is let through: it opens on mousedown, and the selection is kept as `pending`.)
  toolbar?.addEventListener('mousedown', (ev) => (ev.target as Element).closest('select') || ev.preventDefault());
  toolbar?.addEventListener('click', (ev) => {
    const b = (ev.target as Element).closest<HTMLButtonElement>('button[data-colour]');
    if (b) void create(b.dataset.colour as Colour, b.hasAttribute('data-with-note'));
    const q = (ev.target as Element).closest<HTMLButtonElement>('button[data-quote], button[data-share=""], button[data-report]');
    if (q) void quoteAction(q).catch(() => announce(s.quote.failed));
  });
  // "Bagikan" where the browser can share (a phone's share sheet): made here, after the note button (two rows at 360 px).
  const copy = toolbar?.querySelector<HTMLElement>('[data-quote]');
  if (copy?.dataset.share && typeof navigator.share === 'function') {
    const share = button(copy.dataset.share, () => undefined);
    share.dataset.share = '';
    toolbar!.querySelector('[data-with-note]')?.after(share);
  }
  // Reports written offline: offered again on this chapter (src/quote/browser/report.ts).
  const report = toolbar?.querySelector<HTMLElement>('[data-report]');
  if (report)
    void reportCode().then(
      (m) => m.offerStored(report, s.quote),
      () => undefined,
    );
  prose.addEventListener('click', (ev) => {
    const mark = (ev.target as Element).closest<HTMLElement>('mark[data-note]');
    const note = mark && !selected() && notes.find((n) => n.id === mark.dataset.note);
    if (note) edit(note);
  });
  editor?.addEventListener('close', () => void closeEditor());
  void refresh().then(() => {
    // Arriving from "Catatan saya": find the passage again, whatever became of its paragraph id.
    const id = new URLSearchParams(location.search).get('catatan');
    if (id && painted.has(id)) {
      const notice = document.querySelector<HTMLElement>('.link-notice');
      if (notice) notice.hidden = true;
      reveal(id);
    }
  });
  if (e) onKey(e);
  else {
    const range = selected();
    if (range) showToolbar(range);
  }
}
