// Runs the content checks (src/checks/content.ts) when Astro syncs the works collection, before any
// page or MDX file is compiled: `astro build` stops on the first sync with every problem listed,
// unknown citation keys included (one block with the fix, before a chapter's compile would stop).
// In `astro dev` the problems are logged here and thrown again by each page render (devCheck), so
// the browser overlay shows them and the server keeps running while the librarian fixes the file.
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readDataDir } from '../data/read.ts';
import { contentStamp, registerCache } from '../build/cache.ts';
import { checkContent, ContentCheckError } from './content.ts';

export function checked(inner: Loader): Loader {
  return {
    ...inner,
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const problems = checkContent(root, { citationKeys: true });
      if (problems.length) {
        const error = new ContentCheckError(problems, root);
        if (!ctx.watcher) throw error;
        ctx.logger.error(error.message);
      }
      await inner.load(ctx);
    },
  };
}

let checkedStamp: string | undefined;
registerCache(
  'src/checks/loader.ts: the content stamp the dev checks last passed',
  'pages',
  'every file of the content folder (dev only)',
  () => (checkedStamp = undefined),
);

/**
 * In `astro dev`: the content and data checks again, thrown so that the page shows them. A page
 * calls this several times; the checks run again only after a file under content/ changed.
 */
export function devCheck(root: string): void {
  const now = contentStamp(root);
  if (now === checkedStamp) return;
  const problems = checkContent(root, { citationKeys: true });
  if (problems.length) throw new ContentCheckError(problems, root);
  readDataDir(root);
  checkedStamp = now;
}
