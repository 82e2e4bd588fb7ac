// What a chapter runs for "Dengarkan" before the reader asks (part of the chapter's one script,
// src/reading/browser/chapter.ts; every byte counts against the page's budget): the player's code
// loads on the first press; a failed load (offline on a page of an old build) says so in the line
// that follows the button (src/listen/Listen.astro), and the next press tries again.
const b = document.querySelector<HTMLButtonElement>('[data-listen]');
b?.addEventListener('click', () =>
  import('./player.ts').then(
    (m) => m.press(b),
    () => ((b.nextElementSibling as HTMLElement).hidden = false),
  ),
);
