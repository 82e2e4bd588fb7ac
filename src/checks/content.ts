// The checks a librarian's files get before anything is compiled: every work file and chapter front
// matter against the content model (src/checks/schema.ts), the links between them, footnotes,
// citations and the bibliography's JSON syntax. Plain Node (no Astro), so the same code runs in
// the build (src/checks/loader.ts, at content sync), in `npm run dev` (each page render, so the
// browser overlay shows it) and in `npm run check:content`. Every problem names file, line and
// the fix, and all of them are reported together.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'astro/zod';
import { chapterSchema, workSchema } from './schema.ts';
import { FRONT_MATTER } from '../markdown/front-matter.ts';
import { pageFootNotes } from './page-foot-notes.ts';
import { BIBLIOGRAPHY_FILE as BIBLIOGRAPHY_JSON, CHAPTERS_DIR, SOURCES_DIR, WORKS_DIR } from '../paths.ts';

export interface Problem {
  /** Relative to the project root, e.g. content/works/uji.yaml. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** What to do about it. */
  fix?: string;
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;
  return `${where}: ${p.message}${p.fix ? `\n    fix: ${p.fix}` : ''}`;
}

/** All problems in one error; `loc` lets Astro's overlay and terminal point at the first. */
export class ContentCheckError extends Error {
  problems: Problem[];
  loc?: { file: string; line: number; column: number };
  constructor(problems: Problem[], root?: string) {
    const n = problems.length;
    super(`${n === 1 ? 'a problem' : `${n} problems`} in content/:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentCheckError';
    this.problems = problems;
    const first = problems[0];
    if (first?.line && root) this.loc = { file: join(root, first.file), line: first.line, column: first.column ?? 1 };
    // The place in the checker is no help to whoever fixes the file: no stack trace in the output.
    this.stack = '';
  }
}

/** A key whose value holds ": " unquoted (`title: Bab: Pendahuluan`), the usual cause of YAML errors. */
const UNQUOTED_COLON = /^\s*[\w-]+:\s+[^"'\s{[|>][^#]*?:(\s|$)/;

/**
 * A YAML file's syntax error as one problem with its fix. The parser reports one mistake as several
 * errors (the same line, each a consequence of the first), so only the first is given: one block.
 */
export function yamlProblems(file: string, text: string, doc: Document, lines: LineCounter, lineOffset: number): Problem[] {
  return doc.errors.slice(0, 1).map((e) => {
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    const line = pos.line + lineOffset;
    const source = text.split('\n');
    const suspect = [line, line - 1].find((l) => UNQUOTED_COLON.test(source[l - 1] ?? ''));
    return {
      file,
      line: suspect ?? line,
      column: suspect ? undefined : pos.col,
      message: `not valid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      fix: suspect
        ? `a value that contains ": " must be quoted, e.g. ${source[suspect - 1]!.trim().replace(/^([\w-]+):\s+(.*)$/, '$1: "$2"')}`
        : 'check the indentation and quotes on this line (values with ": " or "#", or starting with "-", "*", "[" or "{", need quotes)',
    };
  });
}

/** The line (in the file) of the value at `path`, or of its nearest parent that exists. */
function lineOf(doc: Document, lines: LineCounter, path: PropertyKey[], lineOffset: number): number | undefined {
  for (let p = path.map(String); ; p = p.slice(0, -1)) {
    const node = (p.length ? doc.getIn(p, true) : doc.contents) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line + lineOffset;
    if (!p.length) return undefined;
  }
}

function schemaProblems(
  file: string,
  result: { success: boolean; error?: z.ZodError },
  data: unknown,
  doc: Document,
  lines: LineCounter,
  lineOffset: number,
  where: string,
): Problem[] {
  if (result.success || !result.error) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const key = path.join('.');
    let value: unknown = data;
    for (const k of path) value = (value as Record<string, unknown> | undefined)?.[k];
    const missing = value === undefined && issue.code === 'invalid_type';
    return {
      file,
      line: lineOf(doc, lines, issue.path, lineOffset),
      message: missing ? `${key}: Required` : `${key || '(file)'}: ${issue.message}`,
      fix: missing ? `add "${path.at(-1)}: …" to ${where} (see src/checks/schema.ts)` : `change "${key}" (see src/checks/schema.ts)`,
    };
  });
}

function list(dir: string, test: (name: string) => boolean): string[] {
  return existsSync(dir) ? readdirSync(dir).filter(test).sort() : [];
}

interface ChapterFacts {
  file: string;
  work?: string;
  workLine?: number;
  order?: number;
  orderLine?: number;
  references: boolean;
  /** First citation in the body, as file:line. */
  cites?: string;
}

