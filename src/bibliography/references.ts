// The works a work cites (its printed list and whatever it cites: content/bibliography.json), as the
// strings Google Scholar reads in `citation_reference` tags ("citation_author=…; citation_title=…;
// citation_publication_date=…"). Only what an entry gives; the Highwire tags print these.
import { workReferences } from './engine.ts';
import type { CslItem } from './library.ts';
import { ROOT } from '../paths.ts';
import type { Work } from '../works/works.ts';

type Name = { family?: string; given?: string; literal?: string };
const clean = (s: unknown) => String(s).replace(/;/g, ',').replace(/\s+/g, ' ').trim();

function reference(item: CslItem): string {
  const parts: string[] = [];
  for (const n of (item.author as Name[] | undefined) ?? []) {
    parts.push(`citation_author=${clean(n.literal ?? [n.family, n.given].filter(Boolean).join(', '))}`);
  }
  if (item.title) parts.push(`citation_title=${clean(item.title)}`);
  const year = (item.issued as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0]?.[0];
  if (year) parts.push(`citation_publication_date=${clean(year)}`);
  const fields: [string, unknown][] = [
    ['citation_journal_title', item.type === 'article-journal' ? item['container-title'] : undefined],
    ['citation_volume', item.volume],
    ['citation_issue', item.issue],
    ['citation_firstpage', typeof item.page === 'string' ? item.page.split(/[-–]/)[0] : undefined],
    ['citation_doi', item.DOI],
  ];
  for (const [name, value] of fields) if (value) parts.push(`${name}=${clean(value)}`);
  return parts.join('; ');
}

export function citationReferences(work: Work): string[] {
  return workReferences(ROOT, work.id).map((r) => reference(r.csl));
}
