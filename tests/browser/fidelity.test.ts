// The works as printed, word for word: what a reader sees of each work in Chromium (the printed
// parts of its work page and of every chapter, innerText, so nothing inside a closed <details>
// counts) against its source in content/sources/, minus the documented exclusions
// (content/sources/exclusions.yaml). Case, punctuation and emphasis count; so does every citation
// and footnote, which must read as the author printed them. Each difference is reported with the
// source line it starts on. There is no threshold: a 300-word work and a 30,000-word one are held
// to the same rule, and headings and labels are compared as the words they are.
import { describe, expect, it } from 'vitest';
import { baseURL, useBrowser } from '../support/browser.ts';
import { compare, report, tokenize, workDifferences } from '../support/printed.ts';
import { works } from '../support/site.ts';

const browser = useBrowser();

describe.each(works().map((w) => [w.slug, w] as const))('%s as printed', (_slug, work) => {
  it('shows every word of its source and nothing else, as printed', async () => {
    const diffs = await workDifferences(browser(), baseURL(), work);
    expect(diffs.words, 'the site shows no printed text of this work').toBeGreaterThan(0);
    expect(report(diffs.body), 'the body text').toEqual([]);
    expect(report(diffs.notes), 'the footnotes').toEqual([]);
  });
});

describe('the comparison', () => {
  // It must fail on what a style engine or an editor would change.
  const src = tokenize('dibentuk (Suwarno et al., 2018, 145-147) dan *labour trafficking*. Ibid. negara-\nnegara', () => 'x:1');
  const changed = (text: string) =>
    compare(
      src,
      tokenize(text, () => 'site'),
    );
  it('finds "et al." turned into "dkk."', () => {
    expect(changed('dibentuk (Suwarno dkk., 2018, 145-147) dan *labour trafficking*. Ibid. negara-negara')).toHaveLength(1);
  });
  it('finds an abbreviated page range', () => {
    expect(changed('dibentuk (Suwarno et al., 2018, 145–47) dan *labour trafficking*. Ibid. negara-negara')).toHaveLength(1);
  });
  it('finds added bold and lost italics', () => {
    expect(changed('dibentuk (Suwarno et al., 2018, 145-147) dan **labour trafficking**. Ibid. negara-negara')).toHaveLength(1);
    expect(changed('dibentuk (Suwarno et al., 2018, 145-147) dan labour trafficking. Ibid. negara-negara')).toHaveLength(1);
  });
  it('finds a dropped "Ibid."', () => {
    expect(changed('dibentuk (Suwarno et al., 2018, 145-147) dan *labour trafficking*. negara-negara')).toHaveLength(1);
  });
  it('takes the cells of a table in reading order, but not a changed word in one', () => {
    const table = tokenize('a\tb c\nd\te', (i) => `t:${i + 1}`);
    const read = tokenize('a d b c e', () => 'site');
    expect(compare(table, read, [[1, 2]])).toEqual([]);
    expect(
      compare(
        table,
        tokenize('a d b C e', () => 'site'),
        [[1, 2]],
      ),
    ).not.toEqual([]);
  });
  it('takes a word broken at a line end for the joined word, and the same words for the same', () => {
    expect(changed('dibentuk (Suwarno et al., 2018, 145-147) dan *labour trafficking*. Ibid. negara-negara')).toEqual([]);
    expect(
      compare(
        tokenize('perda-\ngangan', () => 'x'),
        tokenize('perdagangan', () => 's'),
      ),
    ).toEqual([]);
  });
});
