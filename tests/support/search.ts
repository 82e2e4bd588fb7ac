// What the search tests need: words that occur in one place of the built site only (so a test can
// show that text there is indexed), and running a search the way a reader does, on /cari/.
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import type { Page } from 'playwright-core';
import { builtPages, readBuilt } from './site.ts';

type Where = (el: Element) => boolean;

const WORD = /\p{L}{5,}/gu;

/** Words of the indexed text (inside <main>), split by whether an ancestor matches `where`. */
function wordsOf(html: string, where: Where): { inside: Set<string>; outside: Set<string> } {
  const inside = new Set<string>();
  const outside = new Set<string>();
  (function walk(node: Root | RootContent, inMain: boolean, inWhere: boolean) {
    if (node.type === 'text') {
      if (inMain) for (const w of node.value.toLowerCase().match(WORD) ?? []) (inWhere ? inside : outside).add(w);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    const el = node.type === 'element' ? node : undefined;
    // Pagefind leaves these out of the index (e.g. the margin copies of footnotes).
    if (el && 'dataPagefindIgnore' in el.properties) return;
    for (const child of node.children) {
      walk(child, inMain || el?.tagName === 'main', inWhere || (el ? where(el) : false));
    }
  })(fromHtml(html), false, false);
  return { inside, outside };
}

const GRAM = 5;
const grams = (w: string) => Array.from({ length: Math.max(1, w.length - GRAM + 1) }, (_, i) => w.slice(i, i + GRAM));

/**
 * A test of whether a word may share a stem with any of the given words, cruder than a stemmer and
 * on the safe side: they share five letters in a row ("diterbitkan", "terbitkannya").
 */
export function stemSiblings(words: Iterable<string>): (word: string) => boolean {
  const seen = new Set<string>();
  for (const w of words) for (const g of grams(w)) seen.add(g);
  return (word) => grams(word).some((g) => seen.has(g));
}

/**
 * Words that occur on the page `path` only inside elements matching `where`, and on no other page:
 * a search finds such a word only if that part of the page is indexed. Words that could share a
 * stem with a word elsewhere on the site are left out, so stemming cannot find the page another way.
 */
export function wordsOnlyIn(path: string, where: Where, { otherPages = true } = {}): string[] {
  const others = new Set<string>();
  let inside = new Set<string>();
  // Only indexed pages can lead a search elsewhere (the /en/ twins of pages are not indexed).
  // With otherPages false, only the rest of the same page counts (the test then filters the search).
  for (const p of indexedPages()
    .map((x) => x.path)
    .filter((p) => otherPages || p === path)) {
    const w = wordsOf(readBuilt(p), p === path ? where : () => false);
    if (p === path) inside = w.inside;
    for (const x of w.outside) others.add(x);
  }
  const sibling = stemSiblings(others);
  return [...inside].filter((w) => !sibling(w)).sort();
}

/**
 * Words a page holds only where `where` matches, though other pages may hold them too: with the
 * "Data" filter only data pages answer, and the data page repeats the chapters' tables.
 */
export function wordsOnlyInPartOf(path: string, where: Where): string[] {
  const w = wordsOf(readBuilt(path), where);
  return [...w.inside].filter((x) => !w.outside.has(x)).sort();
}

/** The built pages the search index holds, with the kind of page their layout gave (bab, pustaka, data, karya). */
export function indexedPages(): { path: string; kind: string }[] {
  return builtPages().flatMap((path) => {
    const main = /<main\b[^>]*>/.exec(readBuilt(path))?.[0] ?? '';
    const kind = /data-search-kind="([^"]+)"/.exec(main)?.[1];
    return main.includes('data-pagefind-body') && kind ? [{ path, kind }] : [];
  });
}

export const hasClass = (name: string) => (el: Element) => ([] as unknown[]).concat(el.properties.className ?? []).includes(name);
export const isTag =
  (...tags: string[]) =>
  (el: Element) =>
    tags.includes(el.tagName);
export const isFootnotes = (el: Element) => el.tagName === 'section' && 'dataFootnotes' in el.properties;

export interface Result {
  path: string;
  href: string;
  title: string;
  work: string;
  sections: { title: string; href: string }[];
}

export interface Found {
  /** All results, as the status line counts them (the list shows the first ten). */
  count: number;
  results: Result[];
}

/** Waits until the search page has answered (a count, or "no results"), and reads its results. */
export async function readResults(page: Page): Promise<Found> {
  const status = page.locator('[data-search-page-status]');
  await page.waitForFunction(() => /hasil untuk|Tidak ada hasil/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''));
  const count = Number(/^(\d+) hasil/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
  const results = await page.locator('[data-search-page-results] > li').evaluateAll((items) =>
    items.map((li) => {
      const a = li.querySelector<HTMLAnchorElement>('.search-hit-title')!;
      return {
        path: new URL(a.href).pathname,
        href: a.getAttribute('href')!,
        title: a.textContent ?? '',
        work: li.querySelector('.search-hit-work')?.textContent ?? '',
        sections: [...li.querySelectorAll<HTMLAnchorElement>('.search-hit-sections a')].map((s) => ({
          title: s.textContent ?? '',
          href: s.getAttribute('href')!,
        })),
      };
    }),
  );
  return { count, results };
}

/** Opens /cari/ with the query (and filters) in the URL, as a shared link would, and reads the results. */
export async function search(page: Page, q: string, filters: Record<string, string[]> = {}): Promise<Found> {
  const params = new URLSearchParams({ q });
  for (const [name, values] of Object.entries(filters)) for (const v of values) params.append(name, v);
  await page.goto(`/cari/?${params}`);
  return readResults(page);
}
