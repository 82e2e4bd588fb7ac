// Links to a section or paragraph (the # and ¶ marks): following one also copies its full address.
// A link to a paragraph id that no longer exists (its text was corrected) says so instead of
// leaving the reader at an unrelated place.
import { copyText } from '../../browser/announce';
import { fragment, PARAGRAPH_ID } from '../../browser/safe';

const prose = document.querySelector<HTMLElement>('.prose');

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.self-link') : null;
  if (!link || !prose) return;
  void copyText(link.href, prose.dataset.linkCopied ?? '');
});

/** The successor an old link was sent to: its notice stays while the reader is there. */
let movedTo: string | undefined;

function checkTarget(): void {
  const id = fragment(location.hash);
  const notice = document.querySelector<HTMLElement>('.link-notice');
  const moved = document.getElementById(id)?.closest<HTMLElement>('.moved-anchor');
  const movedNotice = document.querySelector<HTMLElement>('.link-moved');
  if (moved?.dataset.movedTo) {
    // An old link (content/links/moved-ids.yaml): to its successor, saying so; the address becomes the new one.
    const to = moved.dataset.movedTo;
    // The build admits only "id" or "/site/path/#id" here (src/links/moved-ids.ts): a path is this site's.
    if (to.startsWith('/')) {
      location.replace(to);
      return;
    }
    movedTo = to;
    location.replace(`#${to}`);
    return;
  }
  if (movedNotice) movedNotice.hidden = id !== movedTo;
  if (notice) notice.hidden = !(PARAGRAPH_ID.test(id) && !document.getElementById(id));
}
checkTarget();
addEventListener('hashchange', checkTarget);
