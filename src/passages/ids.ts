// The ids of the passages a link can name, as the build makes them: a paragraph's (`p-3f9a0c12`,
// src/markdown/rehype-paragraph-anchors.ts), a list item's (`li-…`) or a footnote's (`fn-…`,
// rehype-passage-anchors.ts), with `-2`, `-3` for the same words again in one chapter. Shared by
// the build and the browser (plain, no imports).
export const PASSAGE_ID = /^(p|li|fn)-[0-9a-f]{8}(-\d+)?$/;

/** The elements that carry a passage id in a chapter (a footnote's is its first paragraph). */
export const PASSAGE_SELECTOR = 'p[data-para], li[data-item], li[id^="user-content-fn-"]';
