import { it } from 'vitest';
import { savePage } from '/work/wt/metadata/tests/support/zotero.ts';
it('show', () => {
  for (const p of ['/dw4fs-kupang/', '/dw4fs-kupang/bab-1-pendahuluan/', '/iom-ntt-2014-2018/', '/kokomakingi-2024/pendahuluan/', '/daftar-pustaka/']) {
    const s = savePage(p);
    console.log(p, s.translator, s.coins.length, JSON.stringify({ ...s.item, abstractNote: s.item.abstractNote?.slice(0, 120) }));
  }
});
