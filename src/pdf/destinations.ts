// Named destinations: Typst 0.14 writes one only for a labelled heading, so each id of the web pages
// is placed after it, from the positions Typst reports (`locate(label).position()`, read back with
// `query`). `work.pdf#p-3f9a0c12` then opens at that paragraph in viewers that honour named
// destinations (PDF.js, Acrobat, Chromium's viewer, Evince, Okular).
//
// The file is written again here, not edited through a PDF library: Typst's file is a plain one (a
// classic cross-reference table, every object on its own), most of it the many small objects of the
// tagged PDF's structure tree, which pdf-lib took about 0.3 s of CPU a work to parse and write again
// (half the time of typesetting). This step reads only the cross-reference table, the catalog and
// the page tree, copies every stream as it is, packs the other objects into compressed object streams
// (which is also what makes the file about a third of Typst's own) and ends with a cross-reference
// stream; the catalog gets the name tree (/Names /Dests) in place of the one Typst wrote for its
// labelled headings. A file it does not read as it expects stops the build.
import { deflateSync } from 'node:zlib';
import { EpubError } from '../epub/xhtml.ts';

export interface Position {
  page: number;
  x: string;
  y: string;
}

const points = (length: string) => Number(length.replace(/pt$/, ''));

/** Objects per compressed object stream: larger streams compress better; a reader decompresses a whole stream to reach one object. */
const PER_STREAM = 200;

interface PdfObject {
  num: number;
  /** What is between `N 0 obj` and `endobj`. */
  body: Buffer;
  stream: boolean;
}

const latin1 = (b: Buffer) => b.toString('latin1');

/** The objects of a PDF with a classic cross-reference table, and its trailer. */
function readObjects(pdf: Buffer, file: string): { header: Buffer; objects: Map<number, PdfObject>; trailer: string; size: number } {
  const fail = (what: string) => {
    throw new EpubError(file, `the PDF Typst wrote is not as src/pdf/destinations.ts reads it (${what}); the named destinations cannot be added`);
  };
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 64)));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) fail('no startxref at its end');
  const xrefAt = Number(startxref![1]);
  const rest = latin1(pdf.subarray(xrefAt));
  const table = /^xref\s+0 (\d+)\s*\n/.exec(rest);
  if (!table) fail('no classic cross-reference table with one section from object 0');
  const size = Number(table![1]);
  const entries = rest.slice(table![0].length, table![0].length + size * 20);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(rest)?.[1];
  if (!trailer) fail('no trailer');
  const version = /^%PDF-(\d)\.(\d)/.exec(latin1(pdf.subarray(0, 16)));
  if (!version || Number(version[1]) * 10 + Number(version[2]) < 15) fail('a PDF version below 1.5, which has no object streams');

  const offsets: { num: number; at: number }[] = [];
  for (let num = 1; num < size; num++) {
    const entry = entries.slice(num * 20, num * 20 + 18);
    if (entry.endsWith(' n')) offsets.push({ num, at: Number(entry.slice(0, 10)) });
    else if (!entry.endsWith(' f')) fail(`cross-reference entry ${num}`);
  }
  const sorted = [...offsets].sort((a, b) => a.at - b.at);
  const objects = new Map<number, PdfObject>();
  for (let i = 0; i < sorted.length; i++) {
    const { num, at } = sorted[i]!;
    const end = sorted[i + 1]?.at ?? xrefAt;
    const raw = pdf.subarray(at, end);
    const head = `${num} 0 obj`;
    if (latin1(raw.subarray(0, head.length)) !== head) fail(`object ${num} not at its offset`);
    const close = raw.lastIndexOf('endobj');
    if (close < 0) fail(`object ${num} without endobj`);
    const body = raw.subarray(head.length, close);
    const stream = /endstream\s*$/.test(latin1(body.subarray(Math.max(0, body.length - 32))));
    objects.set(num, { num, body, stream });
  }
  return { header: pdf.subarray(0, sorted[0]?.at ?? 0), objects, trailer: trailer!, size };
}

/** The end of the dictionary that opens at `from` (`<<`), nested dictionaries and strings skipped. */
function dictionaryEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let nest = 0;
      for (; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') nest++;
        else if (text[i] === ')' && --nest === 0) break;
      }
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * A name as a PDF text string's bytes, as viewers decode a name to match the address's fragment:
 * ASCII as it is (every id the pages make), anything else as UTF-16BE after its byte-order mark.
 */
function nameBytes(name: string): Buffer {
  if (/^[\x20-\x7e]*$/.test(name)) return Buffer.from(name, 'latin1');
  const utf16 = Buffer.from(name, 'utf16le').swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16]);
}

/**
 * Writes `destinations` (name → where Typst put it) into the PDF's name tree (/Names /Dests), each
 * as /XYZ at its top-left with the zoom left as it is, and returns the whole file, its objects packed
 * into object streams. Names are sorted as PDF requires (by their bytes).
 */
