// The "not saved" page (src/pages/luring.astro) is served at the address the reader asked for: when
// that address is in a work (/<work>/…, /en/<work>/…), its button to the work's page is shown.
const link = document.querySelector<HTMLAnchorElement>('[data-work-link]');
const works = new Set(link?.dataset.works?.split(' ') ?? []);
const work = location.pathname.split('/').find((segment) => segment && works.has(segment));
if (link && work && link.dataset.base !== undefined) {
  // The library's address in this interface (/ or /en/) and the work's slug: its page.
  link.href = `${link.dataset.base}${encodeURIComponent(work)}/`;
  link.hidden = false;
}
