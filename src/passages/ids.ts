// The ids of the passages a link can name, as the build makes them: a paragraph's (`p-3f9a0c12`,
// src/markdown/rehype-paragraph-anchors.ts), a list item's (`li-…`) or a footnote's (`fn-…`,
// rehype-passage-anchors.ts), with `-2`, `-3` for the same words again in one chapter. Shared by
// the build and the browser (plain, no imports; every page's first script loads it, so keep it tiny).
export const PASSAGE_ID = /^(p|li|fn)-[0-9a-f]{8}(-\d+)?$/;
