// The service worker (bundled by src/offline/build.ts into dist/sw.js with the build's manifest).
//
// - Saves nothing by itself on a first visit: the page asks for the core ("auto", only when the
//   connection is not Save-Data, slow or metered, see src/offline/browser/offline.ts) or for a work.
// - Each pack (the core, a work in one interface language) is a cache named after the hash of its
//   files: it only ever holds files of one build, each checked against the manifest's revision when
//   it arrives. A file that does not match was published by another build: it is not stored, the
//   worker asks the browser to fetch the new worker, and that one continues the copy, taking every
//   file already stored that it shares (an interrupted copy resumes where it stopped).
// - A pack counts as saved once its last file is in and a completion mark written; a cancelled or
//   over-quota save deletes its cache, so nothing half-saved remains.
// - A new build installs whole: before it takes over, every pack the reader had is filled for the
//   new build (unchanged files copied from the old caches, pages compared by their text only).
// - Pages come from the current build's caches, else the network (kept if they match, "as
//   visited"); offline, a page of the site not saved gets /luring/, an unknown address the 404 page
//   and an address without its trailing slash the page with it.
// - The worker carries the core's files and the packs; the files of a pack, and the files in none,
//   are in lists it fetches when it needs one (checked against the hash it carries) and keeps in
//   memory; a saved pack keeps its list in its own cache, for offline.
import {
  groupOf,
  hex,
  inFilter,
  invert,
  isOtherList,
  isPage,
  listHash,
  listPath,
  listText,
  normalizePage,
  restorePage,
  type FileList,
  type WorkerManifest,
} from '../revision.ts';
import { SERVICE_WORKER_URL } from '../../routes.ts';
import { BASE, withBase, withoutBase } from '../../base-path.ts';

declare const __RB_MANIFEST__: WorkerManifest;
const M = __RB_MANIFEST__;

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface MessageEvt extends ExtendableEvent {
  data: unknown;
}
interface Scope {
  registration: { update(): Promise<unknown> };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: string, fn: (e: never) => void): void;
}
const sw = self as unknown as Scope;

const PREFIX = 'rb-';
const VISITED = 'rb-visited';
const LEGACY = 'rb-legacy';
const STATE = 'rb-state';
// Under the base, inside the worker's scope, as every key it stores.
const STATE_URL = withBase('/__rb/state');
const COMPLETE = withBase('/__rb/complete');
const REV = 'x-rb-rev';
const logical = invert(M.assets);
const channel = new BroadcastChannel('rb-offline');

const cacheName = (pack: string) => `${PREFIX}p-${pack}-${M.packs[pack]?.hash}`;
/** A file's address from its path in the build ("cari/index.html" -> "/ruang-baca/cari/index.html"). */
const url = (key: string) => BASE + key;
/** The reverse, for a stored request's URL. */
const keyOf = (href: string) => withoutBase(new URL(href).pathname).slice(1);
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  webmanifest: 'application/manifest+json',
};
const typeOf = (key: string, res?: Response) => res?.headers.get('content-type') || TYPES[key.split('.').pop() ?? ''] || 'application/octet-stream';

class NewerBuild extends Error {}

/** The list of a group (a work's pack, or one of the lists of files in no pack), as this build published it. */
async function fetchList(group: string): Promise<FileList> {
  const hash = listHash(group, M.packs, M.others);
  if (!hash) throw new Error(`no list ${group}`);
  const path = url(listPath(group, hash));
  let res = Object.hasOwn(M.packs, group) ? await caches.match(path, { cacheName: cacheName(group) }) : undefined;
  res ??= await fetch(path, { credentials: 'same-origin' });
  // Gone or changed: the server has another build (the list's name is its hash).
  if (!res.ok) throw new NewerBuild(path);
  const list = JSON.parse(await res.text()) as FileList;
  const text = listText(Object.entries(list).map(([f, [rev]]) => [f, rev]));
  if (hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))) !== hash) throw new NewerBuild(path);
  return list;
}

const lists = new Map<string, Promise<FileList>>();

/** A group's list, fetched once while the worker runs (again after a failure). */
function listOf(group: string): Promise<FileList> {
  let list = lists.get(group);
  if (!list) {
    lists.set(group, (list = fetchList(group)));
    list.catch(() => lists.delete(group));
  }
  return list;
}

/** The group a file outside the core is in (its work's pack, found by its folder, or a list of files in no pack). */
const groupFor = (key: string) => groupOf(key, M.packs, M.others.length);

/** The pack a file is stored in ('' for none), known without a list. */
function packFor(key: string): string {
  if (Object.hasOwn(M.core, key)) return 'core';
  const group = groupFor(key);
  return isOtherList(group) ? '' : group;
}

