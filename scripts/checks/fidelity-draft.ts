// The fidelity draft: how much of a work's source its content files carry, without a build. It
// measures with the real test's code (measure/fidelity.ts: the same exclusions, passages and
// word comparison); only the site's text is read from the files instead of the built pages: the
// work page's text from the work file (the abstract under its printed heading), each chapter's
// heading (number and title) running into its body from its MDX (markup, imports and citation keys
// left out), and the reference-list chapter's printed entries from content/bibliography.json, as
// the built pages show them and the fidelity test reads them: headings included.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FRONT_MATTER } from '../../src/markdown/front-matter.ts';
import { coverage, loadExclusions, sourcePassages, type Coverage } from '../../measure/fidelity.ts';

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** The visible text of an MDX chapter body, roughly as the built page shows it. */
export function mdxText(body: string, cite: (key: string, locator?: string) => string = () => ' '): string {
  return (
    body
      .replace(/^(import|export)\s.*$/gm, '')
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
      .replace(/\[([^\]]*@[^\]]*)\]/g, (_m, inner: string) =>
        inner
          .split(';')
          .map((c) => {
            const m = /-?@([\w:.-]+)\s*(?:,\s*(.*))?$/.exec(c.trim());
            return m ? cite(m[1]!, m[2]?.trim()) : c;
          })
          .join('; '),
      )
      // A note's number stands against the word it follows, as on the page ("saja1"); a definition
      // is a numbered item of the notes list ("1. The note").
      .replace(/^\[\^([^\]]+)\]:/gm, '$1. ')
      .replace(/\[\^([^\]]+)\]/g, '$1')
  );
}

/**
 * On the built pages the interface stands between the parts (labels on the work page, the cite
 * panel between a chapter's heading and its text), so no run of the source's words crosses from one
 * part into the next; a word no source has keeps the parts apart here as well.
 */
const SEAM = '\nzzbatasbagianzz\n';

export function draftSiteText(root: string, slug: string): string {
  const content = join(root, 'content');
  const work = parse(readFileSync(join(content, 'works', `${slug}.yaml`), 'utf8')) as Record<string, unknown>;
  const dir = join(content, 'chapters', slug);
  const parts = [strings(work).join(SEAM)];
  // The abstract under its printed heading ("ABSTRAK"), as the work page shows it.
  const printed = (work.printed ?? {}) as { abstractHeading?: Record<string, string> };
  for (const [lang, heading] of Object.entries(printed.abstractHeading ?? {})) {
    const abstract = (work.abstracts as Record<string, string[]> | undefined)?.[lang];
    if (abstract) parts.push([heading, ...abstract].join('\n'));
  }
  const bibFile = join(content, 'bibliography.json');
  type Entry = {
    id: string;
    author?: { family?: string; literal?: string }[];
    issued?: { 'date-parts'?: (string | number)[][] };
    custom?: { listedIn?: string[]; printed?: Record<string, string>; citedAs?: Record<string, string>; number?: Record<string, number> };
  };
  const bib = existsSync(bibFile) ? (JSON.parse(readFileSync(bibFile, 'utf8')) as Entry[]) : [];
  const byId = new Map(bib.map((e) => [e.id, e]));
  // A citation as its rendering reads, near enough: the printed form, else as the work's style
  // renders it (APA "Author, 2020, hlm. 12"; Chicago author-date "Author 2020, 12"; Vancouver "(6)").
  const style = work.citationStyle;
  const cite = (key: string, locator?: string) => {
    const e = byId.get(key);
    if (!e) return ' ';
    if (e.custom?.citedAs?.[slug]) return e.custom.citedAs[slug];
    if (style === 'vancouver') return `(${e.custom?.number?.[slug] ?? ''})`;
    const names = (e.author ?? []).map((a) => a.family ?? a.literal ?? '');
    const who = names.length > 2 ? `${names[0]} dkk.` : names.join(style === 'apa' ? ' & ' : ' dan ');
    const year = e.issued?.['date-parts']?.[0]?.[0] ?? 't.t.';
    if (style === 'apa') return `${who}, ${year}${locator ? `, hlm. ${locator}` : ''}`;
    return `${who} ${year}${locator ? `, ${locator}` : ''}`;
  };
  for (const f of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')) : []) {
    const text = readFileSync(join(dir, f), 'utf8');
    const fm = FRONT_MATTER.exec(text);
    const meta = (fm ? parse(fm[1]!) : {}) as { number?: string; title?: string; references?: boolean };
    // The heading runs into the text below it, as the fidelity test reads them (headings and labels
    // compared as the words they are, in order): a heading is not a seam, or its few words would
    // count as missing in every chapter ("BAB I PENDAHULUAN").
    const entries = meta.references ? bib.filter((e) => e.custom?.listedIn?.includes(slug)).map((e) => e.custom?.printed?.[slug] ?? '') : [];
    parts.push([[meta.number, meta.title].filter(Boolean).join('\n'), mdxText(text.slice(fm?.[0].length ?? 0), cite), ...entries].join('\n'));
  }
  return parts.join(SEAM);
}

export interface Draft {
  slug: string;
  sourceFile: string;
  coverage: Coverage;
  /** Set when content/sources/exclusions.yaml has no entry for the source. */
  note?: string;
}

export function draftCoverage(root: string, slug: string): Draft {
  const content = join(root, 'content');
  const workFile = join(content, 'works', `${slug}.yaml`);
  if (!existsSync(workFile)) {
    const known = readdirSync(join(content, 'works'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .join(', ');
    throw new Error(`content/works/${slug}.yaml does not exist (known works: ${known})`);
  }
  const { sourceFile } = parse(readFileSync(workFile, 'utf8')) as { sourceFile: string };
  const sources = join(content, 'sources');
  const sourcePath = join(sources, sourceFile);
  if (!existsSync(sourcePath)) throw new Error(`content/works/${slug}.yaml: sourceFile "${sourceFile}" is not in content/sources/`);
  const entry = existsSync(join(sources, 'exclusions.yaml')) ? loadExclusions(sources).find((e) => e.source === sourceFile) : undefined;
  const passages = sourcePassages(readFileSync(sourcePath, 'utf8'), entry?.exclude ?? []);
  return {
    slug,
    sourceFile,
    coverage: coverage(passages, draftSiteText(root, slug)),
    note: entry
      ? undefined
      : `content/sources/exclusions.yaml has no entry for ${sourceFile}: measured against the whole source; add "- source: ${sourceFile}" with "exclude: []" (npm test needs it)`,
  };
}
