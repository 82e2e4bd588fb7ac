// Published links last: every id the site has ever published (content/links/published-ids.json)
// still resolves on the built site, directly or through its successor (content/links/moved-ids.yaml),
// and an old link lands on the right paragraph in Chromium, says that it is old, and shows the
// current address. Ids the ledger does not hold yet are drafts' (a new work, an edited paragraph):
// `npm run publish-ids` records them at publishing, and its `--check` (the deploy) names them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMovedIds } from '../../src/links/moved-ids.ts';
import { BIBLIOGRAPHY_FILE, LEDGER_FILE, MOVED_FILE } from '../../src/paths.ts';
import { publishedIds } from '../../src/links/published-ids.ts';
import { openContext, useBrowser, visit } from '../support/browser.ts';
import { DIST, ROOT } from '../support/site.ts';

const ledger = JSON.parse(readFileSync(join(ROOT, LEDGER_FILE), 'utf8')) as Record<string, string[]>;
const moved = parseMovedIds(readFileSync(join(ROOT, MOVED_FILE), 'utf8'));
const now = publishedIds(DIST);
const browser = useBrowser();

describe('the id ledger', () => {
  it('ids it does not hold are drafts, which the deploy’s check (npm run publish-ids -- --check) names', () => {
    const missing = Object.entries(now)
      .filter(([page, ids]) => ids.some((id) => !(ledger[page] ?? []).includes(id)))
      .map(([page]) => page);
    const run = spawnSync(join(ROOT, 'node_modules/node/bin/node'), [join(ROOT, 'scripts/publish-ids.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(missing.length ? 1 : 0);
    for (const page of missing.slice(0, 8)) expect(run.stderr).toContain(page);
  });

  it('every recorded id resolves on the built site, or its successor does', () => {
    const lost: string[] = [];
    for (const [page, ids] of Object.entries(ledger)) {
      for (const id of ids) {
        if ((now[page] ?? []).includes(id)) continue;
        const to = moved[page]?.[id] ?? (/^\/daftar-pustaka\/(halaman\/\d+\/)?$/.test(page) ? `/daftar-pustaka/${id}/#${id}` : undefined);
        const [toPage, toId] = to?.includes('#') ? to.split('#') : [page, to];
        if (!to || !(now[toPage] ?? []).includes(toId!)) lost.push(`${page}#${id}`);
      }
    }
    expect(lost).toEqual([]);
  });
});

describe('an old link', () => {
  const cases = Object.entries(moved).flatMap(([page, ids]) => Object.entries(ids).map(([from, to]) => ({ page, from, to })));

  it('has cases to try (the moved ids of content/links/moved-ids.yaml)', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.filter((c, i, all) => all.findIndex((d) => d.page === c.page) === i).map((c) => [`${c.page}#${c.from}`, c] as const))(
    '%s lands on its successor, says the link is old, and shows the current address',
    async (_name, { page, from, to }) => {
      const { context, errors } = await openContext(browser());
      const tab = await context.newPage();
      await visit(tab, `${page}#${from}`);
      const [toPage, toId] = to.includes('#') ? to.split('#') : [page, to];
      await expect.poll(() => new URL(tab.url()).pathname).toBe(toPage);
      await expect.poll(() => tab.locator(`[id="${toId}"]`).count()).toBe(1);
      if (toPage === page) await expect.poll(() => tab.locator(`[id="${toId}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
      if (toPage === page) await expect.poll(() => tab.locator('.link-moved').isVisible()).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('every moved id is an anchor inside its successor on the built page', () => {
    const bad = cases.flatMap(({ page, from, to }) => {
      if (to.includes('#')) return [];
      const html = readFileSync(join(DIST, page, 'index.html'), 'utf8');
      const re = new RegExp(`id="${to}"[^>]*>\\s*<span id="${from}" class="moved-anchor" data-moved-to="${to}">`);
      return re.test(html) ? [] : [`${page}#${from} → ${to}`];
    });
    expect(bad).toEqual([]);
  });
});

describe("an entry page's old English address", () => {
  // The first entry of the library's bibliography (content/), whichever it is.
  const key = (JSON.parse(readFileSync(join(ROOT, BIBLIOGRAPHY_FILE), 'utf8')) as { id: string }[])[0]?.id;

  it.skipIf(!key)('opens the entry’s page, whose language switch leads to the entry in the English list', async () => {
    const { context, errors } = await openContext(browser(), { serviceWorkers: 'block' });
    const tab = await context.newPage();
    await visit(tab, `/en/daftar-pustaka/${key}/`);
    await expect.poll(() => new URL(tab.url()).pathname).toBe(`/daftar-pustaka/${key}/`);
    await expect.poll(() => tab.locator('html').getAttribute('lang')).toBe('id');
    await tab.locator('.language-switch').evaluate((a: HTMLAnchorElement) => a.click());
    await expect.poll(() => new URL(tab.url()).pathname.startsWith('/en/daftar-pustaka/')).toBe(true);
    expect(new URL(tab.url()).hash).toBe(`#${key}`);
    await expect.poll(() => tab.locator(`[id="${key}"]`).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
