// ESLint: typescript-eslint's type-checked rules on the TypeScript, eslint-plugin-astro's on the
// .astro files, and the house rules (docs/architecture.md, "House rules") as lint rules, so that a
// change that breaks one fails `npm run lint` (and so `npm test` and CI) instead of a review.
import eslint from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './eslint/import-extensions.js';

// A site address: a path that names a segment the site publishes ("/cari/", `${work}/singkatan/`,
// "luring/index.html"); a bare word ("catatan" as a query parameter) is not one. src/routes.ts
// holds each address once. Import specifiers are file paths, not addresses.
const SITE_SEGMENTS = [
  'cari',
  'catatan',
  'daftar-pustaka',
  'daftar-tabel-gambar',
  'data',
  'halaman',
  'kutip',
  'luring',
  'pagefind',
  'riwayat-koreksi',
  'singkatan',
];
const SEGMENT = `(${SITE_SEGMENTS.join('|')})`;
const ADDRESS = `^(?!content/|src/)(.*/)?${SEGMENT}/|^/${SEGMENT}$|^/sw[.]js$`;
const NOT_IMPORT =
  ':not(ImportDeclaration > Literal):not(ExportNamedDeclaration > Literal):not(ExportAllDeclaration > Literal):not(ImportExpression > Literal)';
const matching = (node, pattern) =>
  `${node}[value${node === 'Literal' ? '' : '.raw'}=/${pattern.replaceAll('/', '\\/')}/]${node === 'Literal' ? NOT_IMPORT : ''}`;
const addressRule = (node) => ({
  selector: matching(node, ADDRESS),
  message: 'A public address is written once, in src/routes.ts: import it from there.',
});
// A path into content/ ("content", "content/works/x.yaml"): each is written once, in src/paths.ts.
const contentRule = (node) => ({
  selector: matching(node, '^content(/|$)'),
  message: 'A path into content/ is written once, in src/paths.ts: import it (CONTENT_DIR, WORKS_DIR, workFile, ...) from there.',
});
const addressRules = [addressRule('Literal'), addressRule('TemplateElement')];
const contentRules = [contentRule('Literal'), contentRule('TemplateElement')];

export default defineConfig([
  globalIgnores(['dist/', '.astro/', 'node_modules/', 'public/', 'tests/fixtures/**/dist/']),
  eslint.configs.recommended,
  {
    files: ['**/*.{ts,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // An async listener (addEventListener('click', async () => ...)) is how the browser scripts
      // are written; each catches its own errors (src/browser/safe.ts).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    // The tests walk JSON they parse from the built site (a data package, a web manifest, stored
    // notes) as JSON: typing each shape for the checker would restate what the test asserts.
    // `any` written out is still an error there.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  ...astro.configs['flat/recommended'],
  {
    // One import style: a relative import names its file's extension (eslint/import-extensions.js).
    files: ['**/*.{ts,mts,js,mjs,astro}'],
    plugins: { local },
    rules: { 'local/import-extensions': 'error' },
  },
  {
    // The base rule reads a type's parameter names (url: (n: number) => string) as unused
    // variables; `astro check` reports the unused imports of .astro files.
    files: ['**/*.astro'],
    rules: { 'no-unused-vars': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/browser/**/*.ts', 'src/browser/**/*.ts', 'src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // House rules: public addresses only in src/routes.ts; paths into content/ only in src/paths.ts.
  // The site's code only: the tests and scripts write addresses and content files as a reader or
  // a librarian sees them (a fixture work's content/works/uji.yaml), which is what they check.
  {
    files: ['src/**/*.{ts,astro}'],
    ignores: ['src/routes.ts', 'src/paths.ts'],
    rules: { 'no-restricted-syntax': ['error', ...addressRules, ...contentRules] },
  },
  { files: ['src/routes.ts'], rules: { 'no-restricted-syntax': ['error', ...contentRules] } },
  { files: ['src/paths.ts'], rules: { 'no-restricted-syntax': ['error', ...addressRules] } },
  // House rule: a browser script takes its strings from the page or a small named part of a
  // dictionary (searchText in i18n/search-*.ts, annotatorText in i18n/annotator-*.ts), never a whole
  // dictionary: it would ship every string of the site.
  {
    files: ['src/**/browser/**/*.ts', 'src/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'i18n/(en|id)(\\.ts)?$',
              importNames: ['en', 'id', 't', 'default'],
              message: 'A browser script imports a named part of a dictionary (searchText), never the whole of it.',
            },
            { regex: 'i18n(/index(\\.ts)?)?$', message: 'src/i18n/index.ts brings both dictionaries: a browser script imports a named part of one.' },
          ],
        },
      ],
    },
  },
]);
