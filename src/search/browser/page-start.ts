// Loaded by the search page (src/pages/cari.astro) only. Its code comes on demand: if it cannot be
// fetched, the status line says so (the page's data-failed, so no dictionary is bundled) and it tries
// again when the connection returns or the reader types.
const searchPage = document.querySelector<HTMLElement>('[data-search-page]');
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
