// A Vite plugin: the browsers this site supports have natively what @apache-annotator's ES5 build
// imports from core-js (through @babel/runtime-corejs3): Symbol, Promise, Array.from, instance
// methods. Resolving those imports to the natives keeps the polyfills (about three quarters of the
// annotation code's weight) out of the bundle and out of every reader's offline precache. An import
// not in the table stops the build, naming it, so an upgrade of the library cannot silently ship
// a missing function.
import type { Plugin } from 'vite';

const PREFIX = '\0native-runtime:';
const PATTERN = /^(?:@babel\/runtime-corejs3\/core-js(?:-stable)?|core-js-pure\/(?:features|stable|actual|es))\/(.+?)(?:\/index)?(?:\.js)?$/;

const NATIVES: Record<string, string> = {
  symbol: 'Symbol',
  'symbol/iterator': 'Symbol.iterator',
  'symbol/async-iterator': 'Symbol.asyncIterator',
  'symbol/to-primitive': 'Symbol.toPrimitive',
  'symbol/to-string-tag': 'Symbol.toStringTag',
  'symbol/for': 'Symbol.for',
  'symbol/has-instance': 'Symbol.hasInstance',
  'symbol/replace': 'Symbol.replace',
  promise: 'Promise',
  map: 'Map',
  'weak-map': 'WeakMap',
  'object/assign': 'Object.assign',
  'object/define-properties': 'Object.defineProperties',
  'object/freeze': 'Object.freeze',
  'object/get-own-property-descriptors': 'Object.getOwnPropertyDescriptors',
  'object/get-own-property-names': 'Object.getOwnPropertyNames',
  'reflect/get': 'Reflect.get',
  'reflect/get-own-property-descriptor': 'Reflect.getOwnPropertyDescriptor',
  'reflect/has': 'Reflect.has',
  'reflect/own-keys': 'Reflect.ownKeys',
  'reflect/set': 'Reflect.set',
  'array/from': 'Array.from',
  'array/is-array': 'Array.isArray',
  'object/keys': 'Object.keys',
  'object/create': 'Object.create',
  'object/define-property': 'Object.defineProperty',
  'object/get-prototype-of': 'Object.getPrototypeOf',
  'object/set-prototype-of': 'Object.setPrototypeOf',
  'object/get-own-property-descriptor': 'Object.getOwnPropertyDescriptor',
  'object/get-own-property-symbols': 'Object.getOwnPropertySymbols',
  'reflect/construct': 'Reflect.construct',
  'get-iterator': '(it) => it[Symbol.iterator]()',
  'get-iterator-method': '(it) => it[Symbol.iterator]',
};
// Array, String and Function methods babel reads off an instance (\`_sliceInstanceProperty(x).call(x, …)\`).
const INSTANCE = new Set(
  'at bind code-point-at concat copy-within ends-with entries every fill filter find find-index find-last find-last-index flags flat flat-map for-each includes index-of join keys last-index-of map pad-end pad-start push reduce reduce-right repeat reverse shift slice some sort splice starts-with trim trim-end trim-start unshift values'.split(
    ' ',
  ),
);
const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export function nativeRuntime(): Plugin {
  return {
    name: 'ruang-baca:native-runtime',
    enforce: 'pre',
    resolveId(id, _importer, options) {
      // The browser bundle only; the build's own Node code keeps what it imports.
      if (options?.ssr) return null;
      const m = PATTERN.exec(id);
      return m ? PREFIX + m[1] : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      const instance = /^instance\/(.+)$/.exec(name)?.[1];
      const native = NATIVES[name] ?? (instance && INSTANCE.has(instance) ? `(it) => it.${camel(instance)}` : undefined);
      if (!native)
        this.error(
          `src/annotations/native-runtime.ts: no native for the core-js import "${name}"; add it to NATIVES (or INSTANCE) if every supported browser has it`,
        );
      // CommonJS, so that both the library's `import x from` and the regenerator's `require()` get the function itself.
      return `module.exports = ${native};`;
    },
  };
}
