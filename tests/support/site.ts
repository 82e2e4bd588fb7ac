// What the tests know about the content and the built site, read from the files themselves so a
// new work or chapter is covered without editing a test.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../src/paths.ts';

export { ROOT };
export const DIST = join(ROOT, 'dist');
export const CONTENT = join(ROOT, 'content');

export interface WorkInfo {
  slug: string;
  title: string;
  order: number;
  sourceFile: string;
  chapters: { slug: string; order: number; title: string; number?: string }[];
}

function frontMatter(file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
  if (!m?.[1]) throw new Error(`${file}: no front matter`);
  return parse(m[1]) as Record<string, unknown>;
}

export function works(): WorkInfo[] {
  return readdirSync(join(CONTENT, 'works'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const slug = f.replace(/\.yaml$/, '');
      const data = parse(readFileSync(join(CONTENT, 'works', f), 'utf8'));
      const dir = join(CONTENT, 'chapters', slug);
      const chapters = readdirSync(dir)
        .filter((c) => c.endsWith('.mdx'))
        .map((c) => {
          const fm = frontMatter(join(dir, c));
          return {
            slug: c.replace(/\.mdx$/, ''),
            order: fm.order as number,
            title: fm.title as string,
            ...(typeof fm.number === 'string' || typeof fm.number === 'number' ? { number: String(fm.number) } : {}),
          };
        })
        .sort((a, b) => a.order - b.order);
      return { slug, title: data.title[data.language], order: data.order, sourceFile: data.sourceFile, chapters };
    })
    .sort((a, b) => a.order - b.order);
}

/**
 * Every built HTML page as a URL path ("/", "/work/chapter/", "/404.html"). A page that only leads to
 * another (an entry page's old English address: refreshTarget) is no page a reader reads, and comes
 * only with `leading` (for the checks every file of the site must pass: validity, CSP).
 */
export function builtPages({ leading = false } = {}): string[] {
  const all = builtFiles();
  return leading ? all : all.filter((p) => !refreshTarget(readBuilt(p)));
}

function builtFiles(): string[] {
  const out: string[] = [];
  (function walk(dir: string) {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.html')) {
        const rel = '/' + relative(DIST, p);
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  })(DIST);
  return out.sort();
}

/** Where a page that only leads elsewhere (`<meta http-equiv="refresh">`, an entry page's old English address) leads, or undefined. */
export const refreshTarget = (html: string) => /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];

/** The site's address the build writes into canonical and scholarly URLs (astro.config.mjs's `site`). */
export const SITE = process.env.SITE_URL ?? 'https://ruangbaca-ntt.example.org';

/** A page that asks not to be indexed (`<meta name="robots" content="noindex">`), e.g. the offline stand-in /luring/. */
export const NOINDEX = /<meta name="robots" content="noindex"/;

export function readBuilt(path: string): string {
  const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
  return readFileSync(file, 'utf8');
}

/** A chart figure in a built page's HTML (src/charts/ChartFigure.astro: figure[data-chart]). */
export const CHART_FIGURE = /<figure [^>]*\bdata-chart\b/;
/** Whether a built page has a chart figure. */
export const hasCharts = (path: string): boolean => CHART_FIGURE.test(readBuilt(path));

/** A chapter's label as the site shows it: its printed number and title ("BAB I PENDAHULUAN"). */
export function chapterLabel(path: string): string {
  const [, work, chapter] = path.split('/');
  const c = works()
    .find((w) => w.slug === work)
    ?.chapters.find((x) => x.slug === chapter);
  if (!c) throw new Error(`no chapter at ${path}`);
  return c.number ? `${c.number} ${c.title}` : c.title;
}
