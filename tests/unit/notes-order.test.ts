// "Catatan saya" lists notes in the library's reading order from the rank each note keeps (its
// work's and chapter's `order` in content/), not from a list of every chapter in the page, which
// grew with the library; the rank survives a Web Annotation export and import.
import { describe, expect, it } from 'vitest';
import { checkNote, fromWebAnnotations, grouped, toCollection, type Note } from '../../src/annotations/model.ts';
import { works } from '../support/site.ts';

const library = works();

function noteOf(work: (typeof library)[number], chapter: (typeof library)[number]['chapters'][number], rank = true): Note {
  return checkNote({
    id: `urn:uuid:${work.slug}-${chapter.slug}`,
    path: `/${work.slug}/${chapter.slug}/`,
    work: work.slug,
    workTitle: work.title,
    chapterTitle: chapter.title,
    quote: { exact: `kutipan ${chapter.slug}` },
    ...(rank ? { rank: [work.order, chapter.order] } : {}),
    created: '2026-12-01T00:00:00.000Z',
  })!;
}

describe('notes in reading order', () => {
  // Every chapter of every work, made in reverse reading order.
  const inOrder = [...library].sort((a, b) => a.order - b.order).map((w) => ({ ...w, chapters: [...w.chapters].sort((a, b) => a.order - b.order) }));
  const notes = inOrder.flatMap((w) => w.chapters.map((c) => noteOf(w, c))).reverse();

  it('are grouped by work in library order and by chapter in the work’s order', () => {
    const groups = grouped(notes);
    expect(groups.map((g) => g.work)).toEqual(inOrder.map((w) => w.slug));
    for (const [i, g] of groups.entries()) expect(g.chapters.map((c) => c.path)).toEqual(inOrder[i]!.chapters.map((c) => `/${inOrder[i]!.slug}/${c.slug}/`));
  });

  it('put notes without a rank (older or imported ones) after the ranked ones', () => {
    const last = inOrder[0]!;
    const unranked = noteOf(last, last.chapters[0]!, false);
    const groups = grouped([unranked, ...notes.filter((n) => n.work !== last.slug)]);
    expect(groups.at(-1)!.work).toBe(last.slug);
  });

  it('keep their rank through a Web Annotation export and import; a bad rank is dropped', () => {
    const back = fromWebAnnotations(JSON.parse(JSON.stringify(toCollection(notes, 'https://example.org', 'Catatan')))).notes;
    expect(back.map((n) => n.rank)).toEqual(notes.map((n) => n.rank));
    expect(checkNote({ ...notes[0], rank: ['1', 2] })!.rank).toBeUndefined();
    expect(checkNote({ ...notes[0], rank: [1, Infinity] })!.rank).toBeUndefined();
  });
});
