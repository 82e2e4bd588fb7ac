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
import { CORRECTIONS_DIR, LEDGER_FILE, MOVED_FILE, PUBLISHED_TEXTS_FILE } from '../paths.ts';
import { matchLost, whereIs } from '../corrections/draft.ts';
import { parseTexts } from '../corrections/published-texts.ts';
import { paragraphTexts } from '../corrections/texts.ts';
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

/**
 * The message for ids that would be lost, with the fix. `where` names the chapter file and line of
 * the paragraph that replaced a lost one (src/corrections/draft.ts), when it is known.
 */
export function lostMessage(lost: LedgerCheck['lost'], where: (l: LedgerCheck['lost'][number]) => string | undefined = () => undefined): string {
  const lines = lost.map((l) => {
    const at = where(l);
    return `  ${l.page}#${l.id}${l.candidates.length ? ` (new ids on that page: ${l.candidates.slice(0, 6).join(', ')})` : ''}${at ? ` (changed: ${at})` : ''}`;
  });
  const paragraphs = lost.some((l) => l.id.startsWith('p-'));
  return (
    `${lost.length} published link${lost.length > 1 ? 's' : ''} would break: these ids are in ${LEDGER_FILE} but no longer on the site.\n${lines.join('\n')}\n` +
    (paragraphs
      ? `A corrected paragraph: run \`npm run correction-draft\`; it drafts the entry in ${CORRECTIONS_DIR}/<work>.yaml (the words before and after), you write its date and reason, and build again.\n` +
        `Otherwise give each id its successor in ${MOVED_FILE} ("/page/:" then "  p-old: p-new"), or put back the text it was made of.`
      : `Give each its successor in ${MOVED_FILE} ("/page/:" then "  p-old: p-new"), or put back the text it was made of.`)
  );
}

/** Where the paragraphs that replaced lost ones are: the chapter file and line, from the built pages and the published words. */
function whereChanged(root: string, dir: string, lost: LedgerCheck['lost']): (l: LedgerCheck['lost'][number]) => string | undefined {
  const file = join(root, PUBLISHED_TEXTS_FILE);
  const published = existsSync(file) ? parseTexts(readFileSync(file, 'utf8')) : {};
  const pages = new Map<string, Record<string, string>>();
  const texts = (page: string) => {
    if (!pages.has(page)) {
      const html = join(dir, page, 'index.html');
      pages.set(page, existsSync(html) ? paragraphTexts(readFileSync(html, 'utf8')) : {});
    }
    return pages.get(page)!;
  };
  const matches = matchLost(lost, (page, id) => published[page]?.[id], texts);
  return (l) => {
    const m = matches.find((x) => x.page === l.page && x.from === l.id);
    if (m) return whereIs(root, l.page, m.after);
    // Its published words unknown: the chapter's file, and the line of its only new paragraph if it has one.
    const only = l.candidates.filter((c) => c.startsWith('p-'));
    return l.id.startsWith('p-') ? whereIs(root, l.page, only.length === 1 ? texts(l.page)[only[0]!] : undefined) : undefined;
  };
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
        if (lost.length) throw new Error(lostMessage(lost, whereChanged(root, fileURLToPath(dir), lost)));
        if (added) {
          logger.info(
            `${added} id${added > 1 ? 's' : ''} not published yet (a draft's: free to change). \`npm run publish-ids\` records them in ${LEDGER_FILE} when the site is published`,
          );
        }
      },
    },
  };
}
