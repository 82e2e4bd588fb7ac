// "Dengarkan": the chapter read aloud with the device's own voice (Web Speech API), sentence by
// sentence, the sentence being read marked and kept in view, in a small bar at the foot of the
// screen (the page gets room beneath its text so the bar hides nothing). Loaded on the first press
// of the button (./hook.ts). Its strings are written into this code by the build (both interface
// languages, __RB_LISTEN__: see ../strings.ts); its stylesheet is linked here (imported as a style,
// Astro would link it in every chapter's head before anyone listens).
//
// Why these choices:
// - One utterance a sentence (long ones in parts, ../sentences.ts): Chrome stops an utterance after
//   about 15 s with its network voices, and a sentence is what the reader sees marked.
// - Pause is cancel() and resume speaks the sentence again from its start: speechSynthesis.pause()
//   does nothing or stops for good on Android's Chrome, and a sentence is short.
// - It stops when the reader leaves the page (pagehide: following a link, closing the tab, going back;
//   the page may live on in the back-forward cache, and speech would go on from a page no longer
//   shown). A hidden tab or a locked phone is not leaving: reading goes on where the browser lets it,
//   and if the browser stopped it, it goes on when the page is shown again.
// - The mark is a CSS Custom Highlight (no change to the text, so highlights and ids are untouched);
//   where that is missing, the passage being read is outlined instead.
import { announce } from '../../browser/announce.ts';
import { load, save } from '../../browser/storage.ts';
import { chapterPassages, notePieces, type Passage, type Piece } from './passages.ts';
import type { PlayerStrings } from '../strings.ts';
import stylesheet from './player.css?url';

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
const KEYS = { speed: 'rb-listen-speed', notes: 'rb-listen-notes' } as const;
const HIGHLIGHT = 'rb-listen';
const locale = document.documentElement.lang === 'en' ? 'en' : 'id';
/** Both interface languages' strings of the player, written in by the build (astro.config.mjs). */
declare const __RB_LISTEN__: Record<'id' | 'en', PlayerStrings>;
/** The player's strings in the page's interface language (read on the first press, not on import). */
let text: PlayerStrings;

const icon = (path: string, cls = '') => `<svg viewBox="0 0 24 24" aria-hidden="true"${cls && ` class="${cls}"`}><path d="${path}"/></svg>`;
const button = (act: string, label: string, inner: string) => `<button type="button" data-act="${act}" aria-label="${label}">${inner}</button>`;

/** The player's markup, in the page's interface language (strings of this site's own, no reader input). */
function makeBar(hasNotes: boolean): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'listen-player';
  bar.id = 'listen-player';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', text.player);
  // A phone: the status and stop on one row, the controls on the next; wider, all on one row (player.css).
  bar.innerHTML =
    '<div class="listen-inner"><p class="listen-status" role="status"></p><div class="listen-controls">' +
    button('previous', text.previous, icon('M6 6h2v12H6zm3.5 6 8.5 6V6z')) +
    button('toggle', text.pause, icon('M6 5h4v14H6zm8 0h4v14h-4z', 'listen-pause') + icon('M8 5v14l11-7z', 'listen-play')) +
    button('next', text.next, icon('M16 6h2v12h-2zM6 18l8.5-6L6 6z')) +
    `<select data-act="speed" aria-label="${text.speed}">${SPEEDS.map((s) => `<option value="${s}">${s.toLocaleString(locale)}×</option>`).join('')}</select>` +
    (hasNotes ? `<label class="listen-notes" title="${text.notesLabel}"><input type="checkbox" data-act="notes"> ${text.notes}</label>` : '') +
    '</div>' +
    button('stop', text.stop, icon('M6 6h12v12H6z')) +
    '</div>';
  return bar;
}

/** The player's stylesheet, linked once; the bar waits for it (a moment at most) so it never shows unstyled. */
function linkStylesheet(): Promise<void> {
  if (document.querySelector(`link[href="${stylesheet}"]`)) return Promise.resolve();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet });
  const loaded = new Promise<void>((resolve) => {
    link.onload = link.onerror = () => resolve();
    setTimeout(resolve, 3000);
  });
  document.head.append(link);
  return loaded;
}

/** A stored speed, or 1 for anything else. */
export const speedOf = (raw: string | null) => (SPEEDS.includes(Number(raw)) ? Number(raw) : 1);

/** A language tag's first part, lower case; the old "in" for Indonesian (some Android voices) is "id". */
const primary = (tag: string) => {
  const p = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return p === 'in' ? 'id' : p;
};

