// When a page's sources last changed, from git history: the sitemap's <lastmod>. The date is the
// committer date of the last commit that touched one of the page's files under content/ (the
// content's own history, not the build time, so an unchanged page keeps its date across builds).
// A file git does not track yet (a librarian's new work before its first commit) is dated by the
// file's own modification time, so a draft builds and checks the same committed or not. Without git
// or outside a repository there is no date, and the sitemap leaves <lastmod> out rather than guess
// (a copied or unpacked tree's file times are the time of the copy).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR, ROOT } from '../paths.ts';
import { registerCache } from '../build/cache.ts';

let history: Map<string, string> | undefined;
let repository = false;
registerCache(
  "src/metadata/lastmod.ts: content/'s git history",
  'pages',
  'git log of content/ (read once per process: in dev a new commit shows after a restart; a file git does not track is dated by its own modification time, read each time)',
  () => {
    history = undefined;
    repository = false;
  },
);

/** A file's own modification time, as git writes dates (ISO 8601, seconds, "+00:00"). */
export function fileDate(file: string): string | undefined {
  const path = join(ROOT, file);
  if (!existsSync(path)) return undefined;
  return new Date(Math.floor(statSync(path).mtimeMs / 1000) * 1000).toISOString().replace(/\.000Z$/, '+00:00');
}

/** content/ path (relative to the project root) → ISO 8601 date of the last commit touching it. */
function contentHistory(): Map<string, string> {
  if (history) return history;
  history = new Map();
  try {
    // One pass over the history, newest first: the first date a file appears with is its last change.
    const log = execFileSync('git', ['log', '--relative', '--format=@%cI', '--name-only', '--', CONTENT_DIR], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    repository = true;
    let date = '';
    for (const line of log.split('\n')) {
      if (line.startsWith('@')) date = line.slice(1).trim();
      else if (line.trim() && date && !history.has(line.trim())) history.set(line.trim(), date);
    }
  } catch {
    // No git, not a repository, or no history: no dates.
  }
  return history;
}

/** The latest last-change date of these files (paths from the project root; an untracked file by its own date), or undefined. */
export function lastModified(files: string[]): string | undefined {
  const h = contentHistory();
  let best: string | undefined;
  for (const f of files) {
    const d = h.get(f) ?? (repository ? fileDate(f) : undefined);
    if (d && (!best || Date.parse(d) > Date.parse(best))) best = d;
  }
  return best;
}

/** Every tracked file under a folder of content/ (e.g. "content/chapters/<work>/"). */
export function filesUnder(prefix: string): string[] {
  return [...contentHistory().keys()].filter((f) => f.startsWith(prefix));
}
