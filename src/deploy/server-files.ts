// What the build writes for web servers, never for readers (src/deploy/integration.ts). No imports:
// the offline build (left out of its lists), the tests and the benches (plain Node) use it.

/** The servers' files: the nginx snippet, Netlify's and Cloudflare's _headers and _redirects, the precompressed copies. */
export const SERVER_FILES = /^(_headers|_redirects|_server\/.*)$|\.(br|gz)$/;

/** Where the nginx snippet goes in the build: it travels with the build whose CSP it carries. */
export const NGINX_SNIPPET = '_server/nginx.conf';
