// After the pages are written: every id the site has ever published (content/links/published-ids.json)
// still resolves, directly or through its successor (content/links/moved-ids.yaml), or the build
// stops naming each lost id, its page and the new ids there that could succeed it. A build never
// writes the ledger: an id the ledger does not hold is a draft's (a new work, an edited paragraph)
// and may change freely. Ids become published, and guarded from then on, at publishing:
// `npm run publish-ids` (scripts/publish-ids.ts) records the built site's ids in the ledger, and
// `npm run publish-ids -- --check` (the deploy) refuses a site showing an id not recorded.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { LEDGER_FILE, MOVED_FILE } from '../paths.ts';
import { loadMovedIds } from './moved-ids.ts';
import { publishedIds } from './published-ids.ts';
import { BIBLIOGRAPHY_URL } from '../routes.ts';
import { PAGE_SEGMENT, entryPageUrl } from '../scale/paging.ts';

export type Ledger = Record<string, string[]>;

export interface LedgerCheck {
  /** Ids the ledger holds that the site lost without a successor, by page. */
  lost: { page: string; id: string; candidates: string[] }[];
  /** The ledger with the site's new ids added. */
  next: Ledger;
  added: number;
}

/**
 * Successors the site gives by rule: an entry of the paged site-wide bibliography may move to a
 * later page whenever entries are added, and its first page sends an old /daftar-pustaka/#key link
 * to the entry's own page (src/scale/browser/entry-anchor.ts).
 */
function implied(page: string, id: string): string | undefined {
  const listPage = page === BIBLIOGRAPHY_URL || new RegExp(`^${BIBLIOGRAPHY_URL}${PAGE_SEGMENT}/\\d+/$`).test(page);
  return listPage ? `${entryPageUrl(id)}#${id}` : undefined;
}

/** Compares the ledger with the built site's ids (`now`), following the moved ids. */
export function checkLedger(ledger: Ledger, now: Ledger, moved: Record<string, Record<string, string>>): LedgerCheck {
  const lost: LedgerCheck['lost'] = [];
  const next: Ledger = {};
  let added = 0;
  const has = (page: string, id: string) => (now[page] ?? []).includes(id);
  const known = new Set(Object.values(ledger).flat());
  for (const [page, ids] of Object.entries(ledger)) {
    for (const id of ids) {
      if (has(page, id)) continue;
      const to = moved[page]?.[id] ?? implied(page, id);
      const [toPage, toId] = to?.includes('#') ? to.split('#') : [page, to];
      if (to && toId && has(toPage, toId)) continue;
      lost.push({ page, id, candidates: (now[page] ?? []).filter((x) => !known.has(x) && x.slice(0, 2) === id.slice(0, 2)) });
    }
  }
  for (const page of new Set([...Object.keys(ledger), ...Object.keys(now)])) {
    const ids = [...(ledger[page] ?? [])];
    for (const id of now[page] ?? []) {
      if (!ids.includes(id)) {
        ids.push(id);
        added++;
      }
    }
    next[page] = ids;
  }
  return { lost, next, added };
}

/** The ledger of a project root ({} before anything is published). */
export function readLedger(root: string): Ledger {
  const path = join(root, LEDGER_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Ledger) : {};
}

/** The message for ids that would be lost, with the fix. */
export function lostMessage(lost: LedgerCheck['lost']): string {
  const lines = lost.map((l) => `  ${l.page}#${l.id}${l.candidates.length ? ` (new ids on that page: ${l.candidates.slice(0, 6).join(', ')})` : ''}`);
  return (
    `${lost.length} published link${lost.length > 1 ? 's' : ''} would break: these ids are in ${LEDGER_FILE} but no longer on the site.\n${lines.join('\n')}\n` +
    `Give each its successor in ${MOVED_FILE} ("/page/:" then "  p-old: p-new"), or put back the text it was made of.`
  );
}

export function publishedLinks(): AstroIntegration {
  let root = '';
  return {
    name: 'ruang-baca:published-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const { lost, added } = checkLedger(readLedger(root), publishedIds(fileURLToPath(dir)), loadMovedIds(root));
        if (lost.length) throw new Error(lostMessage(lost));
        if (added) {
          logger.info(
            `${added} id${added > 1 ? 's' : ''} not published yet (a draft's: free to change). \`npm run publish-ids\` records them in ${LEDGER_FILE} when the site is published`,
          );
        }
      },
    },
  };
}
