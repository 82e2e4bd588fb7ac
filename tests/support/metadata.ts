// Reading machine metadata (meta tags, JSON-LD) from built pages, and the works' YAML as the truth
// to compare them with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { findElements } from '../../src/markdown/hast.ts';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { parse } from 'yaml';
import { CONTENT, readBuilt } from './site.ts';

export interface WorkYaml {
  title: Record<string, string>;
  authors: { name: string; affiliation?: string }[];
  type: 'skripsi' | 'journal-article' | 'thesis-chapter';
  institution?: string;
  city?: string;
  year?: number;
  language: string;
  keywords: Record<string, string[]>;
  abstracts: Record<string, string[]>;
  journal?: { name: string; volume: string; issue: string; firstPage: number; lastPage: number; eissn?: string; pissn?: string };
}

export function workYaml(slug: string): WorkYaml {
  return parse(readFileSync(join(CONTENT, 'works', `${slug}.yaml`), 'utf8')) as WorkYaml;
}

/** Every element under `node`, in document order. */
const elements = (node: Root | Element): Element[] => findElements(node, () => true);

export interface PageMeta {
  /** name or property -> every content, in document order. */
  meta: Map<string, string[]>;
  jsonLd: Record<string, unknown>[];
  links: { rel: string; href: string; hreflang?: string }[];
  lang: string;
}

export function pageMeta(path: string): PageMeta {
  const tree = fromHtml(readBuilt(path));
  const all = elements(tree);
  const meta = new Map<string, string[]>();
  for (const el of all.filter((e) => e.tagName === 'meta')) {
    const key = String(el.properties.name ?? el.properties.property ?? '');
    if (!key) continue;
    meta.set(key, [...(meta.get(key) ?? []), String(el.properties.content)]);
  }
  const jsonLd = all
    .filter((e) => e.tagName === 'script' && e.properties.type === 'application/ld+json')
    .map((e) => JSON.parse(toText(e)) as Record<string, unknown>);
  const links = all
    .filter((e) => e.tagName === 'link')
    .map((e) => ({ rel: ([] as unknown[]).concat(e.properties.rel).join(' '), href: String(e.properties.href), hreflang: e.properties.hrefLang }));
  const html = all.find((e) => e.tagName === 'html');
  return { meta, jsonLd, links, lang: String(html?.properties.lang ?? '') };
}
