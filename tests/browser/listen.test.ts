// "Dengarkan" / "Listen" (issue 29) in Chromium against the built site, with speechSynthesis
// replaced by a recording stand-in (tests/support/speech.ts; headless Chromium has no voices).
// What is expected is derived from the built page's paragraphs and content/: the chapter is the
// first one with footnotes (else the first chapter), its language its work's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { speakableParts, splitSentences, spoken } from '../../src/listen/sentences.ts';
import { id as dictId } from '../../src/i18n/id.ts';
import { en as dictEn } from '../../src/i18n/en.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { CONTENT, DIST, chapterLabel, readBuilt, works } from '../support/site.ts';
import { cancelsIn, currentIn, finishIn, spokenIn, tabEvents, useSpeech, type SpeechOptions, type StandInVoice } from '../support/speech.ts';
import { axe } from '../support/axe.ts';

const browser = useBrowser();

const all = works();
const chapters = all.flatMap((w) =>
  w.chapters
    .filter((c) => c.slug !== 'daftar-pustaka')
    .map((c) => ({ work: w.slug, path: `/${w.slug}/${c.slug}/`, mdx: join(CONTENT, 'chapters', w.slug, `${c.slug}.mdx`) })),
);
const chapter = chapters.find((c) => /\[\^[^\]]+\]/.test(readFileSync(c.mdx, 'utf8'))) ?? chapters[0]!;
const PATH = chapter.path;
const LANG: string = parse(readFileSync(join(CONTENT, 'works', `${chapter.work}.yaml`), 'utf8')).language;
const VOICE: StandInVoice = { name: 'Stand-in', lang: `${LANG}-${LANG === 'id' ? 'ID' : 'XX'}`, localService: true, default: false };
const OTHER: StandInVoice = { name: 'Other', lang: LANG === 'fr' ? 'de-DE' : 'fr-FR', localService: true, default: true };

// ---- the built page, read in Node ----

const cls = (el: Element) => ([] as unknown[]).concat(el.properties.className ?? []).map(String);
const skipped = (el: Element) =>
  (el.tagName === 'a' && (cls(el).includes('self-link') || 'dataFootnoteRef' in el.properties)) ||
  cls(el).some((c) => c === 'visually-hidden' || c === 'sr-only') ||
  el.properties.ariaHidden === 'true';
const PARA_OUTSIDE = ['table', 'details', 'aside'];

/** The text a reader sees of an element, as the DOM's text nodes give it, without the interface. */
function textOf(node: Element | Root, until?: Element): { text: string; reached: boolean } {
  let text = '';
  let reached = false;
  const walk = (n: RootContent | Element): void => {
    if (reached) return;
    if (n === until) return void (reached = true);
    if (n.type === 'text') text += n.value;
    else if (n.type === 'element' && !skipped(n)) n.children.forEach(walk);
  };
  node.children.forEach(walk);
  return { text, reached };
}

interface Para {
  id: string;
  el: Element;
  sentences: string[];
  /** The paragraph's first footnote mark and the note's sentences, where it has one. */
  note?: { after: string; sentences: string[] };
}

const sentencesOf = (text: string) =>
  splitSentences(text, LANG).flatMap((s) => speakableParts(text.slice(s.start, s.end)).map((p) => spoken(text.slice(s.start + p.start, s.start + p.end))));

function paragraphs(path: string): Para[] {
  const tree = fromHtml(readBuilt(path));
  const byId = new Map<string, Element>();
  const out: Para[] = [];
  const walk = (n: Root | Element, outside: boolean) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (typeof c.properties.id === 'string') byId.set(c.properties.id, c);
      const out2 = outside || PARA_OUTSIDE.includes(c.tagName) || cls(c).some((x) => ['sidenote', 'footnotes'].includes(x));
      if (c.tagName === 'p' && c.properties.dataPara !== undefined && !out2)
        out.push({ id: String(c.properties.id), el: c, sentences: sentencesOf(textOf(c).text) });
      walk(c, out2);
    }
  };
  walk(tree, false);
  for (const p of out) {
    const find = (n: Element): Element | undefined => {
      for (const c of n.children)
        if (c.type === 'element') if ('dataFootnoteRef' in c.properties ? c : find(c)) return 'dataFootnoteRef' in c.properties ? c : find(c);
      return undefined;
    };
    const mark = find(p.el);
    if (!mark) continue;
    const before = textOf(p.el, mark).text;
    const all = textOf(p.el).text;
    const s = splitSentences(all, LANG).find((x) => x.start < before.trimEnd().length && before.trimEnd().length <= x.end)!;
    const li = byId.get(String(mark.properties.href).slice(1))!;
    p.note = { after: spoken(all.slice(s.start, s.end)), sentences: sentencesOf(textOf(li).text) };
    if (speakableParts(all.slice(s.start, s.end)).length > 1) p.note.after = sentencesOf(all.slice(s.start, s.end)).at(-1)!;
  }
  return out;
}

