// Loaded by the search page (src/pages/cari.astro) only. Its code comes on demand: if it cannot be
// fetched, the status line says so (the page's data-failed, so no dictionary is bundled) and it tries
// again when the connection returns or the reader types.
import { FILTERS } from '../fields.ts';

const searchPage = document.querySelector<HTMLElement>('[data-search-page]');
// The filters come closed in the page: on a phone the results come first, and the works and years
// the index fills in later move nothing (they moved the results down by a seventh of the screen).
// A wider screen, or an address that filters already (a shared link), opens them at once.
const filters = searchPage?.querySelector('details.search-filters');
const filtered = Object.values(FILTERS).some((name) => new URLSearchParams(location.search).has(name));
if (filters instanceof HTMLDetailsElement && (matchMedia('(min-width: 40rem)').matches || filtered)) filters.open = true;
if (searchPage) {
  const startPage = (): void =>
    void import('./page.ts').then(
      () => removeEventListener('online', startPage),
      () => {
        const status = document.querySelector<HTMLElement>('[data-search-page-status]');
        if (status) status.textContent = status.dataset.failed ?? '';
        searchPage.addEventListener('input', startPage, { once: true });
      },
    );
  addEventListener('online', startPage);
  startPage();
}
