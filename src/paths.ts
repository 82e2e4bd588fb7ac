// Where things live in the project, each path once, relative to the project root; and the one way
// to find that root. No imports: plain Node (the fast checks, scripts, tests) and the Astro build
// both use it.

/**
 * The project root. Astro, the npm scripts and vitest all run in it, and the code Vite bundles for
 * the build cannot find it from its own file (the bundle lives in the build folder), so it is the
 * working directory. Build steps that Astro hands a `config.root` (a fixture build) use that. The
 * scripts, the benches, measure/ and the tests import it too; two files find the root from their
 * own place instead: astro.config.mjs (Astro's own config, also copied into fixture builds) and
 * scripts/checks/launch.mjs (it must run on Node 20, which cannot import TypeScript).
 */
export const ROOT = process.cwd();

export const CONTENT_DIR = 'content';
/** A work's metadata: content/works/<work>.yaml. */
export const WORKS_DIR = 'content/works';
/** A work's chapters: content/chapters/<work>/<chapter>.mdx (the file name is the chapter's URL). */
export const CHAPTERS_DIR = 'content/chapters';
/** The works' statistics: content/data/<id>.csv and <id>.yaml, comparisons.yaml. */
export const DATA_DIR = 'content/data';
/** The source texts the fidelity test reads (a work's `sourceFile`), and what the site leaves out of them. */
export const SOURCES_DIR = 'content/sources';
export const EXCLUSIONS_FILE = 'content/sources/exclusions.yaml';
/** Every reference of the works, once (CSL-JSON). */
export const BIBLIOGRAPHY_FILE = 'content/bibliography.json';
/** The ids the site has published, and the successors of those that were retired (src/links/). */
export const LEDGER_FILE = 'content/links/published-ids.json';
export const MOVED_FILE = 'content/links/moved-ids.yaml';
/** The words of each published paragraph, kept at publishing so a correction's draft can show what it replaced. */
export const PUBLISHED_TEXTS_FILE = 'content/links/published-texts.json';
/** The public record of corrections to a work's text: content/corrections/<work>.yaml (src/corrections/). */
export const CORRECTIONS_DIR = 'content/corrections';
export const correctionsFile = (work: string) => `${CORRECTIONS_DIR}/${work}.yaml`;
/** The CSL styles and locales (src/bibliography/csl/README.md has their licence). */
export const CSL_DIR = 'src/bibliography/csl';

export const workFile = (work: string) => `${WORKS_DIR}/${work}.yaml`;
export const chapterFile = (work: string, chapter: string) => `${CHAPTERS_DIR}/${work}/${chapter}.mdx`;
