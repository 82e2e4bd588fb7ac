// The build's caches (src/build/cache.ts): each registered with its lifetime; once the pages are
// written the build lets go of the bibliography's caches and the citeproc engines, so that the steps
// after the pages have the memory; a cache asked again afterwards is refilled and formats the same.
import { describe, expect, it } from 'vitest';
import { formatAll, formatWork } from '../../src/bibliography/entries.ts';
import { styleOfWork } from '../../src/bibliography/engine.ts';
import { loadLibrary } from '../../src/bibliography/library.ts';
import { perBuild, registeredCaches, releaseCaches } from '../../src/build/cache.ts';
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

  it('are registered by name with their lifetime', () => {
    const names = registeredCaches().map((c) => `${c.name} (${c.lifetime})`);
    expect(names).toContain('src/bibliography/engine.ts: citeproc engines (pages)');
    expect(names).toContain('src/bibliography/library.ts: the parsed bibliography (pages)');
  });

  it('a value made once per build is kept until the pages are written, then made again when asked', () => {
    let made = 0;
    const value = perBuild('test: a counter', () => ++made);
    expect([value(), value()]).toEqual([1, 1]);
    releaseCaches();
    expect(value()).toBe(2);
  });
});
