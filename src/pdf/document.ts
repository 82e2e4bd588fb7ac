// One work as one Typst document, from the same built pages as its EPUB (src/book/pages.ts, and
// src/epub/xhtml.ts's toBookContent for what only the web does): the work page as the title page,
// the table of contents, then each chapter (a new page, its web address under its heading), its
// footnotes at the foot of their page, citations linked to the reference list inside the PDF.
// Every id of a page becomes a label (chapter.id), which links inside the PDF reach and from whose
// positions src/pdf/destinations.ts makes the named destinations.
import type { Element } from 'hast';
import { id as t } from '../i18n/id.ts';
import { findElements } from '../markdown/hast.ts';
import { withBase } from '../base-path.ts';
import { CHAPTERS_DIR } from '../paths.ts';
import { chapterPaths, chapterSlugOf, readChapter, readPage, titleMain, type WorkFile } from '../book/pages.ts';
import { EpubError, remove, toBookContent, type LinkMap } from '../epub/xhtml.ts';
import { block, str, text, type Target, type TypstContext } from './typst.ts';
import { DESTINATIONS_KEY } from './typeset.ts';

export { DESTINATIONS_KEY };

export interface TypstSource {
  /** The whole document. */
  source: string;
  /** Every label (chapter-qualified) → the page's own id, and the chapter it is in. */
  labels: { label: string; id: string; chapter: string }[];
  chapters: { path: string; title: string; label: string }[];
}

/** Ids a page uses that the PDF cannot have twice: a label is the chapter's slug and the id. */
const qualified = (chapter: string, id: string) => `${chapter}/${id}`;

const plain = (markdown: string) => markdown.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();

function preamble(work: WorkFile): string {
  const m = work.meta;
  const lang = m.language;
  const title = m.title[lang] ?? work.slug;
  const abstract = m.abstracts[lang]?.length ? plain(m.abstracts[lang].join(' ')) : undefined;
  const keywords = m.keywords[lang] ?? [];
  const args = [
    `title: ${str(title)}`,
    // Only what the source gives: no author when the work names none.
    `author: (${m.authors.map((a) => `${str(a.name)},`).join(' ')})`,
    `keywords: (${keywords.map((k) => `${str(k)},`).join(' ')})`,
    ...(abstract ? [`description: ${str(abstract)}`] : []),
  ];
  const running = str(title.length > 70 ? `${title.slice(0, title.lastIndexOf(' ', 68))} …` : title);
  return `#set document(${args.join(', ')})
#set text(lang: ${str(lang)}, font: "Libertinus Serif", size: 11pt, hyphenate: false)
#set par(justify: true, leading: 0.62em, spacing: 0.9em)
#set page(paper: "a4", margin: (x: 2.4cm, top: 2.6cm, bottom: 2.4cm), header-ascent: 40%, header: context {
  let p = here().page()
  let starts = query(heading.where(level: 1, outlined: true)).filter(h => h.location().page() == p)
  let before = query(heading.where(level: 1, outlined: true).before(here()))
  if p == 1 or before.len() == 0 or starts.len() > 0 { return }
  set text(size: 8.5pt, style: "italic")
  [#${running}; #h(1fr) #before.last().body #h(1.2em) #counter(page).display()]
}, footer: context {
  let p = here().page()
  let starts = query(heading.where(level: 1, outlined: true)).filter(h => h.location().page() == p)
  if starts.len() == 0 { return }
  set text(size: 8.5pt)
  align(center, counter(page).display())
})
#show heading: set text(font: "Libertinus Serif")
#show heading: set par(justify: false)
#show heading: set block(above: 1.3em, below: 0.8em, sticky: true)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11.5pt)
#show heading.where(level: 4): set text(size: 11pt, style: "italic")
#show link: set text(fill: rgb("#1f4e8c"))
#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt), gap: 0.5em)
#show footnote.entry: it => {
  set text(size: 8.5pt)
  set par(justify: false)
  let n = it.note
  [#link(n.location(), super((n.numbering)(0))) #n.body]
}
#show quote.where(block: true): set pad(x: 1.5em)
#set table(stroke: 0.4pt + luma(140), inset: 4pt)
#set list(indent: 0.8em)
#set enum(indent: 0.8em)
`;
}

/** The notes of a page (aside.footnote, as toBookContent makes them), by id, taken out of the flow. */
function takeNotes(root: Element): Map<string, Element> {
  const notes = new Map<string, Element>();
  for (const aside of findElements(root, (e) => e.tagName === 'aside' && e.properties['epub:type'] === 'footnote')) {
    // The note's number and ". " before its text are the book's back-link; Typst numbers the note.
    const first = aside.children.find((c): c is Element => c.type === 'element');
    const holder = first?.tagName === 'p' ? first : aside;
    const at = holder.children.findIndex(
      (c) => c.type === 'element' && Array.isArray(c.properties.className) && c.properties.className.includes('note-number'),
    );
    if (at >= 0) {
      holder.children.splice(at, 1);
      const next = holder.children[at];
      if (next?.type === 'text') next.value = next.value.replace(/^\.\s*/, '');
    }
    notes.set(String(aside.properties.id), aside);
  }
  remove(root, (e) => e.tagName === 'section' && e.properties['epub:type'] === 'footnotes');
  return notes;
}

