// Reading progress: the bar at the top of a chapter, and the last paragraph read, remembered per work
// in localStorage (never sent anywhere) for the "continue reading" link on the library pages.
import { KEYS, save } from './storage';

export interface ReadingPosition {
  /** The chapter's path without the interface-language prefix. */
  path: string;
  label: string;
  /** Id and number of the first paragraph in view, if any. */
  para?: string;
  n?: string;
  at: number;
}

const bar = document.querySelector<HTMLElement>('.reading-progress');
const article = document.querySelector<HTMLElement>('.prose');

function firstVisibleParagraph(): HTMLElement | undefined {
  for (const p of document.querySelectorAll<HTMLElement>('.prose p[data-para]')) {
    if (p.getBoundingClientRect().bottom > 80) return p;
  }
  return undefined;
}

function remember(): void {
  if (!bar?.dataset.work || !bar.dataset.path) return;
  const p = scrollY > 0 ? firstVisibleParagraph() : undefined;
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
  clearTimeout(timer);
  timer = window.setTimeout(remember, 400);
}

addEventListener('scroll', () => (frame ||= requestAnimationFrame(update)), { passive: true });
addEventListener('pagehide', remember);
update();
