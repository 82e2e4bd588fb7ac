// Where a work's PDF is served: beside its pages and its EPUB (one file for /<work>/ and /en/<work>/).
export const pdfUrl = (work: string) => `/${work}/${work}.pdf`;
