// Shows the "continue reading" link of each work that has a remembered position (see progress.ts).
import type { ReadingPosition } from './progress';
import { KEYS, load } from './storage';

const prefix = document.documentElement.lang === 'en' ? '/en' : '';

for (const el of document.querySelectorAll<HTMLElement>('[data-resume-work]')) {
  let pos: ReadingPosition | undefined;
  try {
    pos = JSON.parse(load(KEYS.resume(el.dataset.resumeWork ?? '')) ?? 'null') ?? undefined;
  } catch {
    pos = undefined;
  }
  if (!pos?.path?.startsWith('/')) continue;
  const link = el.querySelector('a');
  const where = el.querySelector('.resume-where');
  if (!link || !where) continue;
  link.href = `${prefix}${pos.path}${pos.para ? `#${pos.para}` : ''}`;
  where.textContent = pos.n ? `${pos.label}, ¶ ${pos.n}` : pos.label;
  el.hidden = false;
}
