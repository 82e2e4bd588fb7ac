// On the first page of the site-wide bibliography: an old link to an entry (/daftar-pustaka/#key,
// published before the list was paged) reaches the entry's own page (/daftar-pustaka/key/) when
// the entry is not on this page. A hash that is no entry key is left alone.
const KEY = /^[A-Za-z0-9][\w.:+-]*$/;

function follow(): void {
  let key: string;
  try {
    key = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  if (!key || !KEY.test(key) || document.getElementById(key)) return;
  location.replace(`${location.pathname}${encodeURIComponent(key)}/`);
}

follow();
addEventListener('hashchange', follow);
