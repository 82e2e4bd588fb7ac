// Where a work's EPUB is served: beside its pages (one file for /<work>/ and /en/<work>/).
export const epubUrl = (work: string) => `/${work}/${work}.epub`;
