// Astro content loaders for content/data/: the `datasets` and `comparisons` collections. Both read
// the folder with readDataDir, which stops the build naming file, line and problem.
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { DATA_DIR } from '../paths.ts';
import { readDataDir, type DataDir } from './read.ts';

function dataLoader(name: string, sync: (data: DataDir, ctx: LoaderContext) => Promise<void>): Loader {
  return {
    name,
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const run = async () => {
        const data = readDataDir(root);
        ctx.store.clear();
        await sync(data, ctx);
      };
      await run();
      // In `astro dev`, editing a data file reloads the collection.
      ctx.watcher?.add(`${root}${DATA_DIR}`);
      ctx.watcher?.on('all', (_event, path) => {
        if (path.includes(`/${DATA_DIR}/`)) run().catch((e: Error) => ctx.logger.error(e.message));
      });
    },
  };
}

export const datasetsLoader = () =>
  dataLoader('ruang-baca:datasets', async ({ datasets }, context) => {
    for (const { id, metaFile, ...rest } of datasets) {
      const data = await context.parseData({ id, data: rest, filePath: metaFile });
      context.store.set({ id, data, filePath: metaFile });
    }
  });

export const comparisonsLoader = () =>
  dataLoader('ruang-baca:comparisons', async ({ comparisons }, context) => {
    for (const [order, c] of comparisons.entries()) {
      context.store.set({ id: c.id, data: await context.parseData({ id: c.id, data: { ...c, order }, filePath: `${DATA_DIR}/comparisons.yaml` }) });
    }
  });
