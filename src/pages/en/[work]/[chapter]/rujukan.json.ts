// The same file as /<work>/<chapter>/rujukan.json for the English interface (its notes on
// incomplete entries in English), in the English pack of the work.
export { getStaticPaths, GET } from '../../../[work]/[chapter]/rujukan.json.ts';
