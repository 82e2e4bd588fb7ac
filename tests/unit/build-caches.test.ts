// The build's caches (src/build/cache.ts): each registered with its lifetime; once the pages are
// written the build lets go of the bibliography's caches and the citeproc engines, so that the steps
// after the pages have the memory; a cache asked again afterwards is refilled and formats the same.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAll, formatWork } from '../../src/bibliography/entries.ts';
import { styleOfWork } from '../../src/bibliography/engine.ts';
import { loadLibrary } from '../../src/bibliography/library.ts';
import { isPageRequest, perBuild, registeredCaches, releaseCaches } from '../../src/build/cache.ts';
import { ROOT } from '../support/site.ts';

const engines = () => (globalThis as unknown as Record<symbol, { engines: Map<string, unknown> }>)[Symbol.for('ruangbaca.citeproc')]!.engines;

describe('the page build caches', () => {
  // Every work the bibliography lists entries for (derived from content/, not named here).
  const works = [...new Set(loadLibrary(ROOT).references.flatMap((r) => r.listedIn))].sort();

  it('are emptied after the pages and refilled on demand with the same formatting', () => {
    expect(works.length).toBeGreaterThan(0);
    const before = works.map((w) => formatWork(ROOT, w, styleOfWork(ROOT, w)).map((e) => e.html));
    const library = loadLibrary(ROOT);
    expect(engines().size).toBeGreaterThan(0);
    expect(releaseCaches()).toBeGreaterThanOrEqual(2);
    expect(engines().size).toBe(0);
    expect(loadLibrary(ROOT)).not.toBe(library);
    expect(works.map((w) => formatWork(ROOT, w, styleOfWork(ROOT, w)).map((e) => e.html))).toEqual(before);
  });

  it("let go of the site-wide list's engine as soon as the list is made", () => {
    const all = formatAll(ROOT);
    expect(all.length).toBe(loadLibrary(ROOT).references.length);
    expect([...engines().keys()].some((k) => k.includes('-whole|'))).toBe(false);
  });

  it('are registered by name with their lifetime and inputs', () => {
    const names = registeredCaches().map((c) => `${c.name} (${c.lifetime})`);
    expect(names).toContain('src/bibliography/engine.ts: citeproc engines (pages)');
    expect(names).toContain('src/bibliography/library.ts: the parsed bibliography (pages)');
    expect(registeredCaches().every((c) => c.inputs.length > 0)).toBe(true);
  });

  // A module-level cache of the build (a module `let`, a Map or WeakMap made empty at the top level,
  // a registry on globalThis) in a file that registers nothing would be kept past the pages and,
  // in `npm run dev`, past an edit of what it was made from. Browser code (browser/ folders) runs
  // in the reader's page, not in the build, and is not counted.
  it('every module-level cache of the build code is registered', () => {
    const files = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
      .filter((f) => /\.ts$/.test(f) && !/(^|\/)browser\//.test(f) && f !== join('build', 'cache.ts'))
      .map((f) => join('src', f));
    const holding = files.filter((f) =>
      /^(export )?(let \w|const \w+(: [^=]+)? = (new (Map|WeakMap)\b|\(\(globalThis))/m.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(holding.length).toBeGreaterThan(10);
    const unregistered = holding.filter((f) => !/\b(registerCache|perBuild)\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(unregistered).toEqual([]);
  });

  it('a value made once per build is kept until the pages are written, then made again when asked', () => {
    let made = 0;
    const value = perBuild('test: a counter', () => ++made);
    expect([value(), value()]).toEqual([1, 1]);
    releaseCaches();
    expect(value()).toBe(2);
  });

  // In dev, a page request has Astro run getStaticPaths again (src/build/cache.ts); its assets do not.
  it('tells a page request from an asset request', () => {
    for (const page of ['/', '/uji/daftar-pustaka/', '/en/uji/?q=a', '/404.html', '/uji/#p-1']) expect(isPageRequest(page), page).toBe(true);
    for (const asset of ['/src/styles/prose.css', '/@vite/client', '/node_modules/.vite/deps/chart__js.js?v=1', '/favicon.svg', '/data/uji.csv'])
      expect(isPageRequest(asset), asset).toBe(false);
  });
});