/** The device's voice for a language: one that works offline first, then the device's default, then any. */
export function voiceFor(voices: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const matching = voices.filter((v) => primary(v.lang) === primary(lang));
  return matching.find((v) => v.localService && v.default) ?? matching.find((v) => v.localService) ?? matching.find((v) => v.default) ?? matching[0];
}

/** The voices, waiting a moment for them where a browser fills the list after the page asks (Chrome). */
function voices(): Promise<SpeechSynthesisVoice[]> {
  const now = speechSynthesis.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(speechSynthesis.getVoices());
    speechSynthesis.addEventListener?.('voiceschanged', done, { once: true });
    setTimeout(done, 1500);
  });
}

type State = 'playing' | 'paused' | 'done' | 'unavailable';

class Player {
  readonly bar: HTMLElement;
  private readonly status: HTMLElement;
  private readonly toggleButton: HTMLButtonElement;
  private readonly notesBox: HTMLInputElement;
  private readonly speedBox: HTMLSelectElement;
  private passages: Passage[] = [];
  private stale = true;
  private queue: Piece[] = [];
  /** The passage and the piece of its queue being read. */
  private at = { p: 0, i: 0 };
  private state: State = 'paused';
  /** Utterances of an earlier run (before a cancel) report nothing. */
  private run = 0;
  private voiceList: SpeechSynthesisVoice[] = [];
  private voice: SpeechSynthesisVoice | undefined;
  private readonly lang: string;
  private readonly langName: string;
  private readonly hasNotes: boolean;
  /** The first press is waiting for the stylesheet: a second one does nothing. */
  private opening = false;
  private readonly highlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  private outlined: Element | undefined;
  private scrolledByReader = 0;
  private readonly observer = new MutationObserver(() => (this.stale = true));

  private readonly button: HTMLButtonElement;

  constructor(button: HTMLButtonElement) {
    this.button = button;
    this.hasNotes = !!document.querySelector('.prose a[data-footnote-ref]');
    this.bar = makeBar(this.hasNotes);
    this.status = this.bar.querySelector('.listen-status')!;
    this.toggleButton = this.bar.querySelector('[data-act="toggle"]')!;
    this.notesBox = this.bar.querySelector('[data-act="notes"]') ?? document.createElement('input');
    this.speedBox = this.bar.querySelector('[data-act="speed"]')!;
    this.lang = button.dataset.listen || document.querySelector('.chapter')?.getAttribute('lang') || 'id';
    this.langName = text.languageNames[this.lang] ?? this.lang;
    this.speedBox.value = String(speedOf(load(KEYS.speed)));
    this.notesBox.checked = load(KEYS.notes) !== 'skip';
    button.setAttribute('aria-controls', this.bar.id);
    this.wire();
  }

