// A chapter file's front matter: the YAML block between two `---` lines at its very start (as Astro
// reads it; CRLF line ends too). One pattern for the checks, the citation engine, the scripts and
// the benches. No imports: plain Node uses it.

/** The whole block (`[0]`, with its closing line end) and its YAML (`[1]`). */
export const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The file's text after its front matter (the whole text when it has none). */
export const withoutFrontMatter = (text: string): string => text.replace(FRONT_MATTER, '');
