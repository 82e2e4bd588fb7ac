// Shows the "continue reading" link of each work that has a remembered position (see progress.ts).
// Each entry is checked on its own (src/browser/safe.ts): a damaged one is dropped, the others still show.
import { readingPosition } from '../../browser/safe-links.ts';
import { KEYS, load } from '../../browser/storage.ts';

// "/en" is ENGLISH_PREFIX of src/routes.ts, written out here (why: see there), under the base
// (src/base-path.ts; Vite writes import.meta.env.BASE_URL in as a string, "/" at the root).
const prefix = `${import.meta.env.BASE_URL.slice(0, -1)}${document.documentElement.lang === 'en' ? '/en' : ''}`;

for (const el of document.querySelectorAll<HTMLElement>('[data-resume-work]')) {
  const pos = readingPosition(load(KEYS.resume(el.dataset.resumeWork ?? '')));
  if (!pos) continue;
  const link = el.querySelector('a');
  const where = el.querySelector('.resume-where');
  if (!link || !where) continue;
  link.href = `${prefix}${pos.path}${pos.para ? `#${pos.para}` : ''}`;
  where.textContent = pos.n ? `${pos.label}, ¶ ${pos.n}` : pos.label;
  el.hidden = false;
}
