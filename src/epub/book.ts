// One EPUB 3 per work, from the pages Astro has just written (dist/ or the build's staging folder):
// the work page gives the title page and the order of the chapters, each chapter page its rendered
// text. The package document (OPF) and the navigation document are written here; JSZip writes the
// container (mimetype first and stored, as EPUB requires).
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import JSZip from 'jszip';
import { id as t } from '../i18n/id.ts';
import { hasClass } from '../markdown/hast.ts';
import { chapterPaths, chapterSlugOf, readChapter, readPage, titleMain, type WorkFile } from '../book/pages.ts';
import { EpubError, escapeXml, find, headings, toBookContent, xhtml, type Heading } from './xhtml.ts';

import { epubUrl } from './urls.ts';
import { withBase } from '../base-path.ts';

export { epubUrl };
export { readWorks, type WorkFile } from '../book/pages.ts';

interface Document {
  file: string;
  title: string;
  lang: string;
  body: string;
  headings: Heading[];
  /** epub:type of the body's section. */
  type: string;
}

function contentDocument(doc: Document, stylesheet = true): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${doc.lang}" xml:lang="${doc.lang}">
<head>
<meta charset="UTF-8" />
<title>${escapeXml(doc.title)}</title>
${stylesheet ? '<link rel="stylesheet" type="text/css" href="style.css" />\n' : ''}</head>
<body>
${doc.body}
</body>
</html>
`;
}

/** The title page: the work page's header, source note, abstracts and metadata, without what only the web does. */
function titlePage(workPage: Root, slug: string, links: Parameters<typeof toBookContent>[1]): Element {
  const main = titleMain(workPage, slug);
  toBookContent(main, links);
  return { type: 'element', tagName: 'section', properties: { 'epub:type': 'titlepage', className: ['titlepage'] }, children: main.children };
}

function navDocument(title: string, docs: Document[], lang: string): string {
  const item = (d: Document) => {
    const sub = (list: Heading[], depth: number): string => {
      const items: string[] = [];
      for (let i = 0; i < list.length; i++) {
        const h = list[i]!;
        if (h.depth !== depth) continue;
        const children: Heading[] = [];
        for (let j = i + 1; j < list.length && list[j]!.depth > depth; j++) children.push(list[j]!);
        const inner = children.length ? sub(children, depth + 1) : '';
        items.push(`<li><a href="${d.file}#${escapeXml(h.id)}">${escapeXml(h.text)}</a>${inner}</li>`);
      }
      return items.length ? `<ol>${items.join('')}</ol>` : '';
    };
    return `<li lang="${d.lang}"><a href="${d.file}">${escapeXml(d.title)}</a>${sub(d.headings, 2)}</li>`;
  };
  const body = `<nav epub:type="toc" id="toc" role="doc-toc">
<h1>${escapeXml(t.reading.contents)}</h1>
<ol>
${docs.map(item).join('\n')}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>${escapeXml(t.epub.landmarks)}</h2>
<ol>
<li><a epub:type="titlepage" href="${docs[0]!.file}">${escapeXml(t.epub.titlePage)}</a></li>
<li><a epub:type="toc" href="nav.xhtml">${escapeXml(t.reading.contents)}</a></li>
${docs[1] ? `<li><a epub:type="bodymatter" href="${docs[1].file}">${escapeXml(docs[1].title)}</a></li>` : ''}
</ol>
</nav>`;
  return contentDocument({ file: 'nav.xhtml', title, lang, body, headings: [], type: 'toc' });
}

const plain = (markdown: string) => markdown.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();

function packageDocument(work: WorkFile, identifier: string, docs: Document[], modified: string): string {
  const m = work.meta;
  const lang = m.language;
  const title = m.title[lang] ?? work.slug;
  const meta: string[] = [
    `<dc:identifier id="pub-id">${escapeXml(identifier)}</dc:identifier>`,
    `<dc:title>${escapeXml(title)}</dc:title>`,
    `<dc:language>${lang}</dc:language>`,
    // Only what the source gives: no author, no year is written when the work names none.
    ...m.authors.flatMap((a, i) => [
      `<dc:creator id="creator-${i + 1}">${escapeXml(a.name)}</dc:creator>`,
      `<meta refines="#creator-${i + 1}" property="role" scheme="marc:relators">aut</meta>`,
    ]),
    ...(m.year ? [`<dc:date>${m.year}</dc:date>`] : []),
    ...(m.abstracts[lang]?.length ? [`<dc:description>${escapeXml(plain(m.abstracts[lang].join(' ')))}</dc:description>`] : []),
    ...(m.keywords[lang] ?? []).map((k) => `<dc:subject>${escapeXml(k)}</dc:subject>`),
    `<dc:source>${escapeXml(identifier)}</dc:source>`,
    `<meta property="dcterms:modified">${modified}</meta>`,
    '<meta property="schema:accessMode">textual</meta>',
    '<meta property="schema:accessModeSufficient">textual</meta>',
    '<meta property="schema:accessibilityFeature">structuralNavigation</meta>',
    '<meta property="schema:accessibilityFeature">tableOfContents</meta>',
    '<meta property="schema:accessibilityFeature">readingOrder</meta>',
    '<meta property="schema:accessibilityHazard">none</meta>',
    `<meta property="schema:accessibilitySummary">${escapeXml(t.epub.accessibilitySummary)}</meta>`,
  ];
  const items = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav" />',
    '<item id="style" href="style.css" media-type="text/css" />',
    ...docs.map((d, i) => `<item id="doc-${i}" href="${d.file}" media-type="application/xhtml+xml" />`),
  ];
  // The title page, the table of contents, then the chapters.
  const spine = ['doc-0', 'nav', ...docs.slice(1).map((_, i) => `doc-${i + 1}`)].map((id) => `<itemref idref="${id}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${lang}" prefix="schema: http://schema.org/">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${meta.join('\n')}
