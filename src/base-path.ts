// Where under its address the site is published: the domain's root ("/") or a sub-path
// ("/ruang-baca/"), from BASE_PATH (astro.config.mjs gives it to Astro as `base`). No imports:
// astro.config.mjs, browser code and plain-Node scripts use it.

/**
 * The base path of this build. Vite writes it into the pages' code as a string (the service
 * worker's bundle gets it from src/offline/build.ts, the same way); in plain Node (benches) and in Astro's build
 * steps after the pages (integrations, which pass `config.base` as `base`) it is "/".
 *
 * The rule for every address: a site path ("/cari/", what src/routes.ts names) is written out as
 * withBase(path), and a URL's pathname is read through withoutBase. Build code (pages, components,
 * build steps) imports these two. Browser code does not import this module (a module shared by
 * lazy chunks becomes one more chunk every page's loader lists): it reads import.meta.env.BASE_URL
 * itself, a string Vite writes in, which the minifier folds away at the root (offline.ts,
 * trigger.ts, resume.ts, search's engine/highlight/text, the notes page and annotations' model).
 */
// Vite writes __RB_BASE__ in (astro.config.mjs's vite.define), as a string: the pages' render
// cannot take import.meta.env.BASE_URL, which Astro reads from the environment at render time,
// where a BASE_URL variable (vitest sets one, and a build started by a test inherits it) wins.
declare const __RB_BASE__: string | undefined;
export const BASE: string = typeof __RB_BASE__ === 'string' ? __RB_BASE__ : '/';

/** A site path as published: "/cari/" -> "/ruang-baca/cari/" (as it is at the root); a relative address as it is. */
export const withBase = (path: string, base = BASE) => (path[0] === '/' ? base + path.slice(1) : path);

/** A published pathname back to its site path: "/ruang-baca/cari/" -> "/cari/" (as it is at the root). */
export const withoutBase = (pathname: string, base = BASE) => (pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname);

/**
 * BASE_PATH as the build takes it: "/", or a path with one slash at each end ("ruang-baca",
 * "/ruang-baca" and "/ruang-baca/" are one sub-path). A value that cannot be a path stops the build.
 * (Not src/i18n's basePath, which takes a page's address back to its Indonesian path.)
 */
export function parseBasePath(value: string | undefined): string {
  const v = (value ?? '').trim();
  if (v === '' || v === '/') return '/';
  const path = `/${v.replace(/^\/+|\/+$/g, '')}/`;
  if (!/^(\/[A-Za-z0-9._~-]+)+\/$/.test(path) || /\/\.\.?\//.test(path)) {
    throw new Error(
      `BASE_PATH "${value}" is not a path of the site's address: give it as /ruang-baca/ (letters, digits, - . _ ~ between slashes), or leave it unset for the domain's root.`,
    );
  }
  return path;
}
