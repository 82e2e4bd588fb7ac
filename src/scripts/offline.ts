// Registers the service worker (src/offline/browser/worker.ts, built by src/offline/build.ts) and
// says, in a polite live region, when the library's core is being saved, when it is ready offline
// and when a new version is waiting. The new version takes over only when the reader asks, then the
// page reloads, so a page never mixes files of two builds.
// The core is asked for only after the page has loaded and the browser is idle, and never when the
// browser asks to save data or reports a slow or metered connection: then only the pages the reader
// opens are kept. Works are saved from the "Baca tanpa internet" panel (src/offline/browser/panel.ts).
// Its strings come from src/i18n/id.ts through data attributes of the status element, so that this
// script, which every page runs, bundles no dictionary.

type Key = 'saving' | 'ready' | 'update' | 'failed';

interface Connection { saveData?: boolean; effectiveType?: string; type?: string }

/** Save-Data, a 2G-like connection or a cellular one: download nothing the reader did not open. */
export function sparingConnection(): boolean {
  const c = (navigator as Navigator & { connection?: Connection }).connection;
  return !!c && (c.saveData === true || /(^|-)2g$/.test(c.effectiveType ?? '') || c.type === 'cellular');
}

export function startOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const box = document.querySelector<HTMLElement>('[data-offline-status]');
  const message = box?.querySelector<HTMLElement>('[role="status"]');
  const button = box?.querySelector<HTMLButtonElement>('[data-offline-reload]');
  const close = box?.querySelector<HTMLButtonElement>('[data-offline-close]');
  if (!box || !message || !button || !close) return;
  const say = (key: Key | '', size = 0) => {
    message.textContent = key ? (box.dataset[key] ?? '').replace('{size}', `${Math.max(1, Math.round(size / 1000))} KB`) : '';
    close.hidden = !key;
    if (!key) button.hidden = true;
  };
  close.addEventListener('click', () => say(''));
  let waiting: ServiceWorker | null = null;
  let reloading = false;

  const offerUpdate = (worker: ServiceWorker | null) => {
    waiting = worker;
    say('update');
    button.hidden = false;
  };
  button.addEventListener('click', () => {
    reloading = true;
    button.hidden = true;
    // The new worker takes over (then "controllerchange" reloads), or already has (another tab).
    if (waiting?.state === 'installed') waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  });
  let controlled = !!sw.controller;
  sw.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
    // The update was accepted in another tab: this page is of the old build, so offer to reload.
    else if (controlled) offerUpdate(null);
    controlled = true;
  });

  // The core's progress, said only in the page that sees it being saved.
  let saving = false;
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel('rb-offline').addEventListener('message', (e: MessageEvent<{ type?: string; pack?: string; total?: number }>) => {
      if (e.data?.pack !== 'core' || button.hidden === false) return;
      if (e.data.type === 'progress' && !saving) (saving = true), say('saving', e.data.total);
      else if (e.data.type === 'saved' && saving) {
        saving = false;
        say('ready');
        // Said once; it need not stay over the text.
        setTimeout(() => message.textContent === box.dataset.ready && say(''), 15_000);
      } else if (e.data.type === 'failed' && saving) (saving = false), say('failed');
    });
  }

  const track = (worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) offerUpdate(worker);
    });

  addEventListener('load', async () => {
    try {
      const reg = await sw.register('/sw.js');
      if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
      track(reg.installing);
      reg.addEventListener('updatefound', () => track(reg.installing));
      if (sparingConnection()) return;
      const ready = await sw.ready;
      const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 5000 }) : setTimeout(fn, 2000));
      idle(() => ready.active?.postMessage({ type: 'save', pack: 'core' }));
    } catch {
      // No service worker here (private browsing, blocked by settings): the site works online as ever.
    }
  });
}
