// What a work's downloads (the EPUB, src/epub/, and the PDF, src/pdf/) read of the pages Astro has
// just written: the works of content/works/ in library order, the work page (its title page and the
// order of its chapters) and each chapter's rendered text. Both are made from these same built
// pages, so a download and the web page cannot disagree.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parse } from 'yaml';
import { hasClass, textOf } from '../markdown/hast.ts';
import { EpubError, find, remove } from '../epub/xhtml.ts';
import { WORKS_DIR } from '../paths.ts';
import { withoutBase } from '../base-path.ts';

/** What the downloads need of content/works/<work>.yaml (validated by the content schema already). */
export interface WorkMeta {
  title: Record<string, string | undefined>;
  authors: { name: string }[];
  year?: number;
  language: string;
  keywords: Record<string, string[] | undefined>;
  abstracts: Record<string, string[] | undefined>;
  institution?: string;
  order: number;
}

export interface WorkFile {
  slug: string;
  meta: WorkMeta;
}

/** The works of content/works/, in library order. */
export function readWorks(root: string): WorkFile[] {
  const dir = join(root, WORKS_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ slug: f.slice(0, -'.yaml'.length), meta: parse(readFileSync(join(dir, f), 'utf8')) as WorkMeta }))
    .sort((a, b) => a.meta.order - b.meta.order);
}

/** A built page's file by its published path (`/work/chapter/`, under the base): dist/work/chapter/index.html. */
export function readPageFile(dist: string, path: string, base = '/'): Buffer {
  const file = join(dist, withoutBase(path, base), 'index.html');
  if (!existsSync(file)) throw new EpubError(join(path, 'index.html'), 'the page is missing from the build');
  return readFileSync(file);
}

/** A built page by its published path, as a tree. */
export const readPage = (dist: string, path: string, base = '/'): Root => fromHtml(readPageFile(dist, path, base).toString('utf8'));

export const chapterSlugOf = (href: string) => href.replace(/\/$/, '').split('/').pop()!;

/** The chapters in the order the work page lists them (its table of contents). */
export function chapterPaths(workPage: Root, slug: string): string[] {
  const toc = find(workPage, (e) => e.tagName === 'ol' && hasClass(e, 'work-toc'));
  if (!toc) throw new EpubError(`/${slug}/index.html`, 'no table of contents (ol.work-toc) on the work page');
  const paths: string[] = [];
  for (const li of toc.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    const a = find(li, (e) => e.tagName === 'a');
    if (typeof a?.properties.href === 'string') paths.push(a.properties.href);
  }
  return paths;
}

/**
 * The work page's <main> as a download's title page: its header, source note, abstracts and
 * metadata, without the site's navigation and table of contents, the cite panel's buttons and
 * downloads or the reading buttons ("Kutip sebagai", how to cite, stays).
 */
export function titleMain(workPage: Root, slug: string): Element {
  const main = find(workPage, (e) => e.tagName === 'main');
  if (!main) throw new EpubError(`/${slug}/index.html`, 'no <main> on the work page');
  remove(
    main,
    (e) =>
      e.tagName === 'nav' || (e.tagName === 'section' && e.properties.ariaLabelledBy !== undefined && String(e.properties.ariaLabelledBy) === 'daftar-isi'),
  );
  remove(main, (e) => hasClass(e, 'cite-panel') || (e.tagName === 'p' && e.children.some((c) => c.type === 'element' && hasClass(c, 'button'))));
  return main;
}

/** A chapter page's rendered parts: its heading, its text, and its language. */
export interface ChapterParts {
  /** `/work/chapter/index.html`, for errors. */
  at: string;
  article: Element;
  h1: Element;
  prose: Element;
  lang: string;
  /** The heading's text, spaces collapsed. */
  title: string;
}

export function readChapter(dist: string, path: string, workLang: string, base = '/'): ChapterParts {
  const page = readPage(dist, path, base);
  const at = `${path}index.html`;
  const article = find(page, (e) => e.tagName === 'article' && hasClass(e, 'chapter'));
  const prose = article && find(article, (e) => hasClass(e, 'prose'));
  const h1 = article && find(article, (e) => e.tagName === 'h1');
  if (!article || !prose || !h1) throw new EpubError(at, 'no article.chapter with an h1 and a .prose text');
  const lang = typeof article.properties.lang === 'string' ? article.properties.lang : workLang;
  return { at, article, h1, prose, lang, title: textOf(h1).replace(/\s+/g, ' ').trim() };
}

/** When the downloads say they were made: SOURCE_DATE_EPOCH (seconds) makes a build reproducible, otherwise now. */
export function madeAt(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return new Date(epoch ? Number(epoch) * 1000 : Math.floor(Date.now() / 1000) * 1000);
}
