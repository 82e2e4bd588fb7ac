// Registers the service worker (src/offline/browser/worker.ts, built by src/offline/build.ts) and,
// after the page has loaded, the browser is idle and a search begun has answered, asks it to save the library's core, unless the
// browser asks to save data or reports a slow or metered connection: then only the pages the reader
// opens are kept. Works are saved from the "Baca tanpa internet" panel (src/offline/browser/panel.ts).
// What the note at the foot of the screen says (saving, ready, a new version) is in
// src/offline/browser/status.ts, fetched only when there is something to say: every page runs
// this script, so it stays small.
import type { Event } from './status.ts';
import { SERVICE_WORKER_URL } from '../../routes.ts';
import { searchSettled } from '../../search/browser/intent.ts';

interface Connection {
  saveData?: boolean;
  effectiveType?: string;
  type?: string;
}

/** Save-Data, a 2G-like connection or a cellular one: download nothing the reader did not open. */
export function sparingConnection(): boolean {
  const c = (navigator as Navigator & { connection?: Connection }).connection;
  return !!c && (c.saveData === true || /(^|-)2g$/.test(c.effectiveType ?? '') || c.type === 'cellular');
}

let outdated = false;
/** True once another tab accepted an update: this page is of the old build, whose code may be gone. */
export const isOutdated = () => outdated;

export function startOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  let controlled = !!sw.controller;
  let status: Promise<typeof import('./status')> | undefined;
  // Events are passed on in the order they came, once the note's code is there; if it cannot be
  // fetched (offline, not saved), the note stays silent and the next event tries again.
  const tell = (e: Event) => {
    const loading = (status ??= import('./status.ts'));
    loading.then(
      (m) => m.tell(e),
      () => {
        if (status === loading) status = undefined;
        // A page of the old build whose note code is gone with it (nothing was saved): still offer
        // the reload, with the note's own text and button.
        const box = document.querySelector<HTMLElement>('[data-offline-status]');
        const button = box?.querySelector<HTMLButtonElement>('[data-offline-reload]');
        if (e.type !== 'controllerchange' || !e.old || !box || !button) return;
        box.querySelector('[role="status"]')!.textContent = box.dataset.update ?? '';
        button.hidden = false;
        button.onclick = () => location.reload();
      },
    );
  };
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel('rb-offline').addEventListener('message', (e: MessageEvent<{ type?: string; pack?: string }>) => {
      // Saving begins with progress; "saved" or "failed" only end what the note already says.
      const type = e.data?.pack === 'core' ? e.data.type : undefined;
      if (type === 'progress' || (status && (type === 'saved' || type === 'failed'))) tell(e.data as Event);
    });
  }
  // A page of the old build once another tab accepted an update, or this page's own reload; the
  // first visit's worker taking over says nothing.
  sw.addEventListener('controllerchange', () => {
    outdated ||= controlled;
    if (controlled || status) tell({ type: 'controllerchange', old: controlled });
    controlled = true;
  });

  addEventListener('load', async () => {
    try {
      // Under the base (src/base-path.ts's withBase, written out here to keep the every-page chunk
      // small; at the root the minifier drops it).
      const base = import.meta.env.BASE_URL;
      const reg = await sw.register(base === '/' ? SERVICE_WORKER_URL : base + SERVICE_WORKER_URL.slice(1));
      // A new version for a page that has a worker (a first visit has nothing to update).
      const update = () => sw.controller && tell({ type: 'registration', reg });
      if (reg.waiting || reg.installing) update();
      reg.addEventListener('updatefound', update);
      if (sparingConnection()) return;
      const ready = await sw.ready;
      const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 5000 }) : setTimeout(fn, 2000));
      // A search begun on this page first: on a weak link the core's copy would share the link with it
      // (the worker also lets a page's own requests go first, once it controls the page).
      idle(() => void searchSettled().then(() => ready.active?.postMessage({ type: 'save', pack: 'core' })));
    } catch {
      // No service worker here (private browsing, blocked by settings): the site works online as ever.
    }
  });
}
