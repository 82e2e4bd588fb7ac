// A chapter page's one script, in place of one per component (the reading progress, the paragraph
// links, the footnotes, the citation popover's trigger): on a weak link each file is a request of
// its own (400 ms), and together they are under 2 KB. Each part finds its own elements and does
// nothing on a chapter without them (no notes, no author-date citations). The parts that weigh
// (the popovers, the charts, the cite panel's copy buttons) still load on first use.
import './progress';
import './self-links';
import './footnotes';
import '../../bibliography/browser/popover-trigger';
