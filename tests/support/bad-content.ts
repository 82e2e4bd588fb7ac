// One fixture with a mistake in each of many files, as docs/content.md "Adding a work" lets a librarian make
// them. The content checks (src/checks/content.ts) report them all at once, so one build shows them
// together (tests/build/bad-content.test.ts) and the fast checker is held to the same list
// (tests/unit/content-checks.test.ts). `expected` is what each message must say: file:line, the
// problem, and the fix.
import { VALID_CHAPTER, VALID_WORK } from './fixture-build.ts';

const work = (order: number, change: (w: string) => string = (w) => w) => change(VALID_WORK.replace('order: 1', `order: ${order}`));
const chapter = (change: (c: string) => string) => change(VALID_CHAPTER);

export const BAD_CONTENT: Record<string, string> = {
  'content/works/uji.yaml': VALID_WORK,
  // An invalid value (line 3), a missing field, an unquoted colon (line 9).
  'content/works/uji-jenis.yaml': work(2, (w) => w.replace('type: skripsi', 'type: novel')),
  'content/works/uji-catatan.yaml': work(3, (w) => w.replace(/^sourceNote:.*\n/m, '')),
  'content/works/uji-titik-dua.yaml': work(4, (w) => w.replace('sourceNote: "Karya uji untuk pengujian build."', 'sourceNote: Catatan: sumber hanya BAB I')),
  // A footnote reference with no definition (line 9), and a citation in a work without reference list.
  'content/chapters/uji/bab-1-pendahuluan.mdx': chapter((c) => c.replace('Paragraf uji.', 'Paragraf uji[^2] yang mengutip ([Uji, 2020](@uji2020)).')),
  // The same order as bab-1 (line 3).
  'content/chapters/uji/bab-2.mdx': chapter((c) => c.replace('title: Pendahuluan', 'title: Kedua')),
  // No order.
  'content/chapters/uji/bab-3.mdx': chapter((c) => c.replace('order: 1\n', '').replace('title: Pendahuluan', 'title: Ketiga')),
  // A work that does not exist (line 2).
  'content/chapters/uji/bab-4.mdx': chapter((c) => c.replace('work: uji', 'work: hilang').replace('order: 1', 'order: 4')),
  // Front matter that is not YAML (line 5).
  'content/chapters/uji/bab-5.mdx': chapter((c) => c.replace('order: 1', 'order: 5').replace('title: Pendahuluan', 'title: "Pendahuluan')),
  // A missing comma between two entries: line 3 ends without it.
  'content/bibliography.json':
    '[\n  { "id": "uji2020", "type": "book", "title": "Buku uji" },\n  { "id": "uji2021", "type": "book", "title": "Buku lain" }\n  { "id": "uji2022", "type": "book", "title": "Buku ketiga" }\n]\n',
};

/** Parts of the report, each a file:line, the problem and the fix. */
export const EXPECTED: (string | RegExp)[][] = [
  ['content/works/uji-jenis.yaml:3: type: Invalid option', 'fix: change "type"'],
  ['content/works/uji-catatan.yaml', 'sourceNote: Required', 'fix: add "sourceNote: …" to the work file'],
  ['content/works/uji-titik-dua.yaml:9: not valid YAML', 'fix: a value that contains ": " must be quoted, e.g. sourceNote: "Catatan: sumber hanya BAB I"'],
  [
    'content/chapters/uji/bab-1-pendahuluan.mdx:9:13: footnote reference [^2] has no definition',
    'fix: add a line "[^2]: the note\'s text" at the end of the chapter',
  ],
  [
    /content\/chapters\/uji\/bab-2\.mdx:3: "order: 1" is also used by content\/chapters\/uji\/bab-1-pendahuluan\.mdx:3 in work "uji"/,
    'fix: give each chapter of "uji" its own order',
  ],
  ['content/chapters/uji/bab-3.mdx:2: order: Required', 'fix: add "order: …" to the front matter (lines 1–5)'],
  [
    'content/chapters/uji/bab-4.mdx:2: front matter "work: hilang" names no work in content/works/ (known: uji, uji-catatan, uji-jenis, uji-titik-dua)',
    'fix: write "work: uji"',
  ],
  [/content\/chapters\/uji\/bab-5\.mdx:5(:\d+)?: not valid YAML: Missing closing "quote/],
  [
    /content\/works\/uji\.yaml: the work's chapters cite \(first at content\/chapters\/uji\/bab-1-pendahuluan\.mdx:9\) but it has no reference-list chapter/,
    'fix: add content/chapters/uji/daftar-pustaka.mdx with front matter "work: uji", the next "order", "title: Daftar Pustaka" and "references: true"',
  ],
  ['content/bibliography.json:3: not valid JSON', 'fix: add a comma at the end of this line'],
];
