// Bad content stops the build with a message naming the file and what is wrong, and no site is written.
import { describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, buildFixture, VALID_CHAPTER, VALID_WORK } from '../support/fixture-build.ts';


const WORK = 'content/works/uji.yaml';
const CHAPTER = 'content/chapters/uji/bab-1-pendahuluan.mdx';

describe('the build stops on bad content', { timeout: BUILD_TIMEOUT }, () => {
  it('builds the valid fixture (so the failures below are caused by the defects alone)', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: VALID_CHAPTER });
    expect(r.output).toContain('/uji/bab-1-pendahuluan/index.html');
    expect(r.status).toBe(0);
  });

  it('names the work file and the field for an invalid value', () => {
    const r = buildFixture({ [WORK]: VALID_WORK.replace('type: skripsi', 'type: novel'), [CHAPTER]: VALID_CHAPTER });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/works/uji.yaml');
    expect(r.output).toMatch(/type: Invalid option/);
    expect(r.dist).toBe('absent');
  });

  it('names the work file and the field for a missing one', () => {
    const r = buildFixture({ [WORK]: VALID_WORK.replace(/^sourceNote:.*\n/m, ''), [CHAPTER]: VALID_CHAPTER });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/works/uji.yaml');
    expect(r.output).toMatch(/sourceNote\W+Required/);
  });

  it('names the chapter file and the field for missing front matter', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: VALID_CHAPTER.replace('order: 1\n', '') });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/chapters/uji/bab-1-pendahuluan.mdx');
    expect(r.output).toMatch(/order\W+Required/);
    expect(r.dist).toBe('absent');
  });

  it('names file and line of front matter that is not valid YAML', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: VALID_CHAPTER.replace('title: Pendahuluan', 'title: "Pendahuluan') });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/content\/chapters\/uji\/bab-1-pendahuluan\.mdx:\d+/);
    expect(r.output).toContain('unexpected end of the stream within a double quoted scalar');
    expect(r.dist).toBe('absent');
  });

  it('names file and line of a work file that is not valid YAML', () => {
    const r = buildFixture({ [WORK]: VALID_WORK.replace('year: 2024', 'year: 2024\n  bad: : ['), [CHAPTER]: VALID_CHAPTER });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/works/uji.yaml:5:');
    expect(r.output).toContain('failed to parse: bad indentation of a mapping entry');
    expect(r.dist).toBe('absent');
  });

  it('names the chapter that points to a missing work', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: VALID_CHAPTER.replace('work: uji', 'work: hilang') });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/chapters/uji/bab-1-pendahuluan.mdx: front matter "work: hilang" names no work');
    expect(r.dist).toBe('absent');
  });

  it('names both chapters that share an order', () => {
    const r = buildFixture({
      [WORK]: VALID_WORK,
      [CHAPTER]: VALID_CHAPTER,
      'content/chapters/uji/bab-2.mdx': VALID_CHAPTER.replace('title: Pendahuluan', 'title: Kedua'),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/content\/chapters\/uji\/bab-(1-pendahuluan|2)\.mdx: "order: 1" is also used by .*content\/chapters\/uji\/bab-(1-pendahuluan|2)\.mdx/);
  });

  it('gives file, line and column for malformed MDX', () => {
    const r = buildFixture({ [WORK]: VALID_WORK, [CHAPTER]: `${VALID_CHAPTER}\nTeks <b>tidak ditutup.\n` });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/chapters/uji/bab-1-pendahuluan.mdx:11:1');
    expect(r.output).toMatch(/Expected a closing tag for `<b>`/);
    expect(r.dist).toBe('absent');
  });
});