</metadata>
<manifest>
${items.join('\n')}
</manifest>
<spine>
${spine.join('\n')}
</spine>
</package>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml" />
</rootfiles>
</container>
`;

/** Every internal link of the book must reach an id of its target document (EPUBCheck's RSC-012). */
function checkLinks(work: string, docs: Map<string, string>): void {
  const ids = new Map([...docs].map(([file, text]) => [file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))]));
  const problems: string[] = [];
  for (const [file, text] of docs) {
    for (const [, href] of text.matchAll(/<a\s[^>]*?href="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(href!)) continue;
      const [target = '', fragment] = href!.split('#');
      const doc = target || file;
      if (!ids.has(doc)) problems.push(`${file}: link to ${href}, which is not in the book`);
      else if (fragment && !ids.get(doc)!.has(fragment)) problems.push(`${file}: link to ${href}, whose #${fragment} is not in ${doc}`);
    }
  }
  if (problems.length) throw new EpubError(`${epubUrl(work)}`, `broken links in the book:\n  ${problems.join('\n  ')}`);
}

export interface BuiltBook {
  work: string;
  /** Site path of the file. */
  url: string;
  bytes: Buffer;
  chapters: number;
}

/** Builds the EPUB of one work from the built pages in `dist`. */
export async function buildBook(dist: string, work: WorkFile, site: URL, modified: Date, base = '/'): Promise<BuiltBook> {
  const slug = work.slug;
  const lang = work.meta.language;
  // Published paths (the work page's links are under the base).
  const workPath = withBase(`/${slug}/`, base);
  const workPage = readPage(dist, workPath, base);
  const paths = chapterPaths(workPage, slug);
  const documents = new Map<string, string>([[workPath, 'title.xhtml'], ...paths.map((p) => [p, `${chapterSlugOf(p)}.xhtml`] as [string, string])]);
  const title = work.meta.title[lang] ?? slug;

  const docs: Document[] = [];
  const titleSection = titlePage(workPage, slug, { pageUrl: new URL(workPath, site), documents, self: 'title.xhtml' });
  docs.push({ file: 'title.xhtml', title, lang, body: xhtml([titleSection]), headings: [], type: 'titlepage' });

  for (const path of paths) {
    const { h1, prose, lang: chapterLang, title: chapterTitle } = readChapter(dist, path, lang, base);
    const file = documents.get(path)!;
    const links = { pageUrl: new URL(path, site), documents, self: file };
    toBookContent(h1, links);
    toBookContent(prose, links);
    const references = find(prose, (e) => hasClass(e, 'work-references'));
    if (references) references.properties['epub:type'] = 'bibliography';
    const section: Element = {
      type: 'element',
      tagName: 'section',
      properties: { 'epub:type': references ? 'backmatter' : 'bodymatter chapter', className: ['chapter'] },
      children: [h1, ...prose.children],
    };
    docs.push({ file, title: chapterTitle, lang: chapterLang, body: xhtml([section]), headings: headings(prose), type: 'chapter' });
  }

  const nav = navDocument(title, docs, 'id');
  const files = new Map<string, string>([['nav.xhtml', nav], ...docs.map((d) => [d.file, contentDocument(d)] as [string, string])]);
  checkLinks(slug, files);

  const zip = new JSZip();
  // Fixed dates: the same content gives the same file.
  const date = modified;
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE', date, createFolders: false });
  zip.file('META-INF/container.xml', CONTAINER, { date, createFolders: false });
  zip.file('EPUB/package.opf', packageDocument(work, new URL(workPath, site).href, docs, modified.toISOString().replace(/\.\d+Z$/, 'Z')), {
    date,
    createFolders: false,
  });
  zip.file('EPUB/style.css', readFileSync(new URL('./book.css', import.meta.url), 'utf8'), { date, createFolders: false });
  for (const [file, text] of files) zip.file(`EPUB/${file}`, text, { date, createFolders: false });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { work: slug, url: epubUrl(slug), bytes, chapters: paths.length };
}
