// Named destinations: Typst 0.14 writes none for a label, so each id of the web pages is placed
// after it, from the positions Typst reports (`locate(label).position()`, read back with `query`),
// with pdf-lib (a PDF reader/writer in plain JavaScript: what it takes to add one name tree to a
// finished file without a second typesetter). `work.pdf#p-3f9a0c12` then opens at that paragraph in
// viewers that honour named destinations (PDF.js, Acrobat, Chromium's viewer, Evince, Okular).
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNull, PDFNumber, PDFString } from 'pdf-lib';

export interface Position {
  page: number;
  x: string;
  y: string;
}

const points = (length: string) => Number(length.replace(/pt$/, ''));

/**
 * Writes `destinations` (name → where Typst put it) into the PDF's name tree (/Names /Dests), each
 * as /XYZ at its top-left with the zoom left as it is. Names are sorted as PDF requires (by bytes).
 */
export async function addDestinations(pdf: Buffer, destinations: Map<string, Position>): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  const names = [...destinations.keys()].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  const entries = PDFArray.withContext(doc.context);
  for (const name of names) {
    const at = destinations.get(name)!;
    const page = pages[at.page - 1];
    if (!page) continue;
    const dest = PDFArray.withContext(doc.context);
    dest.push(page.ref);
    dest.push(PDFName.of('XYZ'));
    dest.push(PDFNumber.of(Math.max(0, Math.round(points(at.x) - 4))));
    // Typst measures from the page's top, PDF from its foot; a little above the line's top.
    dest.push(PDFNumber.of(Math.round(page.getHeight() - points(at.y) + 12)));
    dest.push(PDFNull);
    entries.push(PDFString.of(name));
    entries.push(dest);
  }
  const dests = doc.context.obj({ Names: entries });
  let namesDict = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  if (!namesDict) {
    namesDict = doc.context.obj({});
    doc.catalog.set(PDFName.of('Names'), namesDict);
  }
  namesDict.set(PDFName.of('Dests'), doc.context.register(dests));
  return Buffer.from(await doc.save({ useObjectStreams: true, updateFieldAppearances: false }));
}
