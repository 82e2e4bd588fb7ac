// The data as one package: dist/data/datapackage.json is a valid Frictionless Data Package 2.0
// (ajv against the profile's published JSON Schema, tests/support/profiles/), describes every CSV
// of content/data/ with a Table Schema its rows satisfy, names the printed source and the work, and
// dist/data/data-ntt.zip holds the same descriptor and every CSV byte for byte; /data/ links both.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { findElements, textOf } from '../../src/markdown/hast.ts';
import { en as enText } from '../../src/i18n/en.ts';
import { id as idText } from '../../src/i18n/id.ts';
import { findPersonalData } from '../support/privacy.ts';
import { CONTENT, DIST, readBuilt } from '../support/site.ts';

const DATA = join(CONTENT, 'data');
const ids = readdirSync(DATA)
  .filter((f) => f.endsWith('.yaml') && f !== 'comparisons.yaml')
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();
const descriptorText = readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8');
const descriptor = JSON.parse(descriptorText);
const profile = JSON.parse(readFileSync(new URL('../support/profiles/datapackage-2.0.json', import.meta.url), 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // The profile's own annotation for long text fields (an editor hint, no constraint).
  ajv.addFormat('textarea', true);
  return ajv.compile(profile);
}

interface Field {
  name: string;
  type: string;
  title?: string;
  description?: string;
  constraints?: { required?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  title: string;
  sources: { title: string; path?: string }[];
  schema: { fields: Field[]; primaryKey: string[]; missingValues: string[] };
}

describe('datapackage.json', () => {
  it('is valid against the Data Package 2.0 profile', () => {
    const validate = validator();
    const ok = validate(descriptor);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
    expect(descriptor.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
  });

  it('is refused by the same validator when it breaks the profile (so the check can fail)', () => {
    const validate = validator();
    const broken = structuredClone(descriptor);
    delete broken.resources[0].path;
    broken.resources[1].schema.fields[0].type = 'nonsense';
    broken.resources[2].sources = 'nowhere';
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.length).toBeGreaterThanOrEqual(3);
  });

  it('has one resource per CSV of content/data/, with its title, path, size and hash', () => {
    const resources = descriptor.resources as Resource[];
    expect(resources.map((r) => r.name).sort()).toEqual(ids);
    for (const r of resources) {
      const meta = parse(readFileSync(join(DATA, `${r.name}.yaml`), 'utf8'));
      const csv = readFileSync(join(DATA, `${r.name}.csv`));
      expect(r.path).toBe(`${r.name}.csv`);
      expect(readFileSync(join(DIST, 'data', r.path)).equals(csv), r.path).toBe(true);
      expect(r.bytes).toBe(csv.length);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(csv).digest('hex')}`);
      expect(r.title).toBe(meta.title.id);
    }
  });

  it('gives each resource a Table Schema that its rows satisfy, with the unit on the value field', () => {
    for (const r of descriptor.resources as Resource[]) {
      const meta = parse(readFileSync(join(DATA, `${r.name}.yaml`), 'utf8'));
      const [header, ...rows] = parseCsv(readFileSync(join(DATA, `${r.name}.csv`), 'utf8'));
      const fields = r.schema.fields;
      expect(header!.fields, r.name).toEqual(fields.map((f) => f.name));
      for (const f of fields) expect(f.title, `${r.name}.${f.name}`).toBeTruthy();
      const value = fields.find((f) => f.name === 'value')!;
      expect(value.type).toBe('number');
      expect(value.description).toContain(meta.unit.id);
      expect(value.description).toContain(meta.unit.en);
      const keys = new Set<string>();
      for (const { line, fields: cells } of rows) {
        const at = `${r.name}.csv:${line}`;
        fields.forEach((f, i) => {
          const cell = cells[i]!;
          if (r.schema.missingValues.includes(cell)) {
            expect(f.constraints?.required, `${at}: ${f.name} is required`).not.toBe(true);
            return;
          }
          if (f.type === 'year') expect(cell, at).toMatch(/^\d{4}$/);
          if (f.type === 'number') expect(Number.isFinite(Number(cell)) && /^-?\d+(\.\d+)?$/.test(cell), `${at}: ${cell}`).toBe(true);
          if (f.constraints?.enum) expect(f.constraints.enum, at).toContain(cell);
        });
        const key = r.schema.primaryKey.map((k) => cells[fields.findIndex((f) => f.name === k)]).join('|');
        expect(keys.has(key), `${at}: primary key ${key} twice`).toBe(false);
        keys.add(key);
      }
    }
  });

  it('names as sources the printed source (with its bibliography entry where known) and the work', () => {
    const bibliography = readBuilt('/daftar-pustaka/');
    for (const r of descriptor.resources as Resource[]) {
      const meta = parse(readFileSync(join(DATA, `${r.name}.yaml`), 'utf8'));
      const [printed, work] = r.sources;
      expect(printed!.title.startsWith(meta.source.printed), r.name).toBe(true);
      if (meta.source.bibKey) {
        expect(printed!.path).toMatch(new RegExp(`/daftar-pustaka/#${meta.source.bibKey}$`));
        expect(bibliography).toContain(`id="${meta.source.bibKey}"`);
      } else expect(printed!.path).toBeUndefined();
      expect(work!.path).toMatch(new RegExp(`/${meta.work}/${meta.chapter}/$`));
      const workMeta = parse(readFileSync(join(CONTENT, 'works', `${meta.work}.yaml`), 'utf8'));
      expect(work!.title).toContain(workMeta.title[workMeta.language]);
    }
  });

  it("cites the work as the Indonesian cite panel of the work's page does (APA in the Indonesian locale)", () => {
    for (const r of descriptor.resources as Resource[]) {
      const meta = parse(readFileSync(join(DATA, `${r.name}.yaml`), 'utf8'));
      const panel = fromHtml(readBuilt(`/${meta.work}/`));
      // The panel's APA citation as its copy button copies it: its text.
      const apa = findElements(panel, (el) => el.properties.id === 'kutip-apa')[0];
      expect(apa, `${meta.work}: the cite panel's APA citation`).toBeDefined();
      // The work itself, or a table of it ("Tabel 1, " and the work's citation).
      const citation = textOf(apa!);
      const title = r.sources[1]!.title;
      expect(title === citation || title.endsWith(`, ${citation}`), `${r.name}: ${title}`).toBe(true);
    }
  });

  it('states no licence, since no work or source gives one', () => {
    expect(descriptor.licenses).toBeUndefined();
    for (const r of descriptor.resources) expect(r.licenses).toBeUndefined();
  });
});