/** Footnote references with no definition, and (when `keys` is given) citations of unknown keys. */
function bodyProblems(file: string, body: string, bodyLine: number, keys: Set<string> | undefined, facts: ChapterFacts): Problem[] {
  const out: Problem[] = [];
  const lines = body.split('\n');
  let fence = false;
  const defs = new Set<string>();
  const refs: { label: string; line: number; column: number }[] = [];
  lines.forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fence = !fence;
    if (fence) return;
    const line = raw.replace(/`[^`]*`|\{\/\*.*?\*\/\}/g, (m) => ' '.repeat(m.length));
    const def = /^\s{0,3}\[\^([^\]\s]+)\]:/.exec(line);
    if (def) defs.add(def[1]!);
    for (const m of line.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) refs.push({ label: m[1]!, line: bodyLine + i, column: m.index + 1 });
    // Citations as printed: [printed words](@key) or [printed words](<@key, 40>).
    for (const m of line.matchAll(/\]\(<?@([a-z0-9][\w-]*)/gi)) {
      facts.cites ??= `${file}:${bodyLine + i}`;
      if (keys && !keys.has(m[1]!)) {
        out.push({
          file,
          line: bodyLine + i,
          column: m.index + 3,
          message: `citation of unknown key "@${m[1]}"`,
          fix: `add an entry with "id": "${m[1]}" to ${BIBLIOGRAPHY_JSON}, or correct the key`,
        });
      }
    }
    // A citation in pandoc's generated form would print a style engine's words, not the author's.
    for (const m of line.matchAll(/\[-?@[a-z0-9][^\]]*\]/gi)) {
      out.push({
        file,
        line: bodyLine + i,
        column: m.index + 1,
        message: `citation ${m[0]} is not written as printed`,
        fix: 'write the citation exactly as the source prints it, as a link to its key: ([Suwarno et al., 2018](@suwarno2018ntt)), or with the page: ([Goma 2020, 40](<@goma2020manusia, 40>))',
      });
    }
  });
  for (const r of refs) {
    if (defs.has(r.label)) continue;
    out.push({
      file,
      line: r.line,
      column: r.column,
      message: `footnote reference [^${r.label}] has no definition (it would show as the literal text "[^${r.label}]")`,
      fix: `add a line "[^${r.label}]: the note's text" at the end of the chapter, or remove the reference`,
    });
  }
  return out;
}

/** JSON syntax of the bibliography, with the line where the mistake is (a missing comma: the line before). */
export function jsonProblem(file: string, text: string): Problem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    // Without a position (an unexpected "]" or "}"), the usual cause is a comma before it.
    let offset = at ? Number(at[1]) : (/,\s*[\]}]/.exec(text)?.index ?? -1);
    const comma = /Expected ',' or '[\]}]'|Expected double-quoted property name/.test(message);
    if (offset >= 0 && comma) {
      // The parser notices the gap at the next token; the comma belongs after the last one.
      let i = offset - 1;
      while (i > 0 && /\s/.test(text[i]!)) i--;
      if (/Expected ',' or/.test(message) || text[i] === ',') offset = i;
    }
    const line = offset >= 0 ? text.slice(0, offset).split('\n').length : undefined;
    const missingComma = /Expected ',' or/.test(message);
    const trailing = text[offset] === ',' && /^,\s*[\]}]/.test(text.slice(offset));
    return {
      file,
      line,
      message: `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`,
      fix: missingComma
        ? 'add a comma at the end of this line (entries, and fields within an entry, are separated by commas)'
        : trailing
          ? 'remove the comma at the end of this line (JSON allows none before } or ])'
          : 'check brackets, quotes and commas around this line',
    };
  }
}

/**
 * Every problem in the works, chapters and bibliography syntax of the project at `root`.
 * `citationKeys`: also citations of keys missing from the bibliography (`npm run check:content`, the
 * build and `npm run dev` ask for it; src/bibliography/rehype-cite-links.ts checks them again while
 * compiling a chapter).
 */
export function checkContent(root: string, { citationKeys = false } = {}): Problem[] {
  const problems: Problem[] = [];
  const worksDir = join(root, WORKS_DIR);
  const workIds = list(worksDir, (f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();

  for (const id of workIds) {
    const file = `${WORKS_DIR}/${id}.yaml`;
    const text = readFileSync(join(root, file), 'utf8');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    if (doc.errors.length) {
      problems.push(...yamlProblems(file, text, doc, lines, 0));
      continue;
    }
    const data: unknown = doc.toJS();
    problems.push(...schemaProblems(file, workSchema.safeParse(data), data, doc, lines, 0, 'the work file'));
    const source = (data as { sourceFile?: unknown })?.sourceFile;
    if (typeof source === 'string' && !existsSync(join(root, SOURCES_DIR, source))) {
      problems.push({
        file,
        line: lineOf(doc, lines, ['sourceFile'], 0),
        message: `sourceFile "${source}" is not in content/sources/`,
        fix: `put the source text at content/sources/${source}, or correct the name`,
      });
    }
  }

  let keys: Set<string> | undefined;
  const bibPath = join(root, BIBLIOGRAPHY_JSON);
  if (existsSync(bibPath)) {
    const text = readFileSync(bibPath, 'utf8');
    const bad = jsonProblem(BIBLIOGRAPHY_JSON, text);
    if (bad) problems.push(bad);
    else if (citationKeys) keys = new Set((JSON.parse(text) as { id?: string }[]).map((e) => String(e?.id)));
  }

  const facts: ChapterFacts[] = [];
  const chaptersDir = join(root, CHAPTERS_DIR);
  for (const entry of list(chaptersDir, () => true)) {
    const path = join(chaptersDir, entry);
    if (!statSync(path).isDirectory()) {
      if (entry.endsWith('.mdx')) {
        problems.push({
          file: `${CHAPTERS_DIR}/${entry}`,
          message: 'a chapter must be in its work’s folder',
          fix: `move it to ${CHAPTERS_DIR}/<work>/${entry}`,
        });
      }
      continue;
    }
    if (!workIds.includes(entry)) {
      problems.push({
        file: `${CHAPTERS_DIR}/${entry}/`,
        message: `folder "${entry}" names no work in ${WORKS_DIR}/ (known: ${workIds.join(', ') || 'none'})`,
        fix: `name the folder after its work file, or add ${WORKS_DIR}/${entry}.yaml (npm run new-work ${entry})`,
      });
    }
    for (const name of list(path, (f) => f.endsWith('.mdx'))) {
      const file = `${CHAPTERS_DIR}/${entry}/${name}`;
      const text = readFileSync(join(path, name), 'utf8');
      const fact: ChapterFacts = { file, references: false };
      const fm = FRONT_MATTER.exec(text);
      if (!fm) {
        problems.push({
          file,
          line: 1,
          message: 'no front matter',
          fix: 'start the file with a block between two "---" lines: work, order, title (see docs/panduan-pustakawan.md, step 4)',
        });
        continue;
      }
      const lines = new LineCounter();
      const doc = parseDocument(fm[1]!, { lineCounter: lines });
      const fmLines = fm[0].trimEnd().split('\n').length;
      const where = `the front matter (lines 1–${fmLines})`;
      if (doc.errors.length) {
        problems.push(...yamlProblems(file, text, doc, lines, 1));
      } else {
        const data = (doc.toJS() ?? {}) as Record<string, unknown>;
        problems.push(...schemaProblems(file, chapterSchema(z.string().min(1)).safeParse(data), data, doc, lines, 1, where));
        if (typeof data.work === 'string') {
          fact.work = data.work;
          fact.workLine = lineOf(doc, lines, ['work'], 1);
        }
        if (typeof data.order === 'number') {
          fact.order = data.order;
          fact.orderLine = lineOf(doc, lines, ['order'], 1);
        }
        fact.references = data.references === true;
      }
      problems.push(...bodyProblems(file, text.slice(fm[0].length), fmLines + 1, keys, fact));
      facts.push(fact);
      if (fact.work && !workIds.includes(fact.work)) {
        problems.push({
          file,
          line: fact.workLine,
          message: `front matter "work: ${fact.work}" names no work in ${WORKS_DIR}/ (known: ${workIds.join(', ') || 'none'})`,
          fix: workIds.includes(entry) ? `write "work: ${entry}" (the folder's work)` : `use one of the known works, or add ${WORKS_DIR}/${fact.work}.yaml`,
        });
      } else if (fact.work && fact.work !== entry) {
        problems.push({
          file,
          line: fact.workLine,
          message: `a chapter of "${fact.work}" must live in ${CHAPTERS_DIR}/${fact.work}/`,
          fix: `move the file to ${CHAPTERS_DIR}/${fact.work}/, or write "work: ${entry}"`,
        });
      }
    }
  }

  for (const work of workIds) {
    const chapters = facts.filter((f) => f.work === work);
    const byOrder = new Map<number, ChapterFacts>();
    for (const c of chapters) {
      if (c.order === undefined) continue;
      const first = byOrder.get(c.order);
      if (first) {
        problems.push({
          file: c.file,
          line: c.orderLine,
          message: `"order: ${c.order}" is also used by ${first.file}:${first.orderLine} in work "${work}"`,
          fix: `give each chapter of "${work}" its own order (its position in the work: 1, 2, 3, …)`,
        });
      } else byOrder.set(c.order, c);
    }
    const citing = chapters.find((c) => c.cites);
    if (citing && !chapters.some((c) => c.references)) {
      problems.push({
        file: `${WORKS_DIR}/${work}.yaml`,
        message: `the work's chapters cite (first at ${citing.cites}) but it has no reference-list chapter, so every citation link would be broken`,
        fix: `add ${CHAPTERS_DIR}/${work}/daftar-pustaka.mdx with front matter "work: ${work}", the next "order", "title: Daftar Pustaka" and "references: true" (npm run new-work writes one)`,
      });
    }
    problems.push(...pageFootNotes(root, work));
  }
  return problems;
}

/** Throws one ContentCheckError listing every problem, if there is any. */
export function assertContent(root: string): void {
  const problems = checkContent(root);
  if (problems.length) throw new ContentCheckError(problems, root);
}
