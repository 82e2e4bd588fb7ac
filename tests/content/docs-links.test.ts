// The guides are true to the repository: every file or folder, `npm run` script and site address
// that README.md or a guide in docs/ names exists: files and folders in the repository's tree,
// scripts in package.json, addresses in the built site (dist/). A guide that names something that
// was renamed or removed fails here, with the guide, the line and the name.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../support/site.ts';

const GUIDES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const SCRIPTS = new Set(Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts));
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git']);

/** Every file and folder of the repository (relative paths; folders end with "/"). */
const TREE: string[] = (() => {
  const out: string[] = [];
  (function walk(dir: string) {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name)) continue;
      const path = join(dir, name);
      const rel = relative(ROOT, path);
      if (statSync(path).isDirectory()) {
        out.push(`${rel}/`);
        walk(path);
      } else out.push(rel);
    }
  })(ROOT);
  return out;
})();

/** The names of the built files (dist/), for a guide naming one (sw.js, datapackage.json). */
const BUILT = new Set(readdirSync(DIST, { recursive: true }).map((f) => String(f).split('/').at(-1)!));

/** What a guide names, with the line it is on. */
interface Named {
  guide: string;
  line: number;
  text: string;
}

function named(guide: string, pattern: RegExp): Named[] {
  const lines = readFileSync(join(ROOT, guide), 'utf8').split('\n');
  return lines.flatMap((line, i) => [...line.matchAll(pattern)].map((m) => ({ guide, line: i + 1, text: m[1]! })));
}

// A placeholder (<work>, …, *, [/<chapter>], {n}) ends what can be checked of a name.
const PLACEHOLDER = /[<…*[{|\\]/;
const checkable = (name: string) => name.split(PLACEHOLDER)[0]!;

/**
 * The made-up names a guide declares in a comment, `<!-- examples: nama-2025 /ruang-baca/ -->`: the
 * librarians' guide walks through a work that does not exist, the publishing guide through a site
 * under a sub-path. A name is checked up to where such an example starts, as up to a placeholder;
 * an example that starts with "/" is a base path, and an address under it is checked without it.
 */
function examples(guide: string): string[] {
  const declared = /<!--\s*examples:([^>]*)-->/.exec(readFileSync(join(ROOT, guide), 'utf8'));
  return declared ? declared[1]!.trim().split(/\s+/) : [];
}
function withoutExamples(guide: string, name: string): string {
  let out = name;
  for (const example of examples(guide)) {
    if (example.startsWith('/')) {
      if (out === example.replace(/\/$/, '') || out.startsWith(example)) out = `/${out.slice(example.length)}`;
    } else if (out.includes(example)) out = `${out.slice(0, out.lastIndexOf('/', out.indexOf(example)) + 1)}<${example}>`;
  }
  return out;
}
const where = (n: Named) => `${n.guide}:${n.line}: ${n.text}`;

/** A code span that names a file or folder: has a "/" or a file extension, and no spaces. */
// (Not an npm package, "@scope/name", nor a bare extension, ".mjs".)
const looksLikePath = (s: string) =>
  !/\s/.test(s) &&
  // A media type ("application/x-bibtex") is no path.
  !/^(application|text|image|font|audio|video)\/[\w.+-]+$/.test(s) &&
  !/^[/@.-]/.test(s.replace(/^\.{1,2}\//, '')) &&
  !/^[a-z]+:/.test(s) &&
  (s.includes('/') || /\.(ts|mjs|js|astro|css|md|json|yaml|txt|mdx|csv)$/.test(s));

function pathExists(guide: string, named: string): boolean {
  const path = withoutExamples(guide, named);
  const name = checkable(path).replace(/^\.\//, '');
  // Nothing before the placeholder to check ("NNN_<name>.txt"); the build's own working folder.
  if (!name.includes('/') && name !== path) return true;
  if (!name || name.startsWith('.astro/')) return true;
  if (existsSync(join(ROOT, name)) || existsSync(join(ROOT, dirname(guide), name))) return true;
  // A path named within its folder's context ("browser/cite.ts" in the row of src/cite/), or a bare file name.
  if (TREE.some((p) => p === name || p.endsWith(`/${name}`) || (name.includes('/') && p.includes(`/${name}`)))) return true;
  // A file the build writes (sw.js, robots.txt, datapackage.json).
  return existsSync(join(DIST, name)) || BUILT.has(name);
}

/** A site address: the built file it is served from, or (with a placeholder) the built folder it starts with. */
function addressExists(address: string): boolean {
  // A paged list's later pages (…/halaman/<n>/) exist once the list is longer than a page
  // (src/scale/paging.ts): the list itself must.
  const path = checkable(address).replace(/[?#].*$/, '').replace(/halaman\/$/, '');
  if (path === '/' || path === '') return true;
  const file = join(DIST, decodeURIComponent(path));
  if (path !== checkable(address)) return existsSync(file) || existsSync(dirname(file));
  return existsSync(file) || existsSync(join(file, 'index.html'));
}

describe('the guides name what exists', () => {
  it('README.md and docs/ are there, the README at most 150 lines', () => {
    expect(GUIDES.length).toBeGreaterThan(1);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(150);
  });

  it('every link to a file in the repository leads to one', () => {
    // (Not a citation in an example: [(Nama, 2019)](@nama2019).)
    const links = GUIDES.flatMap((g) => named(g, /\]\(([^)\s]+)\)/g)).filter((n) => !/^[a-z]+:|^[#@<]/.test(n.text));
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((n) => !existsSync(join(ROOT, dirname(n.guide), n.text.replace(/#.*$/, '')))).map(where)).toEqual([]);
  });

  it('every file and folder named in code is in the repository', () => {
    const paths = GUIDES.flatMap((g) => named(g, /`([^`\n]+)`/g)).filter((n) => looksLikePath(n.text));
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((n) => !pathExists(n.guide, n.text)).map(where)).toEqual([]);
  });

  it('every npm script named is in package.json', () => {
    const scripts = GUIDES.flatMap((g) => named(g, /npm run ([\w:-]+)/g));
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((n) => !SCRIPTS.has(n.text)).map(where)).toEqual([]);
  });

  it('every site address named is in the built site', () => {
    // Code spans that start with one "/" and name no file of the machine (/usr/bin/chromium).
    // (Nor a PDF's name object, /Lang or /MarkInfo: capitalised, where the site's addresses are not.)
    const addresses = GUIDES.flatMap((g) => named(g, /`(\/[^`\s]*)`/g)).filter(
      (n) => !/^\/(usr|etc|var|tmp|opt|home|work)\//.test(n.text) && !n.text.startsWith('//') && !/^\/[A-Z][A-Za-z]*$/.test(n.text),
    );
    expect(addresses.length).toBeGreaterThan(10);
    expect(addresses.filter((n) => !addressExists(withoutExamples(n.guide, n.text))).map(where)).toEqual([]);
  });
});
