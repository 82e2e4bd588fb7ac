// The record of corrections (src/corrections/): what a record file must hold, and each problem named
// by file, line and fix; the word difference; how a lost paragraph finds the one that replaced it;
// where a paragraph starts in its chapter file; the successors the record gives the old links.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffHtml, diffText, wordDiff } from '../../src/corrections/diff.ts';
import { draftYaml, lineOfParagraph, matchLost } from '../../src/corrections/draft.ts';
import { isDay, newestFirst, parseCorrections, successors, TO_COMPLETE } from '../../src/corrections/record.ts';
import { paragraphTexts } from '../../src/corrections/texts.ts';
import { loadMovedIds } from '../../src/links/moved-ids.ts';
import { paragraphId } from '../../src/markdown/rehype-paragraph-anchors.ts';
import { CHAPTERS_DIR, correctionsFile, MOVED_FILE } from '../../src/paths.ts';

const WORK = 'karya-contoh';
const FILE = correctionsFile(WORK);
const PAGE = `/${WORK}/bab-1-pendahuluan/`;
const BEFORE = 'Paragraf kedua mengutip rujukan lain yang dicetak.';
const AFTER = 'Paragraf kedua mengutip rujukan berbeda yang dicetak.';
const entry = (fields: Partial<Record<string, string>> = {}) => {
  const f = {
    date: '2026-12-06',
    reason: 'Salah ketik.',
    page: PAGE,
    from: paragraphId(BEFORE),
    to: paragraphId(AFTER),
    before: BEFORE,
    after: AFTER,
    ...fields,
  };
  return `- ${Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n  ')}\n`;
};
const HEAD = '# a comment\n';
const problem = (text: string) => {
  try {
    parseCorrections(text, WORK);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

describe('a record file', () => {
  it('reads an entry with its date, reason, page, ids and words, and where it is written', () => {
    const [c] = parseCorrections(HEAD + entry(), WORK);
    expect(c).toEqual({
      date: '2026-12-06',
      reason: 'Salah ketik.',
      page: PAGE,
      from: paragraphId(BEFORE),
      to: paragraphId(AFTER),
      before: BEFORE,
      after: AFTER,
      file: FILE,
      line: 2,
    });
  });

  it('may be empty (a comment only)', () => {
    expect(parseCorrections(HEAD, WORK)).toEqual([]);
  });

  it.each([
    ['not YAML', `${HEAD}- date: [2026\n`, /:3: not valid YAML/],
    ['not a list', `${HEAD}date: 2026-12-06\n`, /:2: must be a list of corrections/],
    ['a missing date', HEAD + entry({ date: undefined }), /:2: "date" is missing or empty: write the day of the correction as YYYY-MM-DD/],
    ['the draft’s placeholder left', HEAD + entry({ reason: TO_COMPLETE }), /:3: "reason" is still the draft's "ISI": say what was wrong/],
    ['a day that does not exist', HEAD + entry({ date: '2026-02-30' }), /:2: "2026-02-30" is no date/],
    ['a page of another work', HEAD + entry({ page: '/karya-lain/bab-1/' }), /:4: "\/karya-lain\/bab-1\/" is no chapter of karya-contoh/],
    ['an id that is no paragraph’s', HEAD + entry({ from: '1-1-latar-belakang' }), /:5: "1-1-latar-belakang" is no paragraph id/],
    ['words that are not the old id’s', HEAD + entry({ before: 'Paragraf lain.' }), /:7: "before" is not the text of p-[0-9a-f]{8} \(its words make p-/],
    ['words that are not the new id’s', HEAD + entry({ after: BEFORE }), /:8: "after" is not the text of p-/],
    ['an unknown field', `${HEAD}${entry()}  kata: x\n`, /:2: unknown field "kata"/],
    ['the same id corrected twice', HEAD + entry() + entry(), /:12: p-[0-9a-f]{8} is corrected twice \(also at line 2\)/],
  ])('stops on %s, naming the file and line and what to do', (_name, text, message) => {
    const m = problem(text);
    expect(m.startsWith(`${FILE}:`), m).toBe(true);
    expect(m).toMatch(message);
  });

  it('checks that the page is a chapter of the work when it knows the project', () => {
    const root = mkdtempSync(join(tmpdir(), 'rbntt-corrections-'));
    try {
      expect(() => parseCorrections(HEAD + entry(), WORK, FILE, root)).toThrow(
        `${FILE}:4: ${PAGE} has no chapter file ${CHAPTERS_DIR}/${WORK}/bab-1-pendahuluan.mdx`,
      );
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('a second copy of a paragraph in one chapter (-2) is checked by the words of its id', () => {
    expect(parseCorrections(HEAD + entry({ to: `${paragraphId(AFTER)}-2` }), WORK)[0]!.to).toBe(`${paragraphId(AFTER)}-2`);
    // An id of digits only is not taken for a copy's suffix.
    expect(problem(HEAD + entry({ to: 'p-12345678' }))).toMatch(/"after" is not the text of p-12345678/);
  });
});

describe('days and order', () => {
  it('a day is YYYY-MM-DD and exists', () => {
    expect(isDay('2026-12-06')).toBe(true);
    expect(isDay('2026-2-6')).toBe(false);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2024-02-29')).toBe(true);
  });

  it('newest first, and a paragraph corrected twice sends its first old id to its id now', () => {
    const base = { reason: 'r', page: PAGE, before: '', after: '', file: FILE };
    const list = [
      { ...base, date: '2026-01-02', from: 'p-aaaaaaaa', to: 'p-bbbbbbbb', line: 2 },
      { ...base, date: '2026-03-01', from: 'p-bbbbbbbb', to: 'p-cccccccc', line: 10 },
    ];
    expect(newestFirst(list).map((c) => c.date)).toEqual(['2026-03-01', '2026-01-02']);
    const now = successors(list);
    expect(now.get(`${PAGE}#p-aaaaaaaa`)?.now).toBe('p-cccccccc');
    expect(now.get(`${PAGE}#p-bbbbbbbb`)?.now).toBe('p-cccccccc');
  });
});

describe('the word difference', () => {
  const parts = wordDiff(BEFORE, AFTER);

  it('keeps the words that stayed and marks the one deleted and the one inserted', () => {
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'del', text: 'lain' },
      { kind: 'ins', text: 'berbeda' },
    ]);
    expect(diffText(parts)).toBe('Paragraf kedua mengutip rujukan [-lain-]{+berbeda+} yang dicetak.');
  });

  it('as HTML: <del> and <ins>, each saying in words what it is, the text escaped', () => {
    const html = diffHtml(wordDiff('a < b', 'a > b'), { deleted: 'dihapus:', inserted: 'ditambahkan:', end: 'akhir perubahan' });
    expect(html).toBe(
      'a <del><span class="visually-hidden">[dihapus: </span>&lt;<span class="visually-hidden"> akhir perubahan]</span></del>' +
        '<ins><span class="visually-hidden">[ditambahkan: </span>&gt;<span class="visually-hidden"> akhir perubahan]</span></ins> b',
    );
  });
});

describe('drafting an entry', () => {
  const texts: Record<string, string> = { 'p-new1': AFTER, 'p-new2': 'Paragraf baru yang lain sama sekali.' };

  it('pairs a lost paragraph with the new one sharing most of its words', () => {
    const lost = [{ page: PAGE, id: paragraphId(BEFORE), candidates: ['p-new2', 'p-new1'] }];
    expect(
      matchLost(
        lost,
        () => BEFORE,
        () => texts,
      ),
    ).toEqual([{ page: PAGE, from: paragraphId(BEFORE), to: 'p-new1', before: BEFORE, after: AFTER }]);
  });

  it('leaves out an id whose published words are unknown, or with no paragraph sharing half its words', () => {
    const lost = [{ page: PAGE, id: 'p-0ld0ld00', candidates: ['p-new2'] }];
    expect(
      matchLost(
        lost,
        () => undefined,
        () => texts,
      ),
    ).toEqual([]);
    expect(
      matchLost(
        lost,
        () => BEFORE,
        () => texts,
      ),
    ).toEqual([]);
  });

  it('writes YAML that reads back, with the date and reason left to complete', () => {
    const yaml = draftYaml([{ page: PAGE, from: paragraphId(BEFORE), to: paragraphId(AFTER), before: BEFORE, after: AFTER }]);
    expect(problem(yaml)).toMatch(`${FILE}:1: "date" is still the draft's "ISI"`);
    const done = yaml.replace(`date: ${TO_COMPLETE}`, 'date: 2026-12-06').replace(`reason: ${TO_COMPLETE}`, 'reason: Salah ketik.');
    expect(parseCorrections(done, WORK)[0]!.after).toBe(AFTER);
  });

  it('finds the line where a paragraph starts in its chapter file, Markdown marks aside', () => {
    const mdx = '---\ntitle: x\n---\n## 1.1. Latar\n\nParagraf pertama.\n\nParagraf *kedua* mengutip [(Goma, 2020)](@goma2020) lagi.\n';
    expect(lineOfParagraph(mdx, 'Paragraf kedua mengutip (Goma, 2020) lagi.')).toBe(8);
    expect(lineOfParagraph(mdx, 'Tidak ada.')).toBeUndefined();
  });

  it('reads the words of a built page’s paragraphs without their marks, only where they make the id', () => {
    const id = paragraphId(AFTER);
    const html =
      `<main><p id="${id}" data-para="2"><span id="p-aaaaaaaa" class="moved-anchor" data-moved-to="${id}"></span>` +
      `<a class="self-link para-anchor" href="#${id}" data-mark="¶ 2"></a>Paragraf kedua mengutip rujukan <em>berbeda</em> yang dicetak.` +
      `<a class="correction-mark" href="../riwayat-koreksi/#koreksi-p-aaaaaaaa" data-mark="dikoreksi"></a></p>` +
      `<p id="p-12345678">Tidak cocok.</p></main>`;
    expect(paragraphTexts(html)).toEqual({ [id]: AFTER });
  });
});

describe('the successors a record gives', () => {
  const root = mkdtempSync(join(tmpdir(), 'rbntt-corrections-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, CHAPTERS_DIR, WORK), { recursive: true });
  writeFileSync(join(root, CHAPTERS_DIR, WORK, 'bab-1-pendahuluan.mdx'), '');
  mkdirSync(join(root, 'content/corrections'), { recursive: true });
  mkdirSync(join(root, 'content/links'), { recursive: true });
  writeFileSync(join(root, FILE), HEAD + entry());

  it('each corrected old id is moved to its paragraph now, beside the moved ids of moved-ids.yaml', () => {
    writeFileSync(join(root, MOVED_FILE), `${PAGE}:\n  p-bbbbbbbb: p-cccccccc\n`);
    expect(loadMovedIds(root)[PAGE]).toEqual({ 'p-bbbbbbbb': 'p-cccccccc', [paragraphId(BEFORE)]: paragraphId(AFTER) });
  });

  it('an old id with a successor in both files stops the build naming the entry', () => {
    writeFileSync(join(root, MOVED_FILE), `${PAGE}:\n  ${paragraphId(BEFORE)}: p-cccccccc\n`);
    expect(() => loadMovedIds(root)).toThrow(`${FILE}:2: ${PAGE}#${paragraphId(BEFORE)} also has a successor in ${MOVED_FILE}`);
  });
});
