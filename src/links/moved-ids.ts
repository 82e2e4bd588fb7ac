// content/links/moved-ids.yaml: where each published id that the site no longer has now points.
// An id changes when the words it is made of change (a paragraph's id is a hash of its text), so
// each change that retires an id gives it a successor here: on the same page (`p-old: p-new`) or on
// another (`p-old: /work/chapter/#p-new`). The chapter keeps the old id as an anchor at its
// successor (src/links/rehype-moved-ids.ts), so an old link still lands on the right paragraph,
// with or without JavaScript, and the page says that the link is an old one.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { loadCorrections, successors, type Records } from '../corrections/record.ts';
import { MOVED_FILE } from '../paths.ts';
import { registerCache } from '../build/cache.ts';

/** Successors by page address, then by old id. */
export type MovedIds = Record<string, Record<string, string>>;

const ID = /^[A-Za-z0-9][\w.:-]*$/;

/** Reads and checks the file; a malformed one stops the build naming the file, the line and the fix. */
export function parseMovedIds(text: string, file = MOVED_FILE): MovedIds {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : text.slice(0, offset).split('\n').length);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new Error(
      `${file}:${lineOf(e.pos[0])}: not valid YAML (${e.message.split('\n')[0]}); each page is "/work/chapter/:" with lines "  p-old: p-new" below it`,
    );
  }
  const data = (doc.toJS() ?? {}) as unknown;
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}:1: must map page addresses ("/work/chapter/") to their moved ids`);
  const out: MovedIds = {};
  for (const [page, ids] of Object.entries(data as Record<string, unknown>)) {
    const pageLine = lineOf(text.indexOf(page));
    if (!/^\/([\w-]+\/)*$/.test(page))
      throw new Error(
        `${file}:${pageLine}: "${page}" is no page address: write it as the site's path with both slashes, e.g. /borotoding-2024/bab-1-pendahuluan/`,
      );
    if (!ids || typeof ids !== 'object' || Array.isArray(ids)) throw new Error(`${file}:${pageLine}: ${page} must hold lines "p-old: p-new"`);
    out[page] = {};
    for (const [from, to] of Object.entries(ids as Record<string, unknown>)) {
      const line = lineOf(text.indexOf(`${from}:`, text.indexOf(page)));
      const target = typeof to === 'string' || typeof to === 'number' ? String(to) : '';
      const [toPage, toId] = target.includes('#') ? target.split('#') : [undefined, target];
      if (!ID.test(from) || !toId || !ID.test(toId) || (toPage !== undefined && !/^\/([\w-]+\/)*$/.test(toPage))) {
        throw new Error(`${file}:${line}: "${from}: ${target}" must be an old id and its successor, "p-old: p-new" or "p-old: /work/chapter/#p-new"`);
      }
      out[page][from] = target;
    }
  }
  return out;
}

const cache = new Map<string, { mtime: number; records: Records; moved: MovedIds }>();
registerCache(
  'src/links/moved-ids.ts: the moved ids',
  'pages',
  `${MOVED_FILE} (read again when its modification time changed) and content/corrections/ (read again when loadCorrections gives another record)`,
  () => cache.clear(),
);

/**
 * The project's moved ids (an absent file: none), read again only when a file changes: those of
 * content/links/moved-ids.yaml and the corrected paragraphs of content/corrections/ (src/corrections/),
 * each of which is its old id's successor too.
 */
export function loadMovedIds(root: string): MovedIds {
  const path = join(root, MOVED_FILE);
  const mtime = existsSync(path) ? statSync(path).mtimeMs : -1;
  const records = loadCorrections(root);
  const hit = cache.get(root);
  if (hit?.mtime === mtime && hit.records === records) return hit.moved;
  const moved = mtime < 0 ? {} : parseMovedIds(readFileSync(path, 'utf8'));
  for (const c of successors([...records.values()].flat()).values()) {
    const page = (moved[c.page] ??= {});
    if (page[c.from] !== undefined)
      throw new Error(
        `${c.file}:${c.line}: ${c.page}#${c.from} also has a successor in ${MOVED_FILE}: remove its line there (the correction's entry is its successor)`,
      );
    page[c.from] = c.now;
  }
  cache.set(root, { mtime, records, moved });
  return moved;
}