export function addDestinations(pdf: Buffer, destinations: Map<string, Position>, file = 'the PDF'): Buffer {
  const { header, objects, trailer, size } = readObjects(pdf, file);
  const rootNum = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(trailer)?.[1]);
  const catalog = objects.get(rootNum);
  if (!catalog || catalog.stream) throw new EpubError(file, 'the PDF Typst wrote has no catalog');
  let catalogText = latin1(catalog.body);
  const pagesNum = Number(/\/Pages\s+(\d+)\s+0\s+R/.exec(catalogText)?.[1]);
  const pagesText = latin1(objects.get(pagesNum)?.body ?? Buffer.alloc(0));
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(pagesText)?.[1] ?? '';
  const pages = [...kids.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
  // Typst writes one flat page tree: every page a kid of the root.
  if (pages.length !== Number(/\/Count\s+(\d+)/.exec(pagesText)?.[1])) throw new EpubError(file, 'the PDF Typst wrote has a page tree of more than one level');
  const heights = new Map<number, number>();
  const heightOf = (num: number) => {
    if (!heights.has(num)) {
      const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(latin1(objects.get(num)?.body ?? Buffer.alloc(0)));
      if (!box) throw new EpubError(file, `page object ${num} has no /MediaBox`);
      heights.set(num, Number(box[4]) - Number(box[2]));
    }
    return heights.get(num)!;
  };

  const names = [...destinations.keys()].map((name) => ({ name, bytes: nameBytes(name) })).sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  const entries: string[] = [];
  for (const { name, bytes } of names) {
    const at = destinations.get(name)!;
    const page = pages[at.page - 1];
    if (page === undefined) continue;
    const x = Math.max(0, Math.round(points(at.x) - 4));
    // Typst measures from the page's top, PDF from its foot; a little above the line's top.
    const y = Math.round(heightOf(page) - points(at.y) + 12);
    entries.push(`<${bytes.toString('hex')}> [${page} 0 R /XYZ ${x} ${y} null]`);
  }
  const destsNum = size;
  const namesNum = size + 1;
  const added: PdfObject[] = [
    { num: destsNum, body: Buffer.from(`\n<<\n  /Names [\n${entries.join('\n')}\n]\n>>\n`, 'latin1'), stream: false },
    { num: namesNum, body: Buffer.from(`\n<< /Dests ${destsNum} 0 R >>\n`, 'latin1'), stream: false },
  ];
  // The catalog's /Names (Typst's inline tree of its headings) gives way to this one.
  const namesAt = catalogText.search(/\/Names[\s<]/);
  if (namesAt >= 0) {
    const open = catalogText.indexOf('<<', namesAt);
    const ownRef = /^\/Names\s+\d+\s+0\s+R/.exec(catalogText.slice(namesAt));
    const end = ownRef ? namesAt + ownRef[0].length : dictionaryEnd(catalogText, open);
    if (end < 0) throw new EpubError(file, 'the PDF catalog has an unterminated /Names');
    catalogText = `${catalogText.slice(0, namesAt)}/Names ${namesNum} 0 R${catalogText.slice(end)}`;
  } else {
    const last = catalogText.lastIndexOf('>>');
    catalogText = `${catalogText.slice(0, last)}  /Names ${namesNum} 0 R\n${catalogText.slice(last)}`;
  }
  objects.set(rootNum, { num: rootNum, body: Buffer.from(catalogText, 'latin1'), stream: false });

  // Write: the header, the streams as they are, the other objects in object streams, then the
  // cross-reference stream (1: at an offset; 2: in an object stream, at an index).
  const out: Buffer[] = [header];
  let length = header.length;
  const push = (b: Buffer) => {
    out.push(b);
    length += b.length;
  };
  const xref = new Map<number, [1, number] | [2, number, number]>();
  const packed: PdfObject[] = [];
  for (const o of [...objects.values(), ...added].sort((a, b) => a.num - b.num)) {
    if (!o.stream) {
      packed.push(o);
      continue;
    }
    xref.set(o.num, [1, length]);
    push(Buffer.from(`${o.num} 0 obj`, 'latin1'));
    push(o.body);
    push(Buffer.from('endobj\n', 'latin1'));
  }
  let next = namesNum + 1;
  for (let i = 0; i < packed.length; i += PER_STREAM) {
    const group = packed.slice(i, i + PER_STREAM);
    const num = next++;
    const offsets: string[] = [];
    const bodies: Buffer[] = [];
    let at = 0;
    group.forEach((o, index) => {
      offsets.push(`${o.num} ${at}`);
      bodies.push(o.body, Buffer.from('\n', 'latin1'));
      at += o.body.length + 1;
      xref.set(o.num, [2, num, index]);
    });
    const head = Buffer.from(`${offsets.join(' ')}\n`, 'latin1');
    const data = deflateSync(Buffer.concat([head, ...bodies]));
    xref.set(num, [1, length]);
    push(
      Buffer.from(`${num} 0 obj\n<< /Type /ObjStm /N ${group.length} /First ${head.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
    );
    push(data);
    push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }
  const xrefNum = next++;
  xref.set(xrefNum, [1, length]);
  const rows = Buffer.alloc(next * 7);
  for (let num = 0; num < next; num++) {
    const e = xref.get(num);
    const row = num * 7;
    if (!e) {
      // A free object (object 0, and any Typst left free): type 0, generation 65535 for 0.
      rows.writeUInt8(0, row);
      rows.writeUInt16BE(num === 0 ? 65535 : 0, row + 5);
    } else if (e[0] === 1) {
      rows.writeUInt8(1, row);
      rows.writeUInt32BE(e[1], row + 1);
    } else {
      rows.writeUInt8(2, row);
      rows.writeUInt32BE(e[1], row + 1);
      rows.writeUInt16BE(e[2], row + 5);
    }
  }
  const xrefData = deflateSync(rows);
  // The trailer's other entries (/Info, /ID) carry over; /Size and /Root are written anew.
  const kept = trailer
    .replace(/\/Size\s+\d+/, '')
    .replace(/\/Root\s+\d+\s+0\s+R/, '')
    .replace(/\/Prev\s+\d+/, '')
    .trim();
  push(
    Buffer.from(
      `${xrefNum} 0 obj\n<< /Type /XRef /Size ${next} /Root ${rootNum} 0 R ${kept} /W [1 4 2] /Filter /FlateDecode /Length ${xrefData.length} >>\nstream\n`,
      'latin1',
    ),
  );
  push(xrefData);
  const xrefAt = xref.get(xrefNum)![1];
  push(Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(out, length);
}
