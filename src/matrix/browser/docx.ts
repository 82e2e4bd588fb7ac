// The previous-studies table as a Word document, made in the browser with the `docx` library
// (https://docx.js.org), which this module alone imports: the table page loads it with import() when
// the reader asks for the .docx, never before (and it is left out of the offline core,
// src/offline/build.ts NOT_IN_CORE). Landscape, the table with a header row repeated on each page,
// each quote with the link to its paragraph, then the references.
import { Document, ExternalHyperlink, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const URL_AT_END = /^(“[\s\S]*”) <(https?:\/\/[^>]+)>$/;

/** A cell's text as paragraphs: a quote line ("…" <url>) as the quote and a link to its paragraph. */
function cellParagraphs(text: string): Paragraph[] {
  if (!text) return [new Paragraph('')];
  return text.split(/\n\n/).flatMap((part) => {
    const m = URL_AT_END.exec(part);
    if (!m) return part.split('\n').map((line) => new Paragraph(line));
    return [
      new Paragraph(m[1]!),
      new Paragraph({
        children: [new ExternalHyperlink({ link: m[2]!, children: [new TextRun({ text: m[2]!, style: 'Hyperlink', size: 16 })] })],
        spacing: { after: 120 },
      }),
    ];
  });
}

export async function toDocx(
  cells: { header: string[]; body: string[][] },
  references: { text: string }[],
  text: { title: string; references: string; caption: string },
): Promise<Blob> {
  const row = (values: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: values.map(
        (v) => new TableCell({ children: header ? [new Paragraph({ children: [new TextRun({ text: v, bold: true })] })] : cellParagraphs(v) }),
      ),
    });
  const doc = new Document({
    title: text.title,
    styles: { default: { document: { run: { size: 18, font: 'Calibri' } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: text.caption, heading: HeadingLevel.HEADING_1 }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(cells.header, true), ...cells.body.map((r) => row(r, false))] }),
          ...(references.length
            ? [
                new Paragraph({ text: text.references, heading: HeadingLevel.HEADING_1 }),
                ...references.map((r) => new Paragraph({ text: r.text, spacing: { after: 120 } })),
              ]
            : []),
        ],
      },
    ],
  });
  return Packer.toBlob(doc);
}
