// Almost nothing runs before the reader reaches a citation: the popover's code, and with it the
// chapter's references (src/bibliography/previews.ts), load on the first hover, focus or tap on one,
// or on the first Tab (a keyboard or screen reader's user: the references, which describe each
// citation, are there before focus reaches one), and handle the events that came before they were
// there. A tap must not follow the link, so that is stopped here at once.
// CitationPopover.astro's script: only on a chapter whose text cites author-date.
type Popover = typeof import('./citation-popover');

let touch = matchMedia('(pointer: coarse)').matches;
let popover: Popover | undefined;
let loading: Promise<Popover> | undefined;
document.addEventListener('pointerdown', (e) => (touch = e.pointerType === 'touch'), true);
for (const type of ['pointerover', 'focusin', 'click', 'keydown'] as const) {
  document.addEventListener(
    type,
    (e) => {
      const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('.prose a.citation-link') : null;
      if (popover || (type === 'keydown' ? (e as KeyboardEvent).key !== 'Tab' : !a || (type === 'pointerover' && touch))) return;
      if (type === 'click' && touch) e.preventDefault();
      const l = (loading ??= import('./citation-popover.ts').then((m) => (popover = m)));
      void l.then(
        (m) => m.first(type === 'keydown' ? undefined : (a ?? undefined), type === 'keydown' ? 'focusin' : type, touch),
        () => {
          // Not fetched (offline): the next sign tries again, and a held tap follows the link.
          if (loading === l) loading = undefined;
          if (type === 'click' && touch && a) location.href = a.href;
        },
      );
    },
    true,
  );
}
