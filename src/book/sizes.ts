// The size of a download is known only once it is made from the built pages, after the pages are
// written: the pages carry a placeholder (<span data-epub-size="/w/w.epub" data-epub-locale="id">,
// data-pdf-size for the PDF) that the download's build step fills in here.
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { id } from '../i18n/id.ts';
import { en } from '../i18n/en.ts';
import { EpubError } from '../epub/xhtml.ts';

const dictionaries = { id, en } as const;

export type DownloadKind = 'epub' | 'pdf';

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) htmlFiles(path, out);
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

export const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** Writes each file's size into the pages that link to it; returns how many placeholders were filled. */
export function fillSizes(dist: string, kind: DownloadKind, sizes: Map<string, number>): number {
  const placeholder = new RegExp(`<span data-${kind}-size="([^"]+)" data-${kind}-locale="(id|en)">[^<]*</span>`, 'g');
  let filled = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes(`data-${kind}-size=`)) continue;
    const out = html.replace(placeholder, (_, url: string, locale: 'id' | 'en') => {
      const bytes = sizes.get(url);
      if (bytes === undefined) throw new EpubError(file, `links to ${url}, a file the build did not make`);
      filled++;
      return `<span class="file-size">${dictionaries[locale][kind].size(kilobytes(bytes))}</span>`;
    });
    // Written beside it and renamed over it: the PDFs' threads may be reading the same page meanwhile
    // (src/pdf/pool.ts), and a rename gives them the page before or after, never half of it.
    writeFileSync(`${file}.sizes`, out);
    renameSync(`${file}.sizes`, file);
  }
  return filled;
}