const paras = paragraphs(PATH);
/** Three paragraphs in a row (nothing between them), for skipping: the first such run after the first paragraph. */
const run = paras.findIndex((p, i) => {
  const next = paras[i + 1];
  const after = paras[i + 2];
  if (i < 1 || !next || !after) return false;
  const html = readBuilt(PATH);
  const between = (a: string, b: string) => html.slice(html.indexOf(`id="${a}"`), html.indexOf(`id="${b}"`));
  return !/<(h\d|ul|ol|section|figure|table|aside|div class="(?!sidenote))/.test(between(p.id, next.id) + between(next.id, after.id));
});

/** Interface words that must never be spoken (in the page's interface language, and the marks). */
const INTERFACE = [
  '¶',
  '↩',
  dictId.reading.linkToParagraph(''),
  dictId.cite.printAs,
  dictId.listen.button,
  dictId.cite.copy + ' ',
  dictId.reading.backToReference(''),
];

// ---- helpers in the page ----

async function open(page: Page, options: { hash?: string; scrollTo?: string } = {}) {
  await visit(page, PATH + (options.hash ? `#${options.hash}` : ''));
  const target = options.scrollTo;
  if (target) {
    // A keyboard or a script presses it without scrolling the page: the paragraph in view stays.
    // At once (the page may scroll smoothly), and checked: the paragraph is at the top of the screen.
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start', behavior: 'instant' }), target);
    await expect.poll(() => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), target)).toBeLessThan(60);
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-listen]')!.click());
  } else await page.locator('[data-listen]').click();
  await expect.poll(() => page.locator('.listen-player').count()).toBe(1);
}

async function contextWith(speech: SpeechOptions, init?: () => void, extra: Parameters<typeof openContext>[1] = {}) {
  const { context, errors } = await openContext(browser(), extra);
  const events = await useSpeech(context, speech);
  if (init) await context.addInitScript(init);
  return { context, errors, events };
}

const status = (page: Page) => page.locator('.listen-status').textContent();