  private wire(): void {
    this.bar.addEventListener('click', (e) => {
      const act = (e.target as Element).closest<HTMLElement>('button[data-act]')?.dataset.act;
      if (act === 'toggle') this.toggle();
      else if (act === 'previous') this.skip(-1);
      else if (act === 'next') this.skip(1);
      else if (act === 'stop') this.stop();
    });
    this.speedBox.addEventListener('change', () => {
      save(KEYS.speed, this.speedBox.value);
      if (this.state === 'playing') this.speak();
    });
    this.notesBox.addEventListener('change', () => {
      save(KEYS.notes, this.notesBox.checked ? 'read' : 'skip');
      const passage = this.passages[this.at.p];
      if (!passage) return;
      // The passage being read gets its notes (or loses them); reading goes on from the same sentence,
      // or after the sentence whose note was being read.
      const reading = this.queue[this.at.i];
      let base = this.at.i;
      while (base > 0 && this.queue[base]?.note !== undefined) base--;
      const sentence = this.queue[base];
      this.queue = this.queueOf(passage);
      const found = sentence ? this.queue.indexOf(sentence) : -1;
      this.at.i = Math.max(found, 0) + (reading?.note !== undefined ? 1 : 0);
      if (reading?.note !== undefined && this.state === 'playing') this.speak();
    });
    this.bar.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.stop();
      }
    });
    // Escape with nothing focused (the reader is just reading) stops too; inside another control it is that control's.
    addEventListener('keydown', (e) => {
      const focused = document.activeElement;
      if (e.key === 'Escape' && !e.defaultPrevented && this.bar.isConnected && (!focused || focused === document.body || focused === this.button)) this.stop();
    });
    // A paragraph's ¶ mark pressed while the player is open: reading goes on from that paragraph.
    document.addEventListener('click', (e) => {
      const mark = (e.target as Element).closest?.('.prose a.self-link');
      if (!mark || !this.bar.isConnected) return;
      const index = this.fresh().findIndex((p) => p.el === mark.parentElement);
      if (index >= 0) this.goTo(index, this.state === 'playing');
    });
    addEventListener('pagehide', () => {
      if (this.state === 'playing') this.pause();
    });
    document.addEventListener('visibilitychange', () => {
      // Shown again after the browser stopped speaking in the background: go on with the sentence.
      if (document.visibilityState === 'visible' && this.state === 'playing' && !speechSynthesis.speaking && !speechSynthesis.pending) this.speak();
    });
    for (const type of ['wheel', 'touchmove'] as const) addEventListener(type, () => (this.scrolledByReader = Date.now()), { passive: true });
    addEventListener('keydown', (e) => {
      if (/^(Page(Up|Down)|Arrow(Up|Down)|Home|End| )$/.test(e.key) && !this.bar.contains(e.target as Node)) this.scrolledByReader = Date.now();
    });
    new ResizeObserver(() => document.documentElement.style.setProperty('--listen-bar', `${this.bar.offsetHeight}px`)).observe(this.bar);
  }

  /** The Listen button pressed: open and start, or (open already) take the reader to the player. */
  async press(): Promise<void> {
    if (this.opening) return;
    if (this.bar.isConnected)
      return void this.bar.querySelector<HTMLElement>(this.state === 'unavailable' ? '[data-act="stop"]' : '[data-act="toggle"]')!.focus();
    this.opening = true;
    await linkStylesheet();
    this.opening = false;
    this.button.after(this.bar);
    document.documentElement.classList.add('listen-open');
    this.button.setAttribute('aria-expanded', 'true');
    // A live region's first words are announced only once it is in the page.
    await new Promise((resolve) => setTimeout(resolve, 50));
    this.observer.observe(document.querySelector('.chapter') ?? document.body, { childList: true, subtree: true, characterData: true });
    if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return this.unavailable(text.noSpeech);
    this.voiceList = await voices();
    // Stopped while the voices were coming.
    if (!this.bar.isConnected) return;
    this.voice = voiceFor(this.voiceList, this.lang);
    if (!this.voice) return this.unavailable(text.noVoice.replaceAll('{lang}', this.langName));
    this.bar.classList.remove('listen-unavailable');
    this.goTo(this.startIndex(), true);
  }

  private unavailable(message: string): void {
    this.state = 'unavailable';
    this.bar.classList.add('listen-unavailable');
    this.say(message);
  }

  /** Where reading starts: the passage the address names (a link to it, or its ¶ mark pressed), else the first one in view. */
  private startIndex(): number {
    const passages = this.fresh();
    let named: Element | null = null;
    try {
      named = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch {
      named = null;
    }
    const byName = named ? passages.findIndex((p) => p.el === named || p.el.contains(named)) : -1;
    if (byName >= 0) return byName;
    const top = innerHeight * 0.1;
    const inView = passages.findIndex((p) => p.el.getBoundingClientRect().bottom > top);
    return Math.max(inView, 0);
  }

  /** The passages, gathered again when the chapter's DOM changed (a highlight added wraps text). */
  private fresh(): Passage[] {
    if (this.stale) {
      const el = this.passages[this.at.p]?.el;
      this.passages = chapterPassages();
      this.stale = false;
      this.observer.takeRecords();
      const found = el ? this.passages.findIndex((p) => p.el === el) : -1;
      if (found >= 0) this.at.p = found;
    }
    return this.passages;
  }

  private queueOf(passage: Passage): Piece[] {
    if (!this.hasNotes || !this.notesBox.checked) return passage.pieces;
    return passage.pieces.flatMap((p) => [p, ...p.notes.flatMap(({ note, mark }) => notePieces(note, mark))]);
  }

  private goTo(index: number, play: boolean): void {
    const passages = this.fresh();
    this.at = { p: Math.min(Math.max(index, 0), passages.length - 1), i: 0 };
    const passage = passages[this.at.p];
    if (!passage) return this.finish();
    this.queue = this.queueOf(passage);
    this.mark(this.queue[0]);
    if (play) {
      this.state = 'playing';
      this.syncToggle();
      this.say(this.readingFrom(passage));
      this.speak();
    } else this.say(this.readingFrom(passage));
  }

  private readingFrom(passage: Passage): string {
    const where = passage.el.matches('h1')
      ? text.title
      : passage.para
        ? text.paragraph.replace('{n}', passage.para)
        : `“${passage.pieces[0]!.text.slice(0, 40)}…”`;
    return text.reading.replace('{where}', where);
  }

  /** Speaks the piece at `at`, then the next, passage after passage, until the end or a stop. */
  private speak(): void {
    const run = ++this.run;
    if (speechSynthesis.speaking || speechSynthesis.pending) speechSynthesis.cancel();
    const piece = this.queue[this.at.i];
    if (!piece) return this.next(run);
    const u = new SpeechSynthesisUtterance(piece.text);
    u.lang = piece.lang;
    // A passage in another language has its own voice where the device has one, else the chapter's.
    u.voice = voiceFor(this.voiceList, piece.lang) ?? this.voice ?? null;
    u.rate = Number(this.speedBox.value);
    u.onstart = () => run === this.run && this.mark(piece);
    u.onend = () => {
      if (run !== this.run) return;
      this.at.i++;
      this.speak();
    };
    u.onerror = (e) => {
      if (run !== this.run || e.error === 'interrupted' || e.error === 'canceled') return;
      this.pause();
      this.say(text.failed);
    };
    speechSynthesis.speak(u);
  }

  /** After a passage's last piece: the next passage, or the end of the chapter. */
  private next(run: number): void {
    if (run !== this.run) return;
    const passages = this.fresh();
    if (this.at.p + 1 >= passages.length) return this.finish();
    this.at = { p: this.at.p + 1, i: 0 };
    this.queue = this.queueOf(passages[this.at.p]!);
    this.speak();
  }

  private finish(): void {
    this.run++;
    this.state = 'done';
    this.mark(undefined);
    this.syncToggle();
    this.say(text.done);
  }

  private toggle(): void {
    if (this.state === 'unavailable') return;
    if (this.state === 'playing') return this.pause(true);
    if (this.state === 'done') return this.goTo(0, true);
    this.state = 'playing';
    this.syncToggle();
    this.say(this.readingFrom(this.fresh()[this.at.p]!));
    this.speak();
  }

  private pause(tell = false): void {
    this.run++;
    speechSynthesis.cancel();
    this.state = 'paused';
    this.syncToggle();
    if (tell) this.say(text.paused);
  }

  private skip(by: number): void {
    if (this.state === 'unavailable') return;
    this.goTo(this.at.p + by, this.state === 'playing');
  }

  stop(): void {
    const hadFocus = this.bar.contains(document.activeElement);
    this.run++;
    if (this.state !== 'unavailable') speechSynthesis.cancel();
    this.state = 'paused';
    this.mark(undefined);
    this.observer.disconnect();
    this.bar.remove();
    document.documentElement.classList.remove('listen-open');
    this.button.setAttribute('aria-expanded', 'false');
    if (hadFocus) this.button.focus();
    announce(text.stopped);
  }

  private syncToggle(): void {
    const playing = this.state === 'playing';
    this.bar.classList.toggle('listen-playing', playing);
    this.toggleButton.setAttribute('aria-label', playing ? text.pause : text.play);
  }

  /** A state change, said politely (the bar's status line is a live region). */
  private say(message: string): void {
    this.status.textContent = message;
  }

  /** Marks the piece being read and keeps it in view above the bar. */
  private mark(piece: Piece | undefined): void {
    if (this.highlights) {
      if (piece) CSS.highlights.set(HIGHLIGHT, new Highlight(piece.range));
      else CSS.highlights.delete(HIGHLIGHT);
    }
    const el = piece ? this.passages[this.at.p]?.el : undefined;
    if (el !== this.outlined) {
      this.outlined?.removeAttribute('data-listening');
      if (el && !this.highlights) el.setAttribute('data-listening', '');
      this.outlined = el;
    }
    if (piece) this.keepInView(piece.range);
  }

  private keepInView(range: Range): void {
    // The reader scrolled away on purpose in the last few seconds: let them look.
    if (Date.now() - this.scrolledByReader < 4000) return;
    const r = range.getBoundingClientRect();
    if (!r.height && !r.width) return;
    const bottom = this.bar.isConnected ? this.bar.getBoundingClientRect().top : innerHeight;
    if (r.top >= 8 && r.bottom <= bottom - 8) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    scrollBy({ top: r.top - bottom * 0.3, behavior: smooth ? 'smooth' : 'instant' });
  }
}

let player: Player | undefined;

/** The Listen button pressed (./hook.ts); the player is made on the first press, in the page's interface language. */
export function press(button: HTMLButtonElement): void {
  text ??= __RB_LISTEN__[locale];
  void (player ??= new Player(button)).press();
}
