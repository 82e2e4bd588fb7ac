// Personal data in the sources (phone, address, private e-mail, birth date, parents' names) never
// reaches the published site, nor the repository's copies of the sources.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../support/privacy.ts';
import { CONTENT, DIST } from '../support/site.ts';

function filesUnder(dir: string, exts: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, exts) : exts.test(f) ? [p] : [];
  });
}

describe('personal data', () => {
  it('the detector fires on the canary, a phone number and an e-mail address', () => {
    expect(findPersonalData('… kanari data pribadi uji …')).toEqual(['canary']);
    expect(findPersonalData('hubungi 0812-3456-7890')).toEqual(['phone-like number "0812-3456-7890"']);
    expect(findPersonalData('surel: nama@contoh.id')).toEqual(['e-mail address "nama@contoh.id"']);
    expect(findPersonalData('Tabel 1.1 jumlah korban 2018–2023: 22,61 dan 081 orang')).toEqual([]);
  });

  it('is absent from every built file', () => {
    const files = filesUnder(DIST, /\.(html|xml|json|txt|js|css|csv|bib|ris|webmanifest)$/);
    expect(files.length).toBeGreaterThan(5);
    const leaks = files.flatMap((f) => findPersonalData(readFileSync(f, 'utf8')).map((what) => `${f}: ${what}`));
    expect(leaks).toEqual([]);
  });

  it('is absent from the content, including the kept copies of the sources', () => {
    const files = filesUnder(CONTENT, /\.(mdx|yaml|txt|csv|json|bib)$/);
    const leaks = files.flatMap((f) => findPersonalData(readFileSync(f, 'utf8')).map((what) => `${f}: ${what}`));
    expect(leaks).toEqual([]);
  });
});
