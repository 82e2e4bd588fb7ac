// Search as a student on a weak link meets it, in Chromium against the built site served by a test
// server that can hold files back (tests/support/static-server.ts): a query typed before the search
// code has arrived is answered once it has, with the texts of the results shown and no more; a word of
// a work's title finds a chapter passage first; no excerpt marks a word inside a web address. The
// verdicts rest on which requests were made, never on how long they took.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inAddress } from '../../src/search/browser/address.ts';
import { builtMainText } from '../support/built-text.ts';
import { launch } from '../support/browser.ts';
import { indexedPages, readResults } from '../support/search.ts';
import { DIST, works } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';

const indexed = indexedPages();
const kindOf = new Map(indexed.map((p) => [p.path, p.kind]));
const chapters = indexed.filter((p) => p.kind === 'bab').map((p) => p.path);
const letters = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/**
 * Held-in queries: words of a work's title (six letters or more, so not "dalam" or "pada") that a
 * chapter's own text holds too. The work's page, its Daftar Singkatan and its reference list all
 * repeat the title; a student searching the word wants the chapters' passages.
 */
function titleWordsInChapters(): string[] {
  const chapterWords = new Set(chapters.flatMap((p) => letters(builtMainText(p))));
  const out = new Set<string>();
  // Two of each work's title, so each work's own page, abbreviations and references are in the race.
  for (const w of works()) {
    const own = [...new Set(letters(w.title))].filter((word) => word.length >= 6 && chapterWords.has(word) && !out.has(word));
    for (const word of own.slice(0, 2)) out.add(word);
  }
  return [...out];
}

/** Words inside the web addresses an indexed page prints (footnotes, reference lists). */
function wordsInAddresses(): string[] {
  const out = new Set<string>();
  for (const { path } of indexed) {
    for (const [url] of builtMainText(path).matchAll(/https?:\/\/\S+/g)) {
      for (const word of letters(url.replace(/^https?:\/\/[^/]+/, ''))) if (word.length >= 6) out.add(word);
    }
  }
  return [...out].sort();
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
/** Requests held until the test lets them go (the search code "on its way"). */
let hold: ((path: string) => boolean) | undefined;
let release: () => void = () => {};
const held = new Promise<void>((r) => (release = r));

beforeAll(async () => {
  browser = await launch();
  server = await serveStatic(DIST, { delay: (path) => (hold?.(path) ? held : 0) });
});
afterAll(async () => {
  release();
  await browser?.close();
  await server?.close();
});

describe('the first search on a slow link', () => {
  it('answers a query typed before the search code arrived, fetching the texts of the results shown and no more', async () => {
    const query = titleWordsInChapters()[0];
    expect(query, 'a word of a work title that a chapter holds').toBeDefined();
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(chapters[0]!);
    await page.waitForLoadState('networkidle');
    // Pagefind's code is held back until the whole query has been typed, letter by letter.
    hold = (path) => path.startsWith('/pagefind/');
    const from = server.requests.length;
    try {
      // On a phone the header's search field opens from its button, as a reader opens it.
      const opener = page.locator('button[data-search-open]').first();
      if (await opener.isVisible()) await opener.click();
      const box = page.locator('[data-search-box] input').first();
      // The reader types once the field is there: it opens when the header's code has come (a
      // loaded run typed before, and its first letter went to the button).
      await box.waitFor({ state: 'visible' });
      await box.focus();
      await page.keyboard.type(query!, { delay: 30 });
      expect(
        server.requests.slice(from).some((p) => p.startsWith('/pagefind/')),
        'the engine was asked for on focus',
      ).toBe(true);
    } finally {
      // Whatever happened, later tests must not wait on held files.
      hold = undefined;
      release();
    }
    const form = page.locator('[data-search-box]').first();
    await expect.poll(() => form.locator('[data-search-status]').textContent()).toContain(`“${query}”`);
    await expect.poll(() => form.locator('.search-hit').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    const shown = await form.locator('.search-hit').count();
    const fragments = server.requests.slice(from).filter((p) => p.startsWith('/pagefind/fragment/'));
    expect(shown).toBeLessThanOrEqual(3);
    expect(fragments, 'one page text per result shown, none for the letters typed on the way').toHaveLength(shown);
    hold = undefined;
    await context.close();
  });
});

describe('what ranks first', () => {
  const queries = titleWordsInChapters();

  it('has held-in queries to ask', () => expect(queries.length).toBeGreaterThan(0));

  it.each(queries)('"%s", a word of a work title that chapters hold: a chapter passage comes first', async (q) => {
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`/cari/?q=${encodeURIComponent(q)}`);
    const { results } = await readResults(page);
    expect(results.length).toBeGreaterThan(0);
    expect(kindOf.get(results[0]!.path), results.map((r) => r.path).join('\n')).toBe('bab');
    // The result names its chapter and links the section it lands in.
    expect(results[0]!.title).not.toBe('');
    await context.close();
  });
});

describe('excerpts', () => {
  it('never mark a word inside a web address', async () => {
    const words = wordsInAddresses();
    expect(words.length, 'words inside the addresses the works print').toBeGreaterThan(0);
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
    const page = await context.newPage();
    let found = 0;
    for (const q of words.slice(0, 4)) {
      await page.goto(`/cari/?q=${encodeURIComponent(q)}`);
      found += (await readResults(page)).count;
      // Each mark with the space-free run of text around it.
      const tokens = await page.locator('.search-hit-excerpt').evaluateAll((ps) =>
        ps.flatMap((p) =>
          [...p.querySelectorAll('mark')].map((m) => {
            const before = [...p.childNodes]
              .slice(0, [...p.childNodes].indexOf(m))
              .map((n) => n.textContent)
              .join('');
            const after = [...p.childNodes]
              .slice([...p.childNodes].indexOf(m) + 1)
              .map((n) => n.textContent)
              .join('');
            return `${/\S*$/.exec(before)![0]}${m.textContent}${/^\S*/.exec(after)![0]}`;
          }),
        ),
      );
      expect(tokens.filter(inAddress), q).toEqual([]);
    }
    // The check saw excerpts: these words are found (Pagefind indexes the addresses).
    expect(found, 'results for words that only addresses may hold').toBeGreaterThan(0);
    await context.close();
  });

  it('the address test tells an address from a word', () => {
    expect(inAddress('…/t/Komisi+XI+Soroti+Tingkat+Kemiskinan+di+NTT')).toBe(true);
    expect(inAddress('https://example.org/kemiskinan')).toBe(true);
    expect(inAddress('www.kemiskinan.id')).toBe(true);
    expect(inAddress('kemiskinan,')).toBe(false);
    expect(inAddress('dan/atau')).toBe(false);
    expect(inAddress('(2018)')).toBe(false);
  });
});
