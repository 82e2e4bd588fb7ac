// The small part of citation-js (no types of its own) this project uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: 'bibliography', options: { template: string; lang: string; format: 'html' | 'text' }): string;
    format(format: 'ris', options: { format: 'object' }): Record<string, string | string[]>[];
    format(format: 'biblatex' | 'bibtex' | 'ris', options?: Record<string, unknown>): string;
  }
  interface Register {
    add(name: string, value: string): void;
    has(name: string): boolean;
  }
  export const util: { downgradeCsl(data: unknown[]): unknown[] };
  export const plugins: { config: { get(plugin: '@csl'): { templates: Register; locales: Register } } };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
// citeproc-js, the engine citation-js wraps, used directly so that its engines can be let go of.
declare module 'citeproc' {
  const CSL: {
    Engine: new (sys: { retrieveItem(id: string): unknown; retrieveLocale(lang: string): unknown }, style: string, lang: string, forceLang: boolean) => unknown;
  };
  export default CSL;
}
