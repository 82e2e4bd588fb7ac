// The note at the foot of the screen (the status element of src/layouts/Base.astro): says, in a
// polite live region, when the library's core is being saved, when it is ready offline and when a
// new version is waiting. The new version takes over only when the reader asks, then the page
// reloads, so a page never mixes files of two builds. Loaded on demand by src/offline/browser/offline.ts,
// only once there is something to say (a message about the core, a waiting worker, another tab
// that accepted an update). Its words in both interface languages come with it (src/i18n/offline-*.ts,
// not the dictionaries), so no page carries them.

// Its stylesheet by address, linked when this code runs (imported as a style, it would be in every
// page's first load); nothing is said before it is there (or failed to come), so the note never shows unstyled.
import stylesheet from '../status.css?url';
import { offlineText as en } from '../../i18n/offline-en.ts';
import { offlineText as id } from '../../i18n/offline-id.ts';

const s = document.documentElement.lang === 'en' ? en : id;

const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet });
const styled = new Promise((resolve) => (link.onload = link.onerror = resolve));
document.head.append(link);

type Key = 'saving' | 'ready' | 'update' | 'failed';
/** How long the notes that ask nothing stay (sayOnce): the one about saving is the shorter, read in passing. */
const SAVING_SHOWN_MS = 8_000;
const READY_SHOWN_MS = 15_000;
export type Event =
  | { type: 'progress' | 'saved' | 'failed'; pack?: string; total?: number }
  | { type: 'registration'; reg: ServiceWorkerRegistration }
  /** old: the page had a worker before this change, so it is of the build being replaced. */
  | { type: 'controllerchange'; old: boolean };

const sw = navigator.serviceWorker;
const box = document.querySelector<HTMLElement>('[data-offline-status]');
const message = box?.querySelector<HTMLElement>('[role="status"]');
const button = box?.querySelector<HTMLButtonElement>('[data-offline-reload]');
const close = box?.querySelector<HTMLButtonElement>('[data-offline-close]');

let waiting: ServiceWorker | null = null;
let reloading = false;
let saving = false;
const tracked = new WeakSet<ServiceWorker>();

const say = (key: Key | '', size = 0) => {
  if (!box || !message || !button || !close) return;
  message.textContent = key ? s[key].replace('{size}', `${Math.max(1, Math.round(size / 1000))} KB`) : '';
  close.hidden = !key;
  if (!key) button.hidden = true;
};
/**
 * A note that asks nothing of the reader (saving, saved) is said once and then leaves the text it
 * covers: on a phone it lies over the foot of the page being read, and the core takes a minute on a
 * weak link. It goes after `ms` unless something else was said meanwhile; the live region has
 * announced it by then.
 */
const sayOnce = (key: 'saving' | 'ready', ms: number, size = 0) => {
  say(key, size);
  const said = message?.textContent;
  setTimeout(() => message?.textContent === said && say(''), ms);
};
close?.addEventListener('click', () => say(''));

const offerUpdate = (worker: ServiceWorker | null) => {
  waiting = worker;
  say('update');
  if (button) button.hidden = false;
};
button?.addEventListener('click', () => {
  reloading = true;
  button.hidden = true;
  // The new worker takes over (then "controllerchange" reloads), or already has (another tab).
  if (waiting?.state === 'installed') waiting.postMessage({ type: 'SKIP_WAITING' });
  else location.reload();
});

const track = (worker: ServiceWorker | null) => {
  if (!worker || tracked.has(worker)) return;
  tracked.add(worker);
  if (worker.state === 'installed' && sw.controller) offerUpdate(worker);
  worker.addEventListener('statechange', () => {
    if (worker.state === 'installed' && sw.controller) offerUpdate(worker);
  });
};

/** Passes an event on once the note's styles are there (in the order the events came). */
export function tell(e: Event): void {
  void styled.then(() => handle(e));
}

function handle(e: Event): void {
  if (e.type === 'registration') {
    if (e.reg.waiting && sw.controller) offerUpdate(e.reg.waiting);
    track(e.reg.installing);
  } else if (e.type === 'controllerchange') {
    if (reloading) location.reload();
    // The update was accepted in another tab: this page is of the old build, so offer to reload.
    else if (e.old) offerUpdate(null);
  } else if (e.pack === 'core' && button?.hidden !== false) {
    // The core's progress, said only in the page that sees it being saved.
    if (e.type === 'progress' && !saving) {
      saving = true;
      sayOnce('saving', SAVING_SHOWN_MS, e.total);
    } else if (e.type === 'saved' && saving) {
      saving = false;
      sayOnce('ready', READY_SHOWN_MS);
    } else if (e.type === 'failed' && saving) {
      saving = false;
      say('failed');
    }
  }
}
