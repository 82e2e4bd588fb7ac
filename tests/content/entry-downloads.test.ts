// An entry's BibTeX and RIS are downloads on its own page, not files of their own (a static host
// counts files: docs/publishing.md). Every entry of content/bibliography.json has them, in both
// interfaces, as the library's export writes them, named by its key; a work's reference list leads
// each of its entries there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referencesBibtex, referencesRis } from '../../src/bibliography/export.ts';
import { loadLibrary } from '../../src/bibliography/library.ts';
import { ENTRY_DOWNLOADS_ANCHOR } from '../../src/routes.ts';
import { idsOfPage } from '../../src/links/published-ids.ts';
import { entryPage } from '../support/bibliography-pages.ts';
import { DIST, ROOT, readBuilt, works } from '../support/site.ts';

const references = loadLibrary(ROOT).references;

/** The downloads a page offers at the anchor: file name → the text its data: address gives (read as a browser reads it, by fetch). */
async function downloads(html: string): Promise<Map<string, string>> {
  const at = html.indexOf(`id="${ENTRY_DOWNLOADS_ANCHOR}"`);
  const block = at < 0 ? '' : html.slice(at, html.indexOf('</p>', at));
  const links = [...block.matchAll(/<a href="(data:[^"]*)" download="([^"]+)"/g)];
  return new Map(await Promise.all(links.map(async (m) => [m[2]!, await (await fetch(m[1]!.replace(/&amp;/g, '&'))).text()] as const)));
}

describe("an entry's BibTeX and RIS", () => {
  it('are on its page, as the export writes them', async () => {
    expect(references.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const ref of references) {
      const offered = await downloads(readBuilt(entryPage(encodeURIComponent(ref.id))));
      if (offered.get(`${ref.id}.bib`) !== referencesBibtex([ref])) wrong.push(`${ref.id}.bib`);
      if (offered.get(`${ref.id}.ris`) !== referencesRis([ref])) wrong.push(`${ref.id}.ris`);
      if (offered.size !== 2) wrong.push(`${ref.id}: ${offered.size} downloads`);
    }
    expect(wrong).toEqual([]);
  });

  it("are interface, not a place the id ledger keeps (the same anchor on every entry's page)", () => {
    const html = readBuilt(entryPage(encodeURIComponent(references[0]!.id)));
    expect(html).toContain(`id="${ENTRY_DOWNLOADS_ANCHOR}"`);
    expect(idsOfPage(html)).not.toContain(ENTRY_DOWNLOADS_ANCHOR);
  });

  it('are no files of their own', () => {
    expect(existsSync(join(DIST, 'daftar-pustaka', 'entri'))).toBe(false);
  });

  // An entry has one page, in the Indonesian interface (entry-pages.test.ts): both interfaces' lists lead there.
  it.each(['', '/en'])("are where each entry of a work's reference list leads (%s)", (prefix) => {
    let links = 0;
    for (const work of works()) {
      const list = `${prefix}/${work.slug}/daftar-pustaka/`;
      if (!existsSync(join(DIST, list, 'index.html'))) continue;
      const html = readBuilt(list);
      const keys = [...html.matchAll(/<li id="([^"]+)" class="reference/g)].map((m) => m[1]!);
      for (const key of keys) {
        expect(html, `${list} ${key}`).toContain(`href="${entryPage(encodeURIComponent(key))}"`);
        links++;
      }
    }
    expect(links).toBeGreaterThan(0);
  });
});
