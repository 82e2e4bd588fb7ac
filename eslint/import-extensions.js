// A local ESLint rule: a relative import names its file with the extension (`./paths.ts`, not
// `./paths`; a folder's index as `./i18n/index.ts`), the one way Node, Vite and TypeScript all
// resolve the same. `eslint --fix` adds the extension, found on disk.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.astro', '.json'];
const isFile = (path) => existsSync(path) && statSync(path).isFile();

/** The specifier with its extension, or undefined when it has one or names nothing on disk. */
function withExtension(from, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = resolve(dirname(from), specifier);
  if (isFile(target)) return undefined;
  for (const ext of EXTENSIONS) if (isFile(target + ext)) return specifier + ext;
  for (const ext of EXTENSIONS) if (isFile(resolve(target, `index${ext}`))) return `${specifier.replace(/\/$/, '')}/index${ext}`;
  return undefined;
}

const rule = {
  meta: {
    type: 'layout',
    fixable: 'code',
    docs: { description: 'Relative imports name their file with its extension.' },
    messages: { missing: 'Write the file\'s extension: "{{fixed}}".' },
    schema: [],
  },
  create(context) {
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const fixed = withExtension(context.filename, source.value);
      if (!fixed) return;
      context.report({
        node: source,
        messageId: 'missing',
        data: { fixed },
        fix: (fixer) => fixer.replaceText(source, `${source.raw[0]}${fixed}${source.raw[0]}`),
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { 'import-extensions': rule } };
