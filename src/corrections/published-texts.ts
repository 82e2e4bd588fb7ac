// content/links/published-texts.json: the words of every published paragraph, by page and id,
// written by `npm run publish-ids` beside the ledger. When a librarian corrects a word, the
// paragraph's id changes and the build stops (src/links/integration.ts); the old words are then no
// longer in any file of the working tree, so `npm run correction-draft` takes them from here (or,
// for a paragraph published before this file existed, from the last good build in dist/). Paragraph
// ids only: headings, citations and the rest keep their ids through a correction of words.
import { readFileSync } from 'node:fs';
import { addressOf, pagesOf } from '../links/published-ids.ts';
import { paragraphTexts } from './texts.ts';

export type PublishedTexts = Record<string, Record<string, string>>;

/** Reads the file's text ({} when there is none or it is not the expected shape). */
export function parseTexts(text: string): PublishedTexts {
  try {
    const data = JSON.parse(text) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as PublishedTexts) : {};
  } catch {
    return {};
  }
}

/**
 * The file's new text: what it held, with the words of each paragraph of the built site (`dist`)
 * whose id the ledger holds. A text once kept stays (its paragraph may since have been corrected).
 */
export function publishedTexts(dist: string, ledger: Record<string, string[]>, previous: string): string {
  const kept = parseTexts(previous);
  for (const file of pagesOf(dist)) {
    const page = addressOf(dist, file);
    const published = new Set(ledger[page] ?? []);
    const texts = Object.entries(paragraphTexts(readFileSync(file, 'utf8'))).filter(([id]) => published.has(id));
    if (!texts.length) continue;
    const onPage = (kept[page] ??= {});
    for (const [id, text] of texts) onPage[id] ??= text;
  }
  const sorted = Object.fromEntries(
    Object.keys(kept)
      .sort()
      .map((page) => [page, kept[page]!]),
  );
  return `${JSON.stringify(sorted, null, 1)}\n`;
}
