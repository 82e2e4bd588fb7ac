// Links to a section or paragraph (the # and ¶ marks): following one also copies its full address;
// they are one Tab stop, moved with the arrow keys. A link to a paragraph id that no longer exists
// (its text was corrected) says so instead of leaving the reader at an unrelated place. All of it
// in ./self-link-actions.ts, loaded only when a mark is used or the address names a place.
const prose = document.querySelector<HTMLElement>('.prose');
const actions = () => import('./self-link-actions.ts');

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.<HTMLAnchorElement>('a.self-link');
  if (link && prose) void actions().then((m) => m.copy(link, prose));
});
let roving: unknown;
prose?.addEventListener('focusin', (e) => {
  if ((e.target as Element).matches('a.self-link')) roving ??= actions().then((m) => m.rove(prose, e.target as HTMLAnchorElement));
});
const check = () => void actions().then((m) => m.checkTarget());
if (location.hash) check();
addEventListener('hashchange', check);
