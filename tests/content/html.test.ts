// Every built page is valid HTML (html-validate), and every internal link and anchor resolves.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages, DIST, readBuilt, ROOT } from '../support/site.ts';

// Every file, the pages that only lead to another included (entry-pages.test.ts).
const pages = builtPages({ leading: true });

function ids(node: Root | Element, out = new Set<string>()): Set<string> {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (typeof child.properties.id === 'string') out.add(child.properties.id);
    ids(child, out);
  }
  return out;
}

function links(node: Root | Element, out: string[] = []): string[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const href = child.properties.href ?? child.properties.src;
    if (typeof href === 'string') out.push(href);
    links(child, out);
  }
  return out;
}

/** The built file a site path is served from, or undefined. */
function fileFor(path: string): string | undefined {
  const candidates = path.endsWith('/') ? [join(DIST, path, 'index.html')] : [join(DIST, path), join(DIST, path, 'index.html')];
  return candidates.find((f) => existsSync(f));
}

// Both tests read every built page: their time limit grows with the pages (about 0.25 s a page to
// validate on a quiet machine, 60 s for 256 pages on a loaded one), not a fixed one a larger library
// or a busy machine reaches.
const PAGES_TIMEOUT = 30_000 + 1_000 * pages.length;

describe('built HTML', () => {
  it('has no html-validate errors on any page', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readBuilt(page), join(ROOT, '.htmlvalidate.json').replace('.htmlvalidate.json', `dist${page}`));
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  }, PAGES_TIMEOUT);

  it('has no broken internal link or anchor', () => {
    const trees = new Map(pages.map((p) => [p, fromHtml(readBuilt(p))]));
    const idsByFile = new Map<string, Set<string>>();
    const broken: string[] = [];
    for (const [page, tree] of trees) {
      for (const href of links(tree)) {
        if (/^(https?:|mailto:|data:)/i.test(href)) continue;
        const url = new URL(href, `http://site${page}`);
        const file = fileFor(decodeURIComponent(url.pathname));
        if (!file) {
          broken.push(`${page} -> ${href} (no such file)`);
          continue;
        }
        if (url.hash && file.endsWith('.html')) {
          // (The page's tree is parsed once: the entry pages' back-links lead to the same chapters many times.)
          const path = file.slice(DIST.length).replace(/index\.html$/, '');
          const target = () => trees.get(path) ?? fromHtml(readBuilt(path));
          if (!idsByFile.has(file)) idsByFile.set(file, ids(target()));
          // "#id:~:text=words": the id (if any) must exist and the words (a text fragment) be on the page.
          const [id = '', directive] = url.hash.slice(1).split(':~:');
          if (id && !idsByFile.get(file)!.has(decodeURIComponent(id))) broken.push(`${page} -> ${href} (no such anchor)`);
          const words = directive?.startsWith('text=') ? decodeURIComponent(directive.slice(5)) : undefined;
          if (words && !toText(target()).replace(/\s+/g, ' ').includes(words)) broken.push(`${page} -> ${href} (no such text)`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(trees.size).toBeGreaterThan(10);
  }, PAGES_TIMEOUT);
});

// A title or a metadata value is text: a character reference left in it after the page is parsed
// ("&#x26;" where the entry says "&") was escaped twice and shows as written in a tab, a search
// result's snippet and a reference manager.
describe('page titles and metadata', () => {
  it('hold no character reference left escaped', () => {
    const reference = /&(#x?[0-9a-f]+|[a-z]+);/i;
    const escaped: string[] = [];
    for (const page of pages) {
      const tree = fromHtml(readBuilt(page));
      const visit = (node: Root | Element) => {
        for (const child of node.children) {
          if (child.type !== 'element') continue;
          if (child.tagName === 'title' && reference.test(toText(child))) escaped.push(`${page} <title>: ${toText(child)}`);
          const content = child.tagName === 'meta' ? child.properties.content : undefined;
          if (typeof content === 'string' && reference.test(content)) escaped.push(`${page} <meta ${String(child.properties.name ?? child.properties.property)}>: ${content}`);
          visit(child);
        }
      };
      visit(tree);
    }
    expect(escaped).toEqual([]);
  }, PAGES_TIMEOUT);
});
