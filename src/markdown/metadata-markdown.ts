// Renders the short Markdown of work metadata (abstract paragraphs with *emphasis*) with Astro's
// own unified processor, so metadata and chapters are formatted by the same rules.
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';

let processor: Promise<MarkdownRenderer> | undefined;

export async function renderMarkdown(markdown: string): Promise<string> {
  processor ??= createMarkdownProcessor({ smartypants: false, gfm: false, syntaxHighlight: false });
  const { code } = await (await processor).render(markdown);
  return code;
}
