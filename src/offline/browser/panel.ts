// The "Baca tanpa internet" panel (src/offline/OfflinePacks.astro): asks the service worker what
// is saved, shows each pack's size before it is downloaded, saves (asking the browser to keep the
// copy: navigator.storage.persist()), shows progress, cancels, removes, and says what went wrong
// (a full device is said as such; the worker leaves nothing half-saved). Loaded only on pages
// that have the panel. Texts come from the page (data-texts), so no dictionary is bundled.

type Texts = Record<
  'size' | 'saving' | 'saved' | 'removed' | 'cancelled' | 'quota' | 'failed' | 'newer' | 'unsupported' | 'used' | 'persisted' | 'notPersisted',
  string
>;
interface PackStatus {
  size: number;
  saved: boolean;
  saving: number | null;
}
type Message =
  | { type: 'status'; packs: Record<string, PackStatus> }
  | { type: 'progress'; pack: string; done: number; total: number }
  | { type: 'saved' | 'removed'; pack: string }
  | { type: 'failed'; pack: string; reason: string };

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

export function attach(root: HTMLElement): void {
  let texts: Texts;
  try {
    texts = JSON.parse(root.dataset.texts ?? '') as Texts;
  } catch {
    return;
  }
  const locale = root.dataset.locale === 'en' ? 'en-GB' : 'id-ID';
  const bytes = (n: number) => {
    const [v, unit] = n >= 1e6 ? [n / 1e6, 'MB'] : [n / 1e3, 'KB'];
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} ${unit}`;
  };
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  const unsupported = root.querySelector<HTMLElement>('[data-offline-unsupported]');
  if (!sw || !('caches' in window) || typeof BroadcastChannel === 'undefined') {
    if (unsupported) unsupported.hidden = false;
    return;
  }
  const items = new Map<string, HTMLElement>();
  for (const li of root.querySelectorAll<HTMLElement>('[data-offline-pack]')) items.set(li.dataset.offlinePack ?? '', li);
  const part = <T extends HTMLElement>(li: HTMLElement, name: string) => li.querySelector<T>(`[data-offline-${name}]`)!;
  const sizes = new Map<string, number>();

  /** Without a message, a status refresh keeps what was said last (removed, quota, …) while idle. */
  const show = (pack: string, state: 'idle' | 'saving' | 'saved', message?: string) => {
    const li = items.get(pack);
    if (!li) return;
    const size = sizes.get(pack) ?? 0;
    part(li, 'size').textContent = state === 'idle' ? fill(texts.size, { size: bytes(size) }) : '';
    // The core is saved automatically (or not, on a metered connection) and cannot be removed here.
    part(li, 'save').hidden = state !== 'idle';
    part(li, 'progress').hidden = state !== 'saving';
    part(li, 'cancel').hidden = state !== 'saving';
    part(li, 'remove').hidden = state !== 'saved' || pack === 'core';
    const said = part(li, 'message');
    if (message !== undefined) said.textContent = message;
    else if (state === 'saved') said.textContent = fill(texts.saved, { size: bytes(size) });
    else if (state === 'saving') said.textContent = '';
  };
  const progress = (pack: string, done: number, total: number) => {
    const li = items.get(pack);
    if (!li) return;
    const bar = part<HTMLProgressElement>(li, 'progress');
    bar.value = total ? done / total : 0;
    part(li, 'message').textContent = fill(texts.saving, { done: bytes(done), total: bytes(total) });
  };
  const storage = root.querySelector<HTMLElement>('[data-offline-storage]');
  const estimate = async () => {
    if (!storage || !navigator.storage?.estimate) return;
    try {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      const persisted = await navigator.storage.persisted?.().catch(() => false);
      storage.textContent = `${fill(texts.used, { used: bytes(usage), quota: bytes(quota) })} ${persisted ? texts.persisted : texts.notPersisted}`;
    } catch {
      storage.textContent = '';
    }
  };

  const channel = new BroadcastChannel('rb-offline');
  channel.addEventListener('message', (e: MessageEvent<Message>) => {
    const m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'status') {
      for (const [pack, p] of Object.entries(m.packs ?? {})) {
        if (!items.has(pack)) continue;
        sizes.set(pack, p.size);
        show(pack, p.saving !== null ? 'saving' : p.saved ? 'saved' : 'idle');
        if (p.saving !== null) progress(pack, p.saving, p.size);
      }
      void estimate();
    } else if (m.type === 'progress') progress(m.pack, m.done, m.total);
    else if (m.type === 'saved') show(m.pack, 'saved');
    else if (m.type === 'removed') show(m.pack, 'idle', texts.removed);
    else if (m.type === 'failed') {
      const why = m.reason === 'quota' ? texts.quota : m.reason === 'cancelled' ? texts.cancelled : m.reason === 'newer' ? texts.newer : texts.failed;
      show(m.pack, 'idle', why);
    }
  });

  const ask = async (message: { type: string; pack?: string }) => {
    const reg = await sw.ready;
    (sw.controller ?? reg.active)?.postMessage(message);
  };
  for (const [pack, li] of items) {
    part(li, 'save').addEventListener('click', () => {
      // Asked when the reader chooses to keep something, as browsers expect.
      void navigator.storage?.persist?.().catch(() => false);
      show(pack, 'saving');
      progress(pack, 0, sizes.get(pack) ?? 0);
      void ask({ type: 'save', pack });
    });
    part(li, 'cancel').addEventListener('click', () => void ask({ type: 'cancel', pack }));
    part(li, 'remove').addEventListener('click', () => void ask({ type: 'remove', pack }));
  }
  void ask({ type: 'status' });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-offline-packs]')) attach(root);
