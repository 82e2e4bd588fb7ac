// Renders the short Markdown of work metadata (abstract paragraphs with *emphasis*) with Astro's
// own unified processor, so metadata and chapters are formatted by the same rules.
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { registerCache } from '../build/cache.ts';

let processor: Promise<MarkdownRenderer> | undefined;
registerCache('src/markdown/metadata-markdown.ts: the Markdown processor of work metadata', 'build', 'its options (code)', () => (processor = undefined));

export async function renderMarkdown(markdown: string): Promise<string> {
  processor ??= createMarkdownProcessor({ smartypants: false, gfm: false, syntaxHighlight: false });
  const { code } = await (await processor).render(markdown);
  return code;
}
