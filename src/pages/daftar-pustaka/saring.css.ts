// The bibliography page's work filter, as a stylesheet of its own: one rule per work hides the
// entries of the other works while its radio button is checked (no script; the CSP allows no inline style).
import type { APIRoute } from 'astro';
import { getWorks } from '../../lib/works';

export const GET: APIRoute = async () => {
  const rules = (await getWorks())
    .map((w) => `main:has(#saring-${w.id}:checked) .reference:not([data-works~="${w.id}"]) { display: none; }`)
    .join('\n');
  return new Response(`${rules}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
