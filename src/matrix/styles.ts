// The cite panel's style keys (src/cite/format.ts's STYLE_KEYS), written out for browser code: that
// module formats at build time and imports citeproc, which no page may load. A unit test holds the two equal.
export const STYLE_KEYS_BROWSER = ['apa', 'chicago', 'vancouver'] as const;
export type StyleKeyBrowser = (typeof STYLE_KEYS_BROWSER)[number];