/** A file of this build: its revision and size; undefined if it is not one, null if its list cannot be had (offline). */
async function entryOf(key: string): Promise<FileList[string] | undefined | null> {
  if (Object.hasOwn(M.core, key)) return M.core[key];
  try {
    return (await listOf(groupFor(key)))[key];
  } catch {
    return null;
  }
}

async function wanted(): Promise<string[]> {
  try {
    const res = await caches.match(STATE_URL, { cacheName: STATE });
    const list: unknown = res ? await res.json() : [];
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && p in M.packs) : [];
  } catch {
    return [];
  }
}
async function setWanted(list: string[]) {
  await (await caches.open(STATE)).put(STATE_URL, new Response(JSON.stringify([...new Set(list)])));
}

async function isSaved(pack: string): Promise<boolean> {
  return !!(M.packs[pack] && (await caches.match(COMPLETE, { cacheName: cacheName(pack) })));
}

/** The stored form of a response: pages with logical code names, every file with its revision. */
async function stored(key: string, rev: string, body: ArrayBuffer, type: string): Promise<Response | undefined> {
  const data: BodyInit = isPage(key) ? normalizePage(new TextDecoder().decode(body), logical) : body;
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : body;
  if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== rev) return undefined;
  return new Response(data, { headers: { 'content-type': type, [REV]: rev } });
}

