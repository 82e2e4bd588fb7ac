// The librarians' guide (docs/panduan-pustakawan.md, and its English copy docs/librarian-guide.md)
// names only what exists: npm scripts and their options, files and folders, the fields of a work,
// a chapter, a dataset, a bibliography entry and an exclusion; and its YAML examples parse. Fields
// are read from the schemas themselves, so a field renamed in code fails here until the guide says so.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { chapterSchema, workSchema } from '../../src/checks/schema.ts';
import { datasetMeta } from '../../src/data/schema.ts';
import { entrySchema } from '../../src/bibliography/library.ts';
import { CORRECTION_FIELDS } from '../../src/corrections/record.ts';
import { ROOT } from '../support/site.ts';

const GUIDES = ['docs/panduan-pustakawan.md', 'docs/librarian-guide.md'];
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Every key of an object schema, nested objects, arrays and records included. */
function schemaKeys(schema: unknown, out = new Set<string>()): Set<string> {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  if (!def) return out;
  const walk = (s: unknown) => schemaKeys(s, out);
  if (def.type === 'object')
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
      out.add(k);
      walk(v);
    }
  else if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type as string)) walk(def.innerType);
  else if (def.type === 'pipe') {
    walk(def.in);
    walk(def.out);
  } else if (def.type === 'array') walk(def.element);
  else if (def.type === 'record') walk(def.valueType);
  else if (def.type === 'union') (def.options as unknown[]).forEach(walk);
  return out;
}
/** Every key used in a YAML document. */
function yamlKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => yamlKeys(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      yamlKeys(v, out);
    }
  return out;
}

const fields = new Set([
  ...schemaKeys(workSchema),
  ...schemaKeys(chapterSchema(z.string())),
  ...schemaKeys(datasetMeta),
  ...schemaKeys(entrySchema),
  // A correction's record entry (content/corrections/<work>.yaml).
  ...CORRECTION_FIELDS,
  // The exclusion list's fields, as content/ uses them.
  ...yamlKeys(parse(readFileSync(join(ROOT, 'content/sources/exclusions.yaml'), 'utf8'))),
]);
const customFields = schemaKeys(customSchema());
/** The schema of an entry's `custom` (under the entry schema's refinements). */
function customSchema(): unknown {
  let s = entrySchema as unknown as { _zod: { def: Record<string, unknown> } };
  while (s._zod.def.type !== 'object') s = (s._zod.def.in ?? s._zod.def.innerType) as typeof s;
  return (s._zod.def.shape as Record<string, unknown>).custom;
}

describe.each(GUIDES)('%s', (file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const code = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const blocks = [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));

  it('names only npm scripts that exist, with options their scripts read', () => {
    const commands = [...text.matchAll(/npm run ([\w:-]+)(?: -- ([^`\n]*))?/g)];
    expect(commands.length).toBeGreaterThan(5);
    for (const [, name, rest] of commands) {
      expect(Object.keys(scripts), `npm run ${name}`).toContain(name);
      const script = /node (scripts\/\S+)/.exec(scripts[name!]!)?.[1];
      for (const option of (rest ?? '').match(/--[\w-]+/g) ?? []) {
        expect(readFileSync(join(ROOT, script!), 'utf8'), `${script} reads ${option}`).toContain(`'${option}'`);
      }
    }
  });

  it('names only files and folders that exist (an example name: its folder)', () => {
    for (const c of code.filter((c) => /^(content|src|scripts|tests|docs|measure)\//.test(c))) {
      // An example slug or number ("nama-2025", "NNN", "<file>") stands for a file to be made: its folder must exist.
      const path = c.split(/nama-2025|NNN|</)[0]!.replace(/[^/]*$/, '');
      expect(existsSync(join(ROOT, c.includes('nama-2025') || c.includes('NNN') || c.includes('<') ? path : c)), c).toBe(true);
    }
  });

  it('names only fields the content model has', () => {
    // `fix:` is the label of an error's fix line, not a field.
    const named = code.flatMap((c) => /^([a-zA-Z][\w]*):(\s|$)/.exec(c)?.[1] ?? []).filter((f) => f !== 'fix');
    expect(named.length).toBeGreaterThan(20);
    for (const f of named) expect(fields.has(f), `field "${f}:"`).toBe(true);
    for (const c of code) for (const m of c.matchAll(/\bcustom\.(\w+)/g)) expect(customFields.has(m[1]!), `custom.${m[1]}`).toBe(true);
  });

  it('gives YAML examples that parse, with fields the content model has', () => {
    const yamls = blocks.filter((b) => b.lang === 'yaml');
    expect(yamls.length).toBeGreaterThan(1);
    for (const b of yamls) {
      const doc = parse(b.body) as unknown;
      for (const k of yamlKeys(doc)) if (!k.startsWith('/') && !k.startsWith('p-')) expect(fields.has(k), `field "${k}" in ${b.body}`).toBe(true);
    }
    // A chapter's front matter as the guide writes it is a valid chapter.
    const fm = blocks.map((b) => /^---\n([\s\S]*?)\n---/.exec(b.body)?.[1]).find(Boolean);
    expect(chapterSchema(z.string()).safeParse(parse(fm!)).success).toBe(true);
  });

  it('writes citations as printed links, never in the generated form', () => {
    expect(text).toMatch(/\(\[[^\]]+\]\(@[a-z0-9]+\)\)/);
    for (const b of blocks.filter((b) => b.lang === 'md')) expect(b.body).not.toMatch(/(?<!`)\[-?@[a-z0-9]/);
  });
});
