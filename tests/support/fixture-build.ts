// Builds a throw-away copy of the site with the given content files, to test what the build says
// about bad input. The copy shares node_modules and never touches the real content/ or dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

export const VALID_CHAPTER = `---
work: uji
order: 1
number: BAB I
title: Pendahuluan
---
## 1.1. Latar Belakang

Paragraf uji.
`;

export interface BuildResult {
  status: number | null;
  output: string;
  dist: string;
}

/** Files are paths relative to the project root (e.g. "content/works/uji.yaml") with their text. */
export function buildFixture(files: Record<string, string>): BuildResult {
  const dir = mkdtempSync(join(tmpdir(), 'rbntt-fixture-'));
  try {
    for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public']) {
      cpSync(join(ROOT, f), join(dir, f), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const run = spawnSync(process.execPath, [astro, 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}`, dist: existsSync(join(dir, 'dist', 'index.html')) ? 'written' : 'absent' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
