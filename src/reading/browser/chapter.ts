// A chapter page's one script, in place of one per component (the reading progress, the paragraph
// links, the footnotes): on a weak link each file is a request of its own (400 ms), and together
// they are about 1 KB. Each part finds its own elements and does nothing on a chapter without them
// (no notes). The citation popover's trigger stays its component's own script, so that it ships only
// with chapters that cite in their text; the parts that weigh (the popovers, the charts, the cite
// panel's copy buttons, the player of "Dengarkan") still load on first use.
import './progress.ts';
import './self-links.ts';
import './footnotes.ts';
import '../../listen/browser/hook.ts';
