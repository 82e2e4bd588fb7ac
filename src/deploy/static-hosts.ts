// Netlify's and Cloudflare Pages' _headers (one syntax for both) from the rules in ./rules.ts, and
// their _redirects. Both hosts compress on the fly, serve 404.html for an unknown address and add
// the slash to a folder's address themselves; GitHub Pages reads neither file (docs/publishing.md).
import { CACHE_RULES, SECURITY_HEADERS } from './rules.ts';

export function headersFile(base: string): string {
  const block = (path: string, headers: Record<string, string>) =>
    `${path}\n${Object.entries(headers)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`;
  // The security headers for every address. Cache-Control only where it differs from what both
  // hosts send by default, "public, max-age=0, must-revalidate" (the revalidation the other files
  // need): every matching block applies, and two Cache-Control values would be joined into one.
  const out = [block(`${base}*`, SECURITY_HEADERS)];
  for (const r of CACHE_RULES.slice(0, -1)) {
    for (const glob of r.glob.split(' ')) out.push(block(`${base}${glob}`, { 'Cache-Control': r.cache }));
  }
  return `# Ruang Baca NTT: headers for Netlify and Cloudflare Pages (made by src/deploy/static-hosts.ts).\n${out.join('\n')}`;
}

/** `from to status` lines: published addresses the build serves from another file (see ./rules.ts). */
export function redirectsFile(base: string, redirects: [from: string, to: string][]): string {
  const head = '# Ruang Baca NTT: addresses served from another file (made by src/deploy/static-hosts.ts).\n';
  return head + redirects.map(([from, to]) => `${base}${from.slice(1)} ${base}${to.slice(1)} 301`).join('\n') + '\n';
}
