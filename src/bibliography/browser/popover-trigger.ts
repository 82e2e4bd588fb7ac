// Almost nothing runs before the reader reaches a citation: the popover's code loads on the first
// hover, focus or tap on one, and handles the events that came before it was there. A tap must
// not follow the link, so that is stopped here at once.
// CitationPopover.astro's script: only on a chapter whose text cites author-date.
type Popover = typeof import('./citation-popover');

let touch = matchMedia('(pointer: coarse)').matches;
let popover: Popover | undefined;
let loading: Promise<Popover> | undefined;
document.addEventListener('pointerdown', (e) => (touch = e.pointerType === 'touch'), true);
for (const type of ['pointerover', 'focusin', 'click'] as const) {
  document.addEventListener(
    type,
    (e) => {
      const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('.prose a.citation-link') : null;
      if (!a || popover || (type === 'pointerover' && touch)) return;
      if (type === 'click' && touch) e.preventDefault();
      loading ??= import('./citation-popover.ts').then((m) => (popover = m));
      void loading.then((m) => m.first(a, type, touch));
    },
    true,
  );
}
