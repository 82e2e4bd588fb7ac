// HOOK for the bibliography (content/bibliography.json, another branch): the works a work cites,
// as the strings Google Scholar reads in `citation_reference` tags ("citation_author=…;
// citation_title=…; citation_publication_date=…"). Returns nothing until the bibliography lands;
// the Highwire tags already print whatever this returns.
import type { Work } from '../lib/works';

export function citationReferences(_work: Work): string[] {
  return [];
}
