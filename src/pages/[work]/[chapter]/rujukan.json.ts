// A chapter's cited entries for its citation popover, fetched on intent (src/bibliography/previews.ts).
import type { APIRoute } from 'astro';
import { previewPaths, previewsOf } from '../../../bibliography/previews.ts';
import type { RenderedCitation } from '../../../bibliography/rehype-cite-links.ts';
import { i18n } from '../../../i18n/index.ts';
import type { Work } from '../../../works/works.ts';

export const getStaticPaths = previewPaths;

export const GET: APIRoute<{ work: Work; citations: RenderedCitation[] }> = ({ props, url }) =>
  new Response(JSON.stringify(previewsOf(props.work, props.citations, i18n(url).t)), { headers: { 'Content-Type': 'application/json' } });
