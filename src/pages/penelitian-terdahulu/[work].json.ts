// Each work's record for the previous-studies table (src/matrix/record.ts): /penelitian-terdahulu/<work>.json.
import type { APIRoute, GetStaticPaths } from 'astro';
import { workRecord } from '../../matrix/record.ts';
import { getWorks, type Work } from '../../works/works.ts';

export const getStaticPaths = (async () => (await getWorks()).map((work) => ({ params: { work: work.id }, props: { work } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work }> = ({ props, site }) =>
  new Response(JSON.stringify(workRecord(props.work, site)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
