// Reading the built EPUBs in tests: the files inside, parsed, and EPUBCheck (Debian's package).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import { DIST } from './site.ts';

/** Debian's epubcheck installs the jar; /usr/bin/epubcheck needs binfmt (jarwrapper), so run java on it. */
export const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

export const epubFile = (work: string) => join(DIST, work, `${work}.epub`);

export interface Check {
  fatals: number;
  errors: number;
  warnings: number;
  output: string;
}

export async function epubcheck(file: string): Promise<Check> {
  if (!existsSync(EPUBCHECK_JAR)) throw new Error(`no EPUBCheck at ${EPUBCHECK_JAR}: apt-get install epubcheck (.ci/run does)`);
  const { stdout, stderr } = await promisify(execFile)('java', ['-jar', EPUBCHECK_JAR, file], { maxBuffer: 16 * 1024 * 1024 }).catch(
    (e: { stdout: string; stderr: string }) => e,
  );
  const output = `${stdout}\n${stderr}`;
  const m = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!m) throw new Error(`EPUBCheck printed no summary for ${file}:\n${output}`);
  return { fatals: Number(m[1]), errors: Number(m[2]), warnings: Number(m[3]), output };
}

export async function openBook(file: string) {
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`${file} has no ${name}`);
    return f.async('string');
  };
  const opf = await text('EPUB/package.opf');
  const manifest = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => manifest.get(m[1]!)!);
  const doc = async (name: string): Promise<Root> => fromHtml(await text(`EPUB/${name}`));
  return { bytes, zip, opf, spine, text, doc };
}

export function elements(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (test(c)) out.push(c);
    elements(c, test, out);
  }
  return out;
}

export const classes = (e: Element): string[] => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);
