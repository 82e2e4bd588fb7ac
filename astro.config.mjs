// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { fileURLToPath } from 'node:url';
import { rehypeCitations } from './src/markdown/rehype-citations.ts';
import { rehypeSectionAnchors } from './src/markdown/rehype-section-anchors.ts';
import { rehypeScrollableTables } from './src/markdown/rehype-scrollable-tables.ts';
import { t } from './src/i18n/id.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // The one setting for the public address (canonical URLs, sitemap, citation tags).
  site: process.env.SITE_URL ?? 'https://ruangbaca-ntt.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [mdx()],
  markdown: {
    processor: unified({
      // remark-gfm is passed explicitly (tables, footnotes); the built-in copy is off so it runs once.
      gfm: false,
      // Smart quotes would rewrite the authors' punctuation: fidelity first.
      smartypants: false,
      remarkPlugins: [remarkGfm],
      remarkRehype: {
        footnoteLabel: t.footnotes,
        footnoteBackLabel: (/** @type {number} */ i) => t.footnoteBack(i + 1),
      },
      // Citations first: rehype-citation only sees them in running text (p, li, td, ...).
      rehypePlugins: [[rehypeCitations, { root }], rehypeSectionAnchors, rehypeScrollableTables],
    }),
  },
});
