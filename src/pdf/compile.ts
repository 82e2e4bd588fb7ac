// Typst, compiled in Node by typst.ts's native compiler (@myriaddreamin/typst-ts-node-compiler: the
// Typst 0.14 compiler inside the npm package, its fonts embedded, no download at build time). One
// compiler for the whole build: its caches serve every work.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { EpubError } from '../epub/xhtml.ts';
import { registerCache } from '../build/cache.ts';

let compiler: NodeCompiler | undefined;
// Made by the PDF step after the pages, so the release after the pages does not reach it.
registerCache(
  'src/pdf/compile.ts: the Typst compiler and its caches',
  'build',
  'the Typst sources it is given (one compile per work)',
  () => (compiler = undefined),
);

interface Diagnostic {
  message?: string;
  range?: string;
  hints?: string[];
}

/** Where in the generated source an error is, with the source line (the markup names the page's text). */
function describe(source: string, diagnostics: Diagnostic[]): string {
  const lines = source.split('\n');
  return diagnostics
    .slice(0, 5)
    .map((d) => {
      const line = Number(/^(\d+):/.exec(d.range ?? '')?.[1] ?? NaN);
      const excerpt = Number.isFinite(line) ? `\n    at line ${line + 1}: ${lines[line]?.slice(0, 200) ?? ''}` : '';
      return `${d.message ?? ''} ${JSON.stringify({ ...d, message: undefined })}${excerpt}`;
    })
    .join('\n  ');
}

export interface Compiled {
  pdf: Buffer;
  pages: number;
  /** What `#metadata(…)<key>` holds, for each key asked. */
  query: (key: string) => unknown;
}

/** Compiles a Typst document to PDF; a Typst error stops the build naming `file`. */
export function compileTypst(source: string, file: string, creationSeconds: number): Compiled {
  compiler ??= NodeCompiler.create();
  const result = compiler.compile({ mainFileContent: source });
  const error = result.takeError();
  if (error || !result.result) {
    const diagnostics = error ? (compiler.fetchDiagnostics(error) as Diagnostic[]) : [];
    throw new EpubError(file, `the PDF could not be typeset:\n  ${describe(source, diagnostics)}`);
  }
  // A warning (a font missing, layout that did not settle) means a PDF other than the one meant.
  const warnings = result.takeWarnings();
  if (warnings) throw new EpubError(file, `Typst warns:\n  ${describe(source, compiler.fetchDiagnostics(warnings) as Diagnostic[])}`);
  const doc = result.result;
  const pdf = compiler.pdf(doc, { creationTimestamp: creationSeconds });
  // Typst memoises in a global cache that nothing empties: each work's results stayed for the whole
  // build (its largest process peaked at 7.1 GB for 100 works and 14.7 GB for 300; 4.9 and 8.1 GB
  // now). What no compile of the last ten used goes (Typst's own advice for a tool that is not a
  // watcher). A new compiler per work instead frees no more (5.0 GB for 100 works).
  compiler.evictCache(10);
  const c = compiler;
  return { pdf, pages: doc.numOfPages, query: (key) => (c.query(doc, { selector: `<${key}>`, field: 'value' }) as unknown[])[0] };
}
