// A recording stand-in for the Web Speech API's speechSynthesis (headless Chromium has no voices):
// installed in a page before its scripts (context.addInitScript), it reports the voices a test
// gives, records every utterance (text, language, voice, rate), and plays them as the real one does:
// one at a time, start, word boundaries, end; cancel() ends the one speaking with "interrupted" and
// drops the queue with "canceled", after the call returns, as Chrome does. `auto` ends each utterance
// by itself a moment after it starts; otherwise the test ends it (finish()), step by step.
// Each speak and cancel is also reported to the test (a binding), so what happens while the page
// is being left is seen after it is gone.
import type { BrowserContext, Page } from 'playwright-core';

export interface StandInVoice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

export interface Spoken {
  text: string;
  lang: string;
  voice: string | null;
  rate: number;
}

export interface SpeechOptions {
  voices: StandInVoice[];
  auto: boolean;
  /** No speechSynthesis at all (a browser without the Web Speech API). */
  missing?: boolean;
}

/** What the pages reported, in order: "speak <text>" and "cancel". */
export type SpeechEvents = string[];

function standIn(options: SpeechOptions): void {
  const w = window as unknown as Record<string, unknown>;
  if (options.missing) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
    return;
  }
  // Reported to the test, and kept in the tab's sessionStorage: a call made while the page is being
  // left may not reach the test, the storage is still there on the next page.
  const report = (event: string) => {
    (w.__speechEvent as ((e: string) => void) | undefined)?.(event);
    try {
      sessionStorage.setItem('speech-events', JSON.stringify([...(JSON.parse(sessionStorage.getItem('speech-events') ?? '[]') as string[]), event]));
    } catch {
      /* about:blank */
    }
  };
  const spoken: Spoken[] = [];
  let cancels = 0;
  type U = Record<string, unknown> & EventTarget & { text: string; lang: string; voice: StandInVoice | null; rate: number };
  let queue: U[] = [];
  let current: U | null = null;
  const fire = (u: U, type: string, extra: Record<string, unknown> = {}) => {
    const event = Object.assign(new Event(type), { utterance: u, charIndex: 0, charLength: 0, elapsedTime: 0, name: '' }, extra);
    (u[`on${type}`] as ((e: Event) => void) | null)?.call(u, event);
    u.dispatchEvent(event);
  };
  // Fields set in the constructor: the function's source is sent to the page as it is compiled here.
  class Utterance extends EventTarget {
    constructor(text = '') {
      super();
      Object.assign(this, { text, lang: '', voice: null, rate: 1, pitch: 1, volume: 1 });
      for (const type of ['start', 'end', 'error', 'boundary', 'pause', 'resume', 'mark']) (this as unknown as Record<string, null>)[`on${type}`] = null;
    }
  }
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => options.voices,
    speak(u: U) {
      queue.push(u);
      synth.pending = true;
      report(`speak ${u.text}`);
      next();
    },
    cancel() {
      cancels++;
      report('cancel');
      const was = current;
      const dropped = queue;
      current = null;
      queue = [];
      synth.speaking = synth.pending = false;
      setTimeout(() => {
        if (was) fire(was, 'error', { error: 'interrupted' });
        for (const u of dropped) fire(u, 'error', { error: 'canceled' });
      });
    },
    pause() {
      synth.paused = true;
    },
    resume() {
      synth.paused = false;
    },
    addEventListener() {},
    removeEventListener() {},
  };
  function next() {
    if (current || !queue.length) return;
    const u = queue.shift()!;
    current = u;
    synth.speaking = true;
    synth.pending = queue.length > 0;
    spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang ?? null, rate: u.rate });
    setTimeout(() => {
      if (current !== u) return;
      fire(u, 'start');
      for (const m of u.text.matchAll(/\S+/g)) fire(u, 'boundary', { name: 'word', charIndex: m.index, charLength: m[0].length });
      if (options.auto) setTimeout(() => end(u), 2);
    });
  }
  function end(u: U) {
    if (current !== u) return;
    current = null;
    synth.speaking = false;
    fire(u, 'end');
    next();
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  w.__speech = {
    spoken,
    cancels: () => cancels,
    current: () => current?.text ?? null,
    /** Ends the utterance being spoken (the next one in the queue starts). */
    finish: () => current && end(current),
  };
}

/** Installs the stand-in in every page of `context`; the returned list fills with what the pages report. */
export async function useSpeech(context: BrowserContext, options: SpeechOptions): Promise<SpeechEvents> {
  const events: SpeechEvents = [];
  await context.exposeFunction('__speechEvent', (e: string) => void events.push(e));
  // As source text, with a stand-in for the name helper the test's compiler may add to functions.
  await context.addInitScript({ content: `var __name = (f) => f; (${standIn.toString()})(${JSON.stringify(options)});` });
  return events;
}

/** What the page's stand-in has recorded. */
export const spokenIn = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken.slice());
export const cancelsIn = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { cancels: () => number } }).__speech.cancels());
export const currentIn = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { current: () => string | null } }).__speech.current());
export const finishIn = (page: Page) => page.evaluate(() => void (window as unknown as { __speech: { finish: () => void } }).__speech.finish());

/** What the pages of this tab reported, in order, read from its sessionStorage (also after the page that spoke is gone). */
export const tabEvents = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('speech-events') ?? '[]') as string[]);
