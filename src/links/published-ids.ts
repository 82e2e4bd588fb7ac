// The ids a built page publishes: the places inside <main> a link can point at (headings,
// paragraphs, citations, footnotes, figures, reference entries). A lecturer's link is a page and one
// of these ids; content/links/published-ids.json keeps every one the site has ever published, and
// the build stops when one disappears without a successor in content/links/moved-ids.yaml.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Ids that are interface, not places in a work: the cite panel's, the hidden previews', form
 * controls', the study tools' notes panel, editor and previous-studies table, an entry's downloads (ENTRY_DOWNLOADS_ANCHOR
 * of src/routes.ts, the same on every entry's page).
 */
const INTERFACE_ID = /^(kutip-|rujukan-|saring-|citation-popover|status$|isi$|cari|my-notes-|note-editor-|impor-catatan$|unduh-entri$|penelitian-)/;

/** The ids inside the page's <main>, in document order, interface ids left out. */
export function idsOfPage(html: string): string[] {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < 0) return [];
  const main = html.slice(start, end);
  const ids: string[] = [];
  for (const m of main.matchAll(/<[a-zA-Z][\w-]*\s[^>]*?\bid="([^"]+)"/g)) {
    const id = m[1]!;
    if (!INTERFACE_ID.test(id)) ids.push(id);
  }
  return ids;
}

/** Pages whose ids are recorded: every HTML page but the /en/ twins (the same rendered text). */
export function pagesOf(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (dir === dist && ['en', 'pagefind', '_astro'].includes(name)) continue;
        walk(path);
      } else if (name === 'index.html') out.push(path);
    }
  };
  walk(dist);
  return out.sort();
}

/** The page's public address from its file in dist/ (dist/a/b/index.html → /a/b/). */
export function addressOf(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).slice(0, -1).join('/');
  return rel ? `/${rel}/` : '/';
}

/** Every recorded page's ids, by address. */
export function publishedIds(dist: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of pagesOf(dist)) {
    const ids = idsOfPage(readFileSync(file, 'utf8'));
    if (ids.length) out[addressOf(dist, file)] = ids;
  }
  return out;
}
