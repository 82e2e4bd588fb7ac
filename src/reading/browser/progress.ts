// Reading progress: the bar at the top of a chapter, and the last paragraph read, remembered per work
// in localStorage (never sent anywhere) for the "continue reading" link on the library pages.
import { fragmentTarget } from '../../browser/safe.ts';
import type { ReadingPosition } from '../../browser/safe-links.ts';
import { KEYS, save } from '../../browser/storage.ts';

export type { ReadingPosition };

const bar = document.querySelector<HTMLElement>('.reading-progress');
const article = document.querySelector<HTMLElement>('.prose');

function firstVisibleParagraph(): HTMLElement | undefined {
  for (const p of document.querySelectorAll<HTMLElement>('.prose p[data-para]')) {
    if (p.getBoundingClientRect().bottom > 80) return p;
  }
  return undefined;
}

function remember(p: HTMLElement | undefined): void {
  timer = undefined;
  if (!bar?.dataset.work || !bar.dataset.path) return;
  const pos: ReadingPosition = { path: bar.dataset.path, label: bar.dataset.label ?? '', at: Date.now(), ...(p && { para: p.id, n: p.dataset.para }) };
  save(KEYS.resume(bar.dataset.work), JSON.stringify(pos));
}

let frame = 0;
let timer: number | undefined;
function update(): void {
  frame = 0;
  if (!bar || !article) return;
  const r = article.getBoundingClientRect();
  const total = r.height - innerHeight;
  const done = total > 0 ? Math.min(Math.max(-r.top / total, 0), 1) : 1;
  bar.style.setProperty('--progress', String(done));
}

// Only the reader's own scrolling moves the mark: the browser's scroll to a linked paragraph (smooth,
// and maybe cut short by leaving) must not record a place the reader never was.
let engaged = false;
for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) addEventListener(type, () => (engaged = true), { passive: true });

function scrolled(): void {
  frame ||= requestAnimationFrame(update);
  if (!engaged) return;
  clearTimeout(timer);
  timer = window.setTimeout(() => remember(scrollY > 0 ? firstVisibleParagraph() : undefined), 400);
}

// Opening a chapter (at a linked paragraph, or at its start) is already a place to come back to;
// scrolling then moves the mark, and leaving the page keeps a mark still waiting to be written.
const linked = fragmentTarget(location.hash);
remember(linked?.matches('p[data-para]') ? linked : undefined);
addEventListener('scroll', scrolled, { passive: true });
addEventListener('pagehide', () => timer !== undefined && remember(firstVisibleParagraph()));
update();