describe('data-ntt.zip', () => {
  it('holds the descriptor and every CSV, byte for byte', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(DIST, 'data', 'data-ntt.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(['datapackage.json', ...ids.map((id) => `${id}.csv`)].sort());
    expect(await zip.file('datapackage.json')!.async('string')).toBe(descriptorText);
    for (const id of ids) expect(await zip.file(`${id}.csv`)!.async('string'), id).toBe(readFileSync(join(DATA, `${id}.csv`), 'utf8'));
    const leaks: string[] = [];
    for (const name of Object.keys(zip.files)) for (const what of findPersonalData(await zip.file(name)!.async('string'))) leaks.push(`${name}: ${what}`);
    expect(leaks, 'personal data').toEqual([]);
  });

  it('is linked from /data/ and /en/data/ with its size, beside the descriptor', () => {
    const kb = Math.max(1, Math.round(statSync(join(DIST, 'data', 'data-ntt.zip')).size / 1024));
    for (const page of ['/data/', '/en/data/']) {
      const html = readBuilt(page);
      const link = /<a href="\/data\/data-ntt\.zip" download>([^<]*)<\/a>/.exec(html)?.[1];
      expect(link, page).toBe((page === '/data/' ? idText : enText).data.packageZip(kb));
      expect(html, page).toContain('href="/data/datapackage.json"');
    }
  });
});
