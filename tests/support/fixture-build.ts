// Builds a throw-away copy of the site with the given content files, to test what the build says
// about bad input, and (scripts/bench/scale.ts) to build synthetic libraries. The copy shares
// node_modules and never touches the real content/ or dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './site.ts';

export const VALID_WORK = `title: { id: "Karya Uji" }
authors: [{ name: "Penulis Uji" }]
type: skripsi
year: 2024
language: id
keywords: { id: [uji] }
abstracts: { id: ["Abstrak uji."] }
citationStyle: apa
sourceNote: "Karya uji untuk pengujian build."
sourceFile: 000_uji.txt
order: 1
`;

/** The source text VALID_WORK names (a fixture without content/ gets it unless it brings its own). */
export const VALID_SOURCE = { 'content/sources/000_uji.txt': 'BAB I\nPENDAHULUAN\n1.1. Latar Belakang\nParagraf uji.\n' };

/** The reference-list chapter a work with citations needs. */
export const REFERENCES_CHAPTER = { 'content/chapters/uji/daftar-pustaka.mdx': '---\nwork: uji\norder: 99\ntitle: Daftar Pustaka\nreferences: true\n---\n' };

export const VALID_CHAPTER = `---
work: uji
order: 1
number: BAB I
title: Pendahuluan
---
## 1.1. Latar Belakang

Paragraf uji.
`;

/**
 * The time limit of a test that builds a site: a hang guard, far above what a build takes on a
 * loaded two-core machine (the real site's pages alone took 4 min 15 s at load 28–30).
 */
export const BUILD_TIMEOUT = 900_000;

export interface BuildResult {
  status: number | null;
  output: string;
  /** Whether the build left a site in dist/ ("written") or none ("absent"). */
  dist: 'written' | 'absent';
  ms: number;
}

/**
 * A copy of the project's code (not its content) in a temporary folder, with `files` (paths relative
 * to the project root, e.g. "content/works/uji.yaml", with their text). `withContent` copies the
 * real content/ first. The caller removes the folder (rmSync(dir, { recursive: true })).
 */
export function fixtureSite(files: Record<string, string>, { withContent = false } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rbntt-fixture-'));
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', ...(withContent ? ['content'] : [])]) {
    cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFiles(dir, withContent ? files : { ...VALID_SOURCE, ...files });
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * `npm run build` in a fixture folder (or the project itself), with the script's Node settings;
 * `env` adds to the environment (BASE_PATH). Without the .br/.gz copies unless `env` asks for them
 * (PRECOMPRESS): Brotli at its best adds half a minute to a build here, and only the nginx test reads them.
 */
export function buildIn(dir: string, env: Record<string, string> = {}): BuildResult {
  const start = performance.now();
  const run = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    // NODE_ENV=production as `npm run build` has it from a shell: vitest sets "test", which a build
    // started from here inherited, and Vite then made a development bundle (no service worker
    // registered, a larger offline core): the fixture tests checked a site nobody publishes.
    env: { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '0', NO_COLOR: '1', PRECOMPRESS: 'no', ...env },
  });
  return {
    status: run.status,
    output: `${run.stdout}\n${run.stderr}`,
    dist: existsSync(join(dir, 'dist', 'index.html')) ? 'written' : 'absent',
    ms: performance.now() - start,
  };
}

/** Builds a fixture site once and removes it. */
export function buildFixture(files: Record<string, string>): BuildResult {
  const dir = fixtureSite(files);
  try {
    return buildIn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
