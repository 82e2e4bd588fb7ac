// On the first page of the site-wide bibliography: an old link to an entry (/daftar-pustaka/#key,
// published before the list was paged) reaches the entry's own page (/daftar-pustaka/key/, in
// either interface: an entry's page has one, src/scale/paging.ts' entryPageHref) when
// the entry is not on this page and its key is an entry's (the build's list of keys, fetched only
// then): a word shaped like a key, #constructor, is no entry and must not lead to a 404.
const KEY = /^[A-Za-z0-9][\w.:+-]*$/;
// The English interface's prefix under the base ("/en", ENGLISH_PREFIX of src/routes.ts, written
// out as browser code does: see there).
const ENGLISH = `${import.meta.env.BASE_URL}en/`;
let keys: Promise<string[]> | undefined;

function follow(): void {
  let key: string;
  const hash = location.hash.slice(1);
  try {
    key = decodeURIComponent(hash);
  } catch {
    return;
  }
  if (!key || !KEY.test(key) || document.getElementById(key)) return;
  const list = document.querySelector<HTMLElement>('[data-entry-keys]')?.dataset.entryKeys;
  if (!list) return;
  keys ??= fetch(list).then((res) => (res.ok ? (res.json() as Promise<string[]>) : []));
  keys.then(
    (all) =>
      Array.isArray(all) &&
      all.includes(key) &&
      location.hash.slice(1) === hash &&
      location.replace(`${location.pathname.replace(ENGLISH, import.meta.env.BASE_URL)}${encodeURIComponent(key)}/`),
    () => (keys = undefined),
  );
}

follow();
addEventListener('hashchange', follow);