/** The file as this build has it: from any of the worker's caches (same revision), else the network. */
async function obtain(key: string, rev: string, signal?: AbortSignal): Promise<Response> {
  for (const name of (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== STATE)) {
    const hit = await caches.match(url(key), { cacheName: name });
    if (hit?.headers.get(REV) === rev) return hit;
  }
  // The HTTP cache first (the page just loaded much of the shell); then past it, in case it held another build.
  for (const cache of ['default', 'no-cache'] as const) {
    const res = await fetch(url(key), { cache, signal, credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${key}: HTTP ${res.status}`);
    const ok = await stored(key, rev, await res.arrayBuffer(), typeOf(key, res));
    if (ok) return ok;
  }
  throw new NewerBuild(key);
}

interface Job {
  controller: AbortController;
  done: number;
  total: number;
  promise: Promise<void>;
}
const jobs = new Map<string, Job>();

function post(message: Record<string, unknown>) {
  channel.postMessage(message);
}

// Foreground first: on a weak link a pack's copy would share the link with what the reader is
// waiting for (a first search's engine and index, the next chapter). The copy fetches one file at a
// time, and only when no page request has been in flight for QUIET ms; a page request stops the
// file being copied, which is asked for again once the link is quiet (issue #26).
const QUIET = 1500;
let foreground = 0;
let lastForeground = 0;
let background: AbortController | undefined;

/** A page's request to the network begins; the function returned ends it (once its body has come). */
function pageRequest(): () => void {
  foreground++;
  background?.abort();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    foreground--;
    lastForeground = Date.now();
  };
}

/** Resolves once no page request has been in flight for QUIET ms. */
async function quiet(): Promise<void> {
  for (;;) {
    const wait = foreground ? QUIET : lastForeground + QUIET - Date.now();
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** obtain(), when the link is quiet; stopped by a page's request, it waits and asks again. */
async function inBackground(key: string, rev: string, job?: Job): Promise<Response> {
  for (;;) {
    await quiet();
    const mine = new AbortController();
    background = mine;
    const signal = job ? AbortSignal.any([mine.signal, job.controller.signal]) : mine.signal;
    try {
      return await obtain(key, rev, signal);
    } catch (err) {
      if (!mine.signal.aborted || job?.controller.signal.aborted) throw err;
    } finally {
      if (background === mine) background = undefined;
    }
  }
}

/** The core's files and the filter of the build's pages, which is saved with them. */
const CORE: FileList = { ...M.core, [M.pages.path]: [M.pages.rev, M.pages.size] };

async function fill(pack: string, job?: Job) {
  const name = cacheName(pack);
  const target = await caches.open(name);
  if (await target.match(COMPLETE)) return;
  const list = pack === 'core' ? CORE : await listOf(pack);
  for (const [key, [rev, size]] of Object.entries(list)) {
    if (job?.controller.signal.aborted) throw new DOMException('cancelled', 'AbortError');
    if (!(await target.match(url(key)))) await target.put(url(key), await inBackground(key, rev, job));
    if (job) {
      job.done += size;
      post({ type: 'progress', pack, done: job.done, total: job.total });
    }
  }
  // Its list too, so that offline the worker still knows the work's pages (and which addresses are none).
  if (pack !== 'core')
    await target.put(url(listPath(pack, listHash(pack, M.packs, M.others)!)), new Response(JSON.stringify(list), { headers: { 'content-type': TYPES.json! } }));
  await target.put(COMPLETE, new Response(M.build));
}

function reason(err: unknown): string {
  if (err instanceof NewerBuild) return 'newer';
  if (err instanceof DOMException && err.name === 'QuotaExceededError') return 'quota';
  if (err instanceof DOMException && err.name === 'AbortError') return 'cancelled';
  return 'network';
}

/** Saves a pack on the reader's request; one job per pack at a time. */
function save(pack: string): Promise<void> {
  const running = jobs.get(pack);
  if (running) return running.promise;
  const job = { controller: new AbortController(), done: 0, total: M.packs[pack]!.size } as Job;
  job.promise = (async () => {
    try {
      await setWanted([...(await wanted()), pack]);
      await fill(pack, job);
      post({ type: 'saved', pack });
    } catch (err) {
      const why = reason(err);
      // Kept for resuming: a copy stopped by the network or by a newer build. Anything else leaves nothing.
      if (why === 'quota' || why === 'cancelled') {
        await caches.delete(cacheName(pack));
        await setWanted((await wanted()).filter((p) => p !== pack));
      }
      if (why === 'newer') void sw.registration.update().catch(() => undefined);
      post({ type: 'failed', pack, reason: why });
    } finally {
      jobs.delete(pack);
      await status();
    }
  })();
  jobs.set(pack, job);
  return job.promise;
}

async function remove(pack: string) {
  jobs.get(pack)?.controller.abort();
  await caches.delete(cacheName(pack));
  await setWanted((await wanted()).filter((p) => p !== pack));
  // Pages of it kept as visited go too: "removed" means not on this device.
  const visited = await caches.open(VISITED);
  for (const req of await visited.keys()) {
    const key = keyOf(req.url);
    if (packFor(key) === pack) await visited.delete(req);
  }
  post({ type: 'removed', pack });
}

async function status() {
  const packs: Record<string, { size: number; count: number; saved: boolean; saving: number | null }> = {};
  for (const [id, p] of Object.entries(M.packs)) {
    packs[id] = { size: p.size, count: p.count, saved: await isSaved(id), saving: jobs.get(id)?.done ?? null };
  }
  post({ type: 'status', build: M.build, budget: M.budget, packs });
}

sw.addEventListener('install', (e: ExtendableEvent) => {
  e.waitUntil(
    (async () => {
      const names = await caches.keys();
      const anySaved = (await Promise.all(names.map((n) => caches.match(COMPLETE, { cacheName: n })))).some(Boolean);
      // Whole or not at all: every pack the reader had is filled for this build before it takes over.
      for (const pack of await wanted()) {
        try {
          await fill(pack);
        } catch (err) {
          // A work the device has no room for in its new version is dropped, not kept half-new.
          if (pack !== 'core' && reason(err) === 'quota') {
            await caches.delete(cacheName(pack));
            await setWanted((await wanted()).filter((p) => p !== pack));
          } else throw err;
        }
      }
      // Nothing was complete yet (a first copy interrupted by this deploy): no reason to wait.
      if (!anySaved) await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (e: ExtendableEvent) => {
  e.waitUntil(
    (async () => {
      const keep = new Set([...Object.keys(M.packs).map(cacheName), VISITED, STATE]);
      // The previous build's code stays one generation, for a tab still showing a page of it.
      const legacy = new Map<string, Response>();
      const old = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && !keep.has(n));
      for (const name of [...old, VISITED]) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) {
          const key = keyOf(req.url);
          const res = await cache.match(req);
          // This build's code is in the core (the rule respond() serves LEGACY by): anything else in _astro/ is older code.
          if (key.startsWith('_astro/') && !Object.hasOwn(M.core, key) && res) legacy.set(req.url, res);
          // A page kept as visited stays only if this build has it unchanged (one whose list cannot be had goes too).
          if (name === VISITED) {
            const entry = await entryOf(key);
            if (!entry || entry[0] !== res?.headers.get(REV)) await cache.delete(req);
          }
        }
      }
      await caches.delete(LEGACY);
      const next = await caches.open(LEGACY);
      for (const [u, res] of legacy) await next.put(u, res);
      for (const name of old) if (name !== LEGACY) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (e: MessageEvt) => {
  const data = e.data as { type?: unknown; pack?: unknown } | null;
  const pack = typeof data?.pack === 'string' && data.pack in M.packs ? data.pack : undefined;
  switch (data?.type) {
    case 'SKIP_WAITING':
      e.waitUntil(sw.skipWaiting());
      break;
    case 'status':
      e.waitUntil(status());
      break;
    case 'save':
      if (pack) e.waitUntil(save(pack));
      break;
    case 'cancel':
      if (pack) jobs.get(pack)?.controller.abort();
      break;
    case 'remove':
      if (pack) e.waitUntil(remove(pack).then(status));
      break;
  }
});

/** The file from its pack's cache, else as visited (those of another build were dropped when this worker took over). */
async function fromCaches(key: string): Promise<Response | undefined> {
  const pack = packFor(key);
  const hit = (pack && (await caches.match(url(key), { cacheName: cacheName(pack) }))) || undefined;
  return hit ?? (await caches.match(url(key), { cacheName: VISITED }));
}

async function serve(key: string, res: Response, status = 200): Promise<Response> {
  if (!isPage(key)) return res;
  const html = restorePage(await res.text(), M.assets);
  return new Response(html, { status, headers: { 'content-type': TYPES.html! } });
}

async function keepVisited(key: string, res: Response) {
  const entry = await entryOf(key);
  if (!entry) return;
  const ok = await stored(key, entry[0], await res.arrayBuffer(), typeOf(key, res));
  if (ok) await (await caches.open(VISITED)).put(url(key), ok);
  // The server has another build: let the browser fetch its worker.
  else void sw.registration.update().catch(() => undefined);
}

let filter: Promise<Uint8Array | undefined> | undefined;

/** Whether a path may be a page of this build (false: certainly not; undefined: the filter cannot be had). */
async function mayBePage(key: string): Promise<boolean | undefined> {
  const loading = (filter ??= (async () => {
    const res = (await caches.match(url(M.pages.path), { cacheName: cacheName('core') })) ?? (await fetch(url(M.pages.path)));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== M.pages.rev) throw new NewerBuild(M.pages.path);
    return bytes;
  })());
  try {
    const bytes = await loading;
    return bytes && inFilter(bytes, M.pages, key);
  } catch {
    if (filter === loading) filter = undefined;
    return undefined;
  }
}

const FALLBACK = `<!doctype html><html lang="id"><meta charset="utf-8"><title>Ruang Baca NTT</title><p>Tidak ada sambungan internet. <span lang="en">No internet connection.</span></p><p><a href="${BASE}">Ruang Baca NTT</a></p></html>`;

async function page(key: string, status: number): Promise<Response> {
  const hit = await fromCaches(key);
  return hit ? serve(key, hit, status) : new Response(FALLBACK, { status, headers: { 'content-type': TYPES.html! } });
}

async function respond(e: FetchEvent, path: string): Promise<Response> {
  const req = e.request;
  let key: string | undefined;
  try {
    key = decodeURIComponent(withoutBase(path)).slice(1);
  } catch {
    key = undefined;
  }
  if (key === undefined) return fetch(req);
  if (key === '' || key.endsWith('/')) key += 'index.html';
  // From the caches by the file's address alone: its pack follows from its folder, no list is needed.
  const hit = await fromCaches(key);
  if (hit) return serve(key, hit);
  // Code of the previous build (a tab still showing one of its pages); the current build's code is in the core.
  if (key.startsWith('_astro/') && !Object.hasOwn(M.core, key)) {
    const old = await caches.match(url(key), { cacheName: LEGACY });
    if (old) return old;
  }
  const ended = pageRequest();
  try {
    const res = await fetch(req);
    // In flight until its body has come (the page reads it as it arrives).
    e.waitUntil(res.clone().arrayBuffer().then(ended, ended));
    if (res.ok && !res.redirected) e.waitUntil(keepVisited(key, res.clone()).catch(() => undefined));
    return res;
  } catch {
    ended();
    // Offline. A file whose list is not on the device (null) may still certainly be no page: the filter says.
    let known = await entryOf(key);
    if (known === null && (await mayBePage(key)) === false) known = undefined;
    if (!known && !isPage(key)) {
      const index = `${key}/index.html`;
      const folder = await entryOf(index);
      if (folder || (folder === null && (await mayBePage(index)) !== false)) return Response.redirect(`${path}/${new URL(req.url).search}`, 301);
    }
    if (req.mode !== 'navigate') return Response.error();
    // A page of the site not saved (or one whose list is not on the device): "not saved"; an address
    // that is no page: the 404 page; each in the interface language of the address where the build
    // has that page ("en/" is ENGLISH_PREFIX of src/routes.ts).
    const english = key.startsWith('en/');
    const localized = (file: string, en: string) => (english && Object.hasOwn(M.core, en) ? en : file);
    // eslint-disable-next-line no-restricted-syntax -- files of the build (the worker's cache keys), not addresses
    return known === undefined ? page(localized('404.html', 'en/404/index.html'), 404) : page(localized('luring/index.html', 'en/luring/index.html'), 503);
  }
}

sw.addEventListener('fetch', (e: FetchEvent) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const u = new URL(req.url);
  // Only the site's own addresses (under its base: another site on the same host is left alone).
  if (u.origin !== location.origin || !u.pathname.startsWith(BASE) || u.pathname === withBase(SERVICE_WORKER_URL)) return;
  e.respondWith(respond(e, u.pathname));
});
