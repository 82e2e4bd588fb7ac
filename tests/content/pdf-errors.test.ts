// Bad input to the PDF: a chapter with something the PDF cannot typeset stops the build naming the
// built page and the chapter's file (never a silently missing paragraph). Run on a copy of one
// work's built pages with a <video> put into a chapter's text.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterPaths, readPage, readWorks } from '../../src/book/pages.ts';
import { typstSource } from '../../src/pdf/document.ts';
import { ROOT } from '../../src/paths.ts';
import { DIST } from '../support/site.ts';

describe('a chapter the PDF cannot typeset', () => {
  it('stops the build naming the page and the chapter file', () => {
    const work = readWorks(ROOT).at(-1)!;
    const dist = mkdtempSync(join(tmpdir(), 'pdf-errors-'));
    try {
      cpSync(join(DIST, work.slug), join(dist, work.slug), { recursive: true });
      const chapter = chapterPaths(readPage(dist, `/${work.slug}/`), work.slug)[0]!;
      const file = join(dist, chapter, 'index.html');
      const html = readFileSync(file, 'utf8');
      const bad = html.replace(/(<div class="prose[^"]*"[^>]*>)/, '$1<video src="x.mp4"></video>');
      expect(bad).not.toBe(html);
      writeFileSync(file, bad);
      const slug = chapter.replace(/\/$/, '').split('/').pop();
      expect(() => typstSource(dist, work, new URL('https://ruangbaca-ntt.example.org/'))).toThrow(
        `${chapter}index.html (content/chapters/${work.slug}/${slug}.mdx): <video> cannot be typeset in the PDF`,
      );
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
