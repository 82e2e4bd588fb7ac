// The content model: works (YAML, one file per work) and chapters (MDX, one folder per work).
// Astro validates every entry against these schemas; a bad field stops the build naming file and field.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { checked } from './checks/loader.ts';
import { chapterSchema, workSchema } from './checks/schema.ts';
import { comparisonsLoader, datasetsLoader } from './data/loader.ts';
import { comparison, dataset } from './data/schema.ts';

const works = defineCollection({
  // checked(): every work and chapter file is checked first (src/checks/content.ts).
  loader: checked(glob({ pattern: '*.yaml', base: './content/works' })),
  schema: workSchema,
});

const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/chapters' }),
  schema: chapterSchema(reference('works')),
});

/** Statistical tables and prose series of the works (content/data/<id>.csv + <id>.yaml). */
const datasets = defineCollection({ loader: datasetsLoader(), schema: dataset });

/** Series from several datasets on one chart (content/data/comparisons.yaml). */
const comparisons = defineCollection({
  loader: comparisonsLoader(),
  // `order`: the position in comparisons.yaml, which is the order on the data page.
  schema: comparison.extend({ order: z.number().int() }),
});

export const collections = { works, chapters, datasets, comparisons };
