// The reader's notes on this device: one IndexedDB object store, plain IndexedDB behind a few
// promises (the library `idb` would add 1 KB for what four functions do here). Nothing is sent
// anywhere. Records that do not read as notes (another version, a damaged profile) are counted and
// left alone: only "Hapus semua" on the notes page deletes, and only after the reader confirms.
//
// A short index in localStorage ("rb-notes": the paths of chapters with notes) lets a chapter page
// decide cheaply whether to load the annotation code at all (src/annotations/browser/trigger.ts).
import { checkNote, type Note } from '../model.ts';

const DB = 'ruang-baca-catatan';
const STORE = 'catatan';
export const INDEX_KEY = 'rb-notes';

let db: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  return (db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  }).catch((e: unknown) => {
    db = undefined;
    throw e;
  }));
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return open().then(
    (d) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = d.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req ? req.result : undefined);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

/** Every stored note that reads as one, and how many records did not. */
export async function allNotes(): Promise<{ notes: Note[]; bad: number }> {
  const raw = (await run<unknown[]>('readonly', (s) => s.getAll())) ?? [];
  const notes: Note[] = [];
  for (const r of raw) {
    const n = checkNote(r);
    if (n) notes.push(n);
  }
  return { notes, bad: raw.length - notes.length };
}

export async function putNotes(notes: Note[]): Promise<void> {
  if (notes.length) await run('readwrite', (s) => void notes.forEach((n) => s.put(n)));
  await reindex();
}

export async function deleteNote(id: string): Promise<void> {
  await run('readwrite', (s) => s.delete(id));
  await reindex();
}

export async function clearNotes(): Promise<void> {
  await run('readwrite', (s) => s.clear());
  await reindex();
}

/** Rewrites the localStorage index of chapters with notes from what is stored. */
async function reindex(): Promise<void> {
  const { notes } = await allNotes();
  try {
    localStorage.setItem(INDEX_KEY, [...new Set(notes.map((n) => n.path))].join(''));
  } catch {
    /* no localStorage: chapters then load the annotation code on the first selection only */
  }
}

export function newId(): string {
  const uuid = crypto.randomUUID?.() ?? [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${uuid}`;
}