describe('Dengarkan reads the chapter', () => {
  it(`${PATH}: its sentences in order, in its language (${LANG}), with no interface text, footnotes skipped by choice`, async () => {
    expect(paras.length).toBeGreaterThan(2);
    const { context, errors } = await contextWith({ voices: [OTHER, VOICE], auto: true }, () => {
      try {
        localStorage.setItem('rb-listen-notes', 'skip');
      } catch {
        /* about:blank */
      }
    });
    const page = await context.newPage();
    await open(page);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe(dictId.listen.done);
    const said = await spokenIn(page);
    // The title first, then every paragraph's sentences as a run, in the page's order.
    expect(said[0]!.text).toBe(spoken(chapterLabel(PATH)));
    let at = 0;
    for (const p of paras) {
      const start = said.findIndex((s, i) => i >= at && s.text === p.sentences[0]);
      expect(start, `${p.id} starts with "${p.sentences[0]}" after utterance ${at}`).toBeGreaterThanOrEqual(at);
      expect(said.slice(start, start + p.sentences.length).map((s) => s.text)).toEqual(p.sentences);
      at = start + p.sentences.length;
    }
    for (const s of said) {
      expect(s.lang).toBe(LANG);
      expect(s.voice).toBe(VOICE.lang);
      expect(s.rate).toBe(1);
      for (const word of INTERFACE) expect(s.text, `"${word}" spoken`).not.toContain(word);
    }
    // No footnote's text: each note's first sentence is spoken nowhere (unless the text itself has it).
    for (const p of paras.filter((x) => x.note)) expect(said.map((s) => s.text)).not.toContain(p.note!.sentences[0]);
    // The sentence read was marked: a CSS highlight, the text untouched.
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('reads a footnote at its place, after the sentence that marks it (the default)', async () => {
    const withNote = paras.find((p) => p.note);
    if (!withNote) return; // a chapter without footnotes: nothing to read at a place
    const { context, errors } = await contextWith({ voices: [VOICE], auto: true });
    const page = await context.newPage();
    await open(page, { hash: withNote.id });
    await expect
      .poll(async () => (await spokenIn(page)).length, { timeout: 30_000 })
      .toBeGreaterThan(withNote.sentences.length + withNote.note!.sentences.length);
    const said = (await spokenIn(page)).map((s) => s.text);
    const i = said.indexOf(withNote.note!.after);
    expect(i, `"${withNote.note!.after}" spoken`).toBeGreaterThanOrEqual(0);
    expect(said.slice(i + 1, i + 1 + withNote.note!.sentences.length)).toEqual(withNote.note!.sentences);
    expect(await page.locator('.listen-notes input').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the player', () => {
  it('starts from the paragraph the address names, skips a paragraph forward and back, pauses and resumes, changes speed (stored)', async () => {
    expect(run, 'three paragraphs in a row').toBeGreaterThan(0);
    const [p, next] = [paras[run]!, paras[run + 1]!];
    const { context, errors } = await contextWith({ voices: [VOICE], auto: false });
    const page = await context.newPage();
    await open(page, { hash: p.id });
    await expect.poll(() => currentIn(page)).toBe(p.sentences[0]);
    // The region is labelled, its buttons are buttons, its state is said politely.
    await expect.poll(() => status(page)).toBe(dictId.listen.reading.replace('{where}', dictId.listen.paragraph.replace('{n}', String(run + 1))));
    expect(await page.locator('.listen-player').getAttribute('role')).toBe('region');
    expect(await page.locator('.listen-player').getAttribute('aria-label')).toBe(dictId.listen.player);
    expect(await page.locator('[data-listen]').getAttribute('aria-expanded')).toBe('true');
    // The sentence being read is marked with a CSS highlight over its words.
    expect(await page.evaluate(() => [...(CSS.highlights.get('rb-listen') ?? [])].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim()))).toEqual([
      p.sentences[0],
    ]);
    if (p.sentences.length > 1) {
      await finishIn(page);
      await expect.poll(() => currentIn(page)).toBe(p.sentences[1]);
    }
    await page.getByRole('button', { name: dictId.listen.next }).click();
    await expect.poll(() => currentIn(page)).toBe(next.sentences[0]);
    await page.getByRole('button', { name: dictId.listen.previous }).click();
    await expect.poll(() => currentIn(page)).toBe(p.sentences[0]);
    // Pause: speech cancelled, nothing more; resume: the same sentence again.
    const cancels = await cancelsIn(page);
    const before = (await spokenIn(page)).length;
    await page.getByRole('button', { name: dictId.listen.pause }).click();
    await expect.poll(() => currentIn(page)).toBe(null);
    expect(await cancelsIn(page)).toBeGreaterThan(cancels);
    await expect.poll(() => status(page)).toBe(dictId.listen.paused);
    expect((await spokenIn(page)).length).toBe(before);
    await page.getByRole('button', { name: dictId.listen.play }).click();
    await expect.poll(() => currentIn(page)).toBe(p.sentences[0]);
    // Speed: the sentence again at once at the new rate, and remembered.
    await page.getByRole('combobox', { name: dictId.listen.speed }).selectOption('1.5');
    await expect.poll(async () => (await spokenIn(page)).at(-1)).toEqual(expect.objectContaining({ text: p.sentences[0], rate: 1.5 }));
    await page.reload();
    await page.locator('[data-listen]').click();
    expect(await page.getByRole('combobox', { name: dictId.listen.speed }).inputValue()).toBe('1.5');
    await expect.poll(async () => (await spokenIn(page)).at(-1)?.rate).toBe(1.5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts from the paragraph in view', async () => {
    const p = paras[run + 2] ?? paras.at(-1)!;
    const { context } = await contextWith({ voices: [VOICE], auto: false });
    const page = await context.newPage();
    await open(page, { scrollTo: p.id });
    await expect.poll(() => currentIn(page)).toBe(p.sentences[0]);
    await context.close();
  });

  it('stops on Escape (focus back on the button) and when the reader leaves the page', async () => {
    const { context, events } = await contextWith({ voices: [VOICE], auto: false });
    const page = await context.newPage();
    await open(page);
    await expect.poll(() => currentIn(page)).not.toBe(null);
    await page.getByRole('button', { name: dictId.listen.pause }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.listen-player').count()).toBe(0);
    expect(await currentIn(page)).toBe(null);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-listen]'))).toBe(true);
    expect(await page.locator('[data-listen]').getAttribute('aria-expanded')).toBe('false');
    // Open again, reading; then the reader follows a link away.
    await page.locator('[data-listen]').click();
    await expect.poll(() => currentIn(page)).not.toBe(null);
    const before = (await tabEvents(page)).length;
    await page.locator('.chapter-nav a').last().click();
    await page.waitForURL((u) => u.pathname !== PATH);
    await page.waitForLoadState('load');
    const after = (await tabEvents(page)).slice(before);
    expect(after).toContain('cancel');
    expect(after.slice(after.lastIndexOf('cancel')).filter((e) => e.startsWith('speak'))).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    await context.close();
  });

  it('says plainly when the device has no voice for the language, and when there is no speech at all', async () => {
    for (const [speech, message] of [
      [{ voices: [OTHER], auto: true }, dictId.listen.noVoice.replaceAll('{lang}', (dictId.languageNames as Record<string, string>)[LANG] ?? LANG)],
      [{ voices: [], auto: true, missing: true }, dictId.listen.noSpeech],
    ] as [SpeechOptions, string][]) {
      const { context, events, errors } = await contextWith(speech);
      const page = await context.newPage();
      await open(page);
      await expect.poll(() => status(page)).toBe(message);
      expect(events.filter((e) => e.startsWith('speak'))).toEqual([]);
      expect(await page.getByRole('button', { name: dictId.listen.stop }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: dictId.listen.pause }).isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('the player on a phone', () => {
  it('at 360×640 the sentence being read stays above the bar, and the page makes room for the bar', async () => {
    const p = paras.at(-1)!;
    const { context } = await contextWith({ voices: [VOICE], auto: false }, undefined, {
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await open(page, { hash: p.id });
    await expect.poll(() => currentIn(page)).toBe(p.sentences[0]);
    const { sentence, bar, width, padding } = await page.evaluate(() => {
      const range = [...CSS.highlights.get('rb-listen')!][0] as Range;
      const r = range.getBoundingClientRect();
      return {
        sentence: { top: r.top, bottom: r.bottom },
        bar: document.querySelector('.listen-player')!.getBoundingClientRect().toJSON() as DOMRect,
        width: document.documentElement.scrollWidth,
        padding: parseFloat(getComputedStyle(document.body).paddingBottom),
      };
    });
    expect(sentence.top).toBeGreaterThanOrEqual(0);
    expect(sentence.top).toBeLessThan(bar.top);
    expect(width).toBeLessThanOrEqual(360);
    expect(bar.height).toBeLessThan(130);
    expect(padding).toBeGreaterThanOrEqual(bar.height - 1);
    await context.close();
  });
});

describe('axe with the player open', () => {
  it.each([
    ['light', ''],
    ['dark', ''],
    ['light', '/en'],
    ['dark', '/en'],
  ] as const)('%s theme, interface %s', async (scheme, prefix) => {
    const { context } = await contextWith({ voices: [VOICE], auto: false }, undefined, { colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    await visit(page, prefix + PATH);
    await page.locator('[data-listen]').click();
    await expect.poll(() => currentIn(page)).not.toBe(null);
    const dict = prefix ? dictEn : dictId;
    expect(await page.locator('.listen-player').getAttribute('aria-label')).toBe(dict.listen.player);
    expect(await axe(page)).toEqual([]);
    // Paused, and with the no-voice message: the other states are checked too.
    await page.getByRole('button', { name: dict.listen.pause }).click();
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});

describe('no code before the reader asks', () => {
  const code = readFileSync(join(DIST, PATH, 'index.html'), 'utf8');
  it('a chapter where Listen is never pressed loads none of the player, which loads on the first press', async () => {
    expect(code).toContain('data-listen');
    const { context } = await contextWith({ voices: [VOICE], auto: false });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await visit(page, PATH);
    await page.mouse.wheel(0, 800);
    await page.waitForLoadState('networkidle');
    const isPlayer = (path: string) => /\/_astro\/player\.[\w-]+\.(js|css)$/.test(path);
    expect(requested.filter(isPlayer)).toEqual([]);
    await page.locator('[data-listen]').click();
    await expect.poll(() => requested.filter(isPlayer).length).toBeGreaterThan(0);
    await context.close();
  });

  it('a player that fails to load (offline on a page of an old build) is said under the button; the next press tries again', async () => {
    const { context, errors } = await contextWith({ voices: [VOICE], auto: false }, undefined, { serviceWorkers: 'block' });
    const playerCode = /\/_astro\/player\.[\w-]+\.js$/;
    await context.route(playerCode, (route) => route.abort());
    const page = await context.newPage();
    await visit(page, PATH);
    const failed = page.locator('.listen-load-failed');
    await expect.poll(() => failed.isVisible()).toBe(false);
    await page.locator('[data-listen]').click();
    await expect.poll(() => failed.isVisible()).toBe(true);
    expect(await failed.textContent()).toBe(dictId.listen.loadFailed);
    await context.unroute(playerCode);
    await page.locator('[data-listen]').click();
    await expect.poll(() => page.locator('[data-listen]').getAttribute('aria-expanded')).toBe('true');
    expect(errors.filter((e) => !/Failed to load resource|net::ERR_FAILED/.test(e))).toEqual([]);
    await context.close();
  });
});
