// The nginx snippet for one build (its base path and its CSP), from the rules in ./rules.ts. It is
// written into the build (dist/_server/nginx.conf, never served: the snippet itself says so) and
// included in a server { } block whose root holds the build under its base (docs/publishing.md).
// nginx's add_header in a nested location replaces the outer ones, so every location repeats the
// security headers with its Cache-Control.
import { BIBLIOGRAPHY_URL, ENTRY_DOWNLOADS_ANCHOR, RETIRED_ENTRY_FILE } from '../routes.ts';
import { CACHE_RULES, COMPRESSIBLE, SECURITY_HEADERS, TYPES } from './rules.ts';

const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function headers(cache: string, indent: string): string {
  const lines = [...Object.entries(SECURITY_HEADERS), ['Cache-Control', cache]].map(([k, v]) => `${indent}add_header ${k} ${quote(v!)} always;`);
  return lines.join('\n');
}

/** The `types` block: media types without charset (nginx adds it for charset_types). */
function typesBlock(indent: string): { block: string; charsetTypes: string[] } {
  const byType = new Map<string, string[]>();
  const charsetTypes = new Set<string>();
  for (const [ext, type] of Object.entries(TYPES)) {
    const [mime, charset] = type.split(/;\s*charset=/) as [string, string | undefined];
    byType.set(mime, [...(byType.get(mime) ?? []), ext]);
    // text/html is among charset_types already.
    if (charset && mime !== 'text/html') charsetTypes.add(mime);
  }
  const block = [...byType].map(([mime, exts]) => `${indent}  ${mime} ${exts.join(' ')};`).join('\n');
  return { block: `${indent}types {\n${block}\n${indent}}`, charsetTypes: [...charsetTypes] };
}

/** The snippet for a build published under `base` ("/" or "/ruang-baca/"). */
export function nginxSnippet(base: string): string {
  const b = escapeRegex(base);
  const { block, charsetTypes } = typesBlock('    ');
  const nested = CACHE_RULES.slice(0, -1).map((r) => {
    const pattern = r.pattern.source.replace(/^\^/, '');
    return `    # ${r.name}\n    location ~ ^${b}${pattern} {\n${headers(r.cache, '        ')}\n    }`;
  });
  const fallback = CACHE_RULES.at(-1)!.cache;
  return `# Ruang Baca NTT: how nginx serves this build, published under ${base}
# Made by the build (src/deploy/nginx.ts) with the build's own Content-Security-Policy: after
# deploying a new build, copy this file again and reload nginx (nginx -t && nginx -s reload).
# Include it inside a server { } block whose root holds the build at ${base === '/' ? 'the root' : `.${base}`}:
#     include /etc/nginx/snippets/ruang-baca.conf;
# Precompressed files: brotli_static needs Debian's libnginx-mod-http-brotli-static
# (or remove the brotli_static line; gzip_static is part of nginx).
location ^~ ${base} {
    index index.html;
    # Redirects keep the address the reader used (the host and port a proxy in front has).
    absolute_redirect off;
${block}
    default_type application/octet-stream;
    charset utf-8;
    charset_types ${charsetTypes.join(' ')};
    # The .br and .gz the build wrote beside each text file (${[...COMPRESSIBLE].join(', ')}).
    brotli_static on;
    gzip_static on;
    gzip_vary on;
    # An unknown address: the site's own 404 page, with status 404.
    error_page 404 ${base}404.html;
${headers(fallback, '    ')}
    # A file, else a folder (nginx answers /x with a 301 to /x/), else the 404 page.
    try_files $uri $uri/ =404;
${nested.join('\n')}
    # An entry's retired BibTeX or RIS file (until #30): the entry's page, which offers both.
    location ~ ^${b}${RETIRED_ENTRY_FILE.source.replace(/^\^\\\//, '')} {
        return 301 ${base}${BIBLIOGRAPHY_URL.slice(1)}$1/#${ENTRY_DOWNLOADS_ANCHOR};
    }
    # What the build wrote for the servers themselves.
    location ~ ^${b}(_server/|_headers$|_redirects$) {
        return 404;
    }
}
`;
}
