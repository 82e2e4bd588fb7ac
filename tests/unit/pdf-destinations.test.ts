// src/pdf/destinations.ts writes the named destinations into Typst's file itself (no PDF library):
// every name lands at its page and place, Typst's own tree of heading names gives way to it, the
// file reads whole (pdf-lib parses it back; qpdf --check runs on the works' PDFs in
// tests/content/pdf.test.ts), and a file it does not read as expected stops the build naming it.
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { compileTypst } from '../../src/pdf/compile.ts';
import { addDestinations, type Position } from '../../src/pdf/destinations.ts';

const SOURCE = `#set document(title: "T")
= Eins <kopf>
#lorem(20) #metadata(none)<p-1>
#pagebreak()
== Zwei <kopf-2>
#metadata(none)<p-2> #lorem(400)
#context [#metadata((locate(<p-1>).position(), locate(<p-2>).position()))<wo>]`;

async function nameTree(pdf: Buffer): Promise<Map<string, { page: number; x: number; y: number }>> {
  const doc = await PDFDocument.load(pdf);
  const pages = doc.getPages().map((p) => p.ref.toString());
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('Dests'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const out = new Map<string, { page: number; x: number; y: number }>();
  for (let i = 0; i < names.size(); i += 2) {
    const key = names.lookup(i) as PDFString | PDFHexString;
    const dest = names.lookup(i + 1, PDFArray);
    out.set(key.decodeText(), {
      page: pages.indexOf((dest.get(0) as PDFRef).toString()) + 1,
      x: (dest.get(2) as PDFNumber).asNumber(),
      y: (dest.get(3) as PDFNumber).asNumber(),
    });
  }
  return out;
}

describe('named destinations written into Typst’s PDF', () => {
  const compiled = compileTypst(SOURCE, '/karya/karya.pdf', 0);
  const [p1, p2] = compiled.query('wo') as [Position, Position];

  it('places each name at its page and position, in place of Typst’s own heading names', async () => {
    const pdf = addDestinations(
      compiled.pdf,
      new Map([
        ['p-1', p1],
        ['p-2', p2],
        ['bab/ü', p1],
      ]),
      '/karya/karya.pdf',
    );
    const tree = await nameTree(pdf);
    // Sorted by their bytes: a name beyond ASCII is UTF-16 after its byte-order mark (0xFE 0xFF).
    expect([...tree.keys()]).toEqual(['p-1', 'p-2', 'bab/ü']);
    expect(tree.get('p-1')!.page).toBe(1);
    expect(tree.get('p-2')!.page).toBe(2);
    const height = 841.8898;
    expect(tree.get('p-2')!.y).toBe(Math.round(height - Number(p2.y.replace('pt', '')) + 12));
    // The whole document reads back: its pages, its outline, its metadata.
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(compiled.pages);
    expect(doc.getTitle()).toBe('T');
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeDefined();
    // Smaller than Typst's own file: the objects are packed into compressed streams.
    expect(pdf.length).toBeLessThan(compiled.pdf.length);
  });

  it('stops the build naming the file when the PDF is not one it reads', async () => {
    const packed = Buffer.from(await (await PDFDocument.load(compiled.pdf)).save({ useObjectStreams: true }));
    expect(() => addDestinations(packed, new Map([['p-1', p1]]), '/karya/karya.pdf')).toThrow(/\/karya\/karya\.pdf: the PDF Typst wrote is not as/);
  });
});
