// `astro preview` (and so the browser tests, which serve dist/ with it) sends the
// Content-Security-Policy as a header too, as a host that can set headers would (src/security/csp.ts).
// Only for preview: in `astro dev` Vite injects inline styles the policy would block.
import type { AstroIntegration } from 'astro';
import { CSP_HEADER } from './csp.ts';

export function cspHeader(): AstroIntegration {
  return {
    name: 'ruang-baca:csp-header',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'preview') updateConfig({ server: { headers: { 'Content-Security-Policy': CSP_HEADER } } });
      },
    },
  };
}
