// What the offline tests share (tests/browser/offline.test.ts against a Node server, and
// tests/deploy/nginx.test.ts against nginx at the root and under a base path): the build's packs
// and cache names, the caches a page has, saving a work from its page, a second build of a copy.
// `base` is the build's base path ("/" or "/ruang-baca/"); paths given to these helpers are site
// paths, as in the build's manifest.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/id.ts';
import { withBase } from '../../src/base-path.ts';
import { writeServiceWorker } from '../../src/offline/build.ts';
import type { OfflineManifest } from '../../src/offline/revision.ts';
import { ROOT } from './site.ts';
import { visit } from './browser.ts';

/** A pack's files as site paths ("/cari/index.html"). */
export const packFiles = (m: OfflineManifest, pack: string) =>
  Object.keys(m.files)
    .filter((f) => m.files[f]![2] === pack)
    .map((f) => `/${f}`)
    .sort();
export const cacheName = (m: OfflineManifest, pack: string) => `rb-p-${pack}-${m.packs[pack]!.hash}`;

/** The note at the foot of the screen. */
export const status = (page: Page) => page.locator('[data-offline-status] [role="status"]');

/** Every cache of the page's origin: name → pathnames as published (under the base). */
export function cached(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    return out;
  });
}

export const saved = (page: Page, name: string, base = '/') =>
  page.evaluate(([n, mark]) => caches.match(mark!, { cacheName: n }).then(Boolean), [name, withBase('/__rb/complete', base)]);
export const untilSaved = (page: Page, name: string, timeout?: number, base = '/') => expect.poll(() => saved(page, name, base), { timeout }).toBe(true);

/**
 * Until the newest worker is in charge: active, activated, none installing or waiting, and
 * controlling the page. A pack's completion mark is written inside the worker's install, before it
 * activates; going offline in that gap raced the activation (a navigation waits for it), and a
 * fresh-clone run once timed out there.
 */
export const untilInCharge = (page: Page) =>
  expect
    .poll(() =>
      page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return !!r && r.active?.state === 'activated' && !r.installing && !r.waiting && navigator.serviceWorker.controller?.scriptURL === r.active.scriptURL;
      }),
    )
    .toBe(true);

/** Opens a work's page and asks to save it; the pack's item on the page. */
export async function saveWork(page: Page, slug: string, lang = 'id', base = '/') {
  await visit(page, withBase(lang === 'en' ? `/en/${slug}/` : `/${slug}/`, base));
  const item = page.locator(`[data-offline-pack="${lang}/${slug}"]`);
  await item.getByRole('button', { name: (lang === 'en' ? en : t).offlinePack.save }).click();
  return item;
}

/** A second build of a copy: `edit` changes files, then the worker is written again. */
export async function rebuild(root: string, edit: (root: string) => void, base = '/') {
  edit(root);
  return (await writeServiceWorker(root, ROOT, base)).manifest;
}

/** A text change to a page: a marked span in its h1. */
export const marked = (root: string, file: string, mark: string) => {
  const path = join(root, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace('</h1>', ` <span id="${mark}">(${mark})</span></h1>`));
};
