// What a chapter runs for "Dengarkan" before the reader asks (part of the chapter's one script,
// src/reading/browser/chapter.ts; every byte counts against the page's budget): the player's code
// loads on the first press; a failed load (offline on a page of an old build) says so under the
// button, and the next press tries again.
const button = document.querySelector<HTMLButtonElement>('[data-listen]');
button?.addEventListener('click', () =>
  import('./player.ts').then(
    (m) => m.press(button),
    () => (button.parentElement!.querySelector<HTMLElement>('.listen-load-failed')!.hidden = false),
  ),
);
