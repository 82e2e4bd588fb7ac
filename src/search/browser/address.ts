// Whether a marked word sits inside a web address (no DOM here: the tests use it on the results too).

/**
 * A run of text without spaces that is (part of) a web address: a scheme or "www.", a path with
 * two slashes, words joined by "+" or "=", or a "%20" escape. Pagefind indexes the addresses printed in footnotes and
 * reference lists (their words stay findable), but a word marked inside one
 * ("…/Soroti+Tingkat+Kemiskinan+di+NTT") is not a passage about it. "dan/atau" is not an address.
 */
export const inAddress = (token: string): boolean => /:\/\/|www\.|\/[^/]*\/|\w[+=]\w|%[0-9a-f]{2}/i.test(token);
