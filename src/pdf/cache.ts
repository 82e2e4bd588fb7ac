// A rebuild typesets again only the works whose PDF would come out different. A work's PDF is a
// function of its built pages (the work page and its chapters, as written before the PDF step), its
// metadata (content/works/<work>.yaml), the site's address and base path, the creation date when
// SOURCE_DATE_EPOCH sets it, and the code that makes it; the key is a hash of all of them, so a
// stale PDF can only come from a cache whose files were edited by hand. The code is hashed whole
// (every file under src/ and package-lock.json, which pins Typst): any change to the
// code makes every PDF again, never a PDF from the code before it.
// The cache lives beside Astro's own (astro.config.mjs: cacheDir, .astro/cache/pdf/), so a fresh
// clone (CI) has none and makes every PDF; a PDF made from a cache is the same file, date included
// (without SOURCE_DATE_EPOCH the date is when it was first made from these pages).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The facts about a PDF the build logs and the bench prints, kept beside its bytes. */
export interface PdfFacts {
  chapters: number;
  pages: number;
  destinations: number;
}

/** A hash of the code that makes the PDFs: every file under `<root>/src/` and the locked dependencies. */
export function generatorVersion(root: string): string {
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
  for (const file of [...files, join(root, 'package-lock.json')]) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export class PdfCache {
  private readonly used = new Set<string>();
  private readonly dir: string | undefined;
  private readonly version: string;
  reused = 0;

  /** `dir` undefined: no cache (every PDF is made). */
  constructor(dir: string | undefined, version: string) {
    this.dir = dir;
    this.version = version;
    if (dir) mkdirSync(dir, { recursive: true });
  }

  /** The key of a work's PDF from everything it is made from (strings and file contents, in order). */
  key(parts: (string | Buffer)[]): string {
    const hash = createHash('sha256').update(this.version);
    for (const p of parts) hash.update('\0').update(String(p.length)).update('\0').update(p);
    return hash.digest('hex').slice(0, 40);
  }

  get(key: string): { bytes: Buffer; facts: PdfFacts } | undefined {
    if (!this.dir) return undefined;
    const pdf = join(this.dir, `${key}.pdf`);
    const json = join(this.dir, `${key}.json`);
    if (!existsSync(pdf) || !existsSync(json)) return undefined;
    this.used.add(key);
    this.reused++;
    return { bytes: readFileSync(pdf), facts: JSON.parse(readFileSync(json, 'utf8')) as PdfFacts };
  }

  put(key: string, bytes: Buffer, facts: PdfFacts): void {
    if (!this.dir) return;
    this.used.add(key);
    writeFileSync(join(this.dir, `${key}.pdf`), bytes);
    writeFileSync(join(this.dir, `${key}.json`), JSON.stringify(facts));
  }

  /**
   * Removes what this build did not use (a work removed or changed), so the cache never outgrows the
   * library: the keys this object used, or `used` (the keys of every work, gathered from the threads).
   */
  prune(used: Iterable<string> = this.used): void {
    if (!this.dir) return;
    const keep = new Set(used);
    for (const f of readdirSync(this.dir)) if (!keep.has(f.replace(/\.(pdf|json)$/, ''))) rmSync(join(this.dir, f), { force: true });
  }
}