/** Where the PDF's links go: a page of this work → its label inside the PDF, the rest → the site. */
function targets(site: URL, pagePath: string, chapterOf: Map<string, string>): (href: string) => Target {
  return (href) => {
    if (href.startsWith('pdf:')) {
      const [path = '', fragment] = href.slice(4).split('#');
      const chapter = chapterOf.get(path)!;
      return { label: fragment ? qualified(chapter, fragment) : chapter };
    }
    if (href.startsWith('#')) {
      const chapter = chapterOf.get(pagePath)!;
      return { label: href === '#' ? chapter : qualified(chapter, href.slice(1)) };
    }
    return { url: new URL(href, new URL(pagePath, site)).href };
  };
}

const classOf = (e: Element) => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);
/**
 * What a printed page has no use for: the library's record of each entry (style, BibTeX, shared
 * record: the PDF prints the entry) and the work page's offer to save the work for offline reading.
 */
const webOnlyInPdf = (e: Element) => (e.tagName === 'details' && classOf(e).includes('reference-record')) || classOf(e).includes('offline-packs');

export function typstSource(dist: string, work: WorkFile, site: URL, base = '/'): TypstSource {
  const slug = work.slug;
  const lang = work.meta.language;
  // Published paths: the work page's links are under the base.
  const workPath = withBase(`/${slug}/`, base);
  const workPage = readPage(dist, workPath, base);
  const paths = chapterPaths(workPage, slug);
  // Links between the pages of the work stay inside the PDF: `pdf:<path>#<id>` until typeset.
  const documents = new Map<string, string>([[workPath, `pdf:${workPath}`], ...paths.map((p) => [p, `pdf:${p}`] as [string, string])]);
  const chapterOf = new Map<string, string>([[workPath, slug], ...paths.map((p) => [p, chapterSlugOf(p)] as [string, string])]);
  const labels: TypstSource['labels'] = [];
  const links: { label: string; at: string }[] = [];

  const convert = (root: Element, at: string, pagePath: string, titlePage: boolean): string => {
    const chapter = chapterOf.get(pagePath)!;
    const linkMap: LinkMap = { pageUrl: new URL(pagePath, site), documents, self: `pdf:${pagePath}` };
    remove(root, webOnlyInPdf);
    toBookContent(root, linkMap);
    const notes = takeNotes(root);
    const target = targets(site, pagePath, chapterOf);
    const ctx: TypstContext = {
      at,
      titlePage,
      label: (id) => qualified(chapter, id),
      target: (href) => {
        const to = target(href);
        if ('label' in to) links.push({ label: to.label, at });
        return to;
      },
      labels: new Map(),
      notes,
    };
    const markup = block(root.children, ctx);
    for (const [label, id] of ctx.labels) labels.push({ label, id, chapter });
    return markup;
  };

  const parts: string[] = [preamble(work)];
  const main = titleMain(workPage, slug);
  // The work page's own headings stay: the title page's h1 is the work's title.
  parts.push(`#metadata(none)#label(${str(slug)})\n${convert(main, `${workPath}index.html`, workPath, true)}`);
  parts.push(`#pagebreak()\n#outline(title: [${text(t.reading.contents)}], depth: 3)`);

  const chapters: TypstSource['chapters'] = [];
  for (const path of paths) {
    const chapter = readChapter(dist, path, lang, base);
    const slugOf = chapterOf.get(path)!;
    const address = new URL(path, site).href;
    // An error names the built page and the chapter's file it is made from (the file name is the chapter's address).
    const at = `${chapter.at} (${CHAPTERS_DIR}/${slug}/${slugOf}.mdx)`;
    const heading = convert({ type: 'element', tagName: 'div', properties: {}, children: [chapter.h1] }, at, path, false);
    const body = convert(chapter.prose, at, path, false);
    const langSet = chapter.lang !== lang ? `#set text(lang: ${str(chapter.lang)})\n` : '';
    parts.push(
      `#pagebreak(weak: true)\n#metadata(none)#label(${str(slugOf)})\n#[${langSet}${heading}\n\n#par(justify: false)[#text(size: 8.5pt)[${text(t.pdf.webAddress)} #link(${str(address)})[${text(address)}]]]\n\n${body}]`,
    );
    chapters.push({ path, title: chapter.title, label: slugOf });
  }

  // Every link inside the PDF must reach a label of it (Typst would stop on it without naming the page).
  const known = new Set([slug, ...paths.map((p) => chapterOf.get(p)!), ...labels.map((l) => l.label)]);
  const broken = links.filter((l) => !known.has(l.label));
  if (broken.length) throw new EpubError(broken[0]!.at, `links to ${broken.map((b) => b.label).join(', ')}, which the PDF does not have`);

  // Where each label landed, for the named destinations (read back with `query`).
  const all = [...new Set(labels.map((l) => l.label)), ...chapters.map((c) => c.label), slug];
  parts.push(`#context [#metadata((${all.map((l) => `(${str(l)}, locate(label(${str(l)})).position()),`).join(' ')}))#label(${str(DESTINATIONS_KEY)})]`);
  return { source: parts.join('\n\n'), labels, chapters };
}
