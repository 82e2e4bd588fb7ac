// Draws the charts of a page, loading Chart.js (draw.ts, a separate chunk) only when the first chart
// comes near the viewport. Pages without charts never load this script (it comes with ChartFigure).
const figures = document.querySelectorAll<HTMLElement>('figure[data-chart]');

let drawer: Promise<typeof import('./draw.ts')> | undefined;

/** Without the chart code (offline, blocked), show the table instead of an empty box. */
function fallback(figure: HTMLElement): void {
  figure.querySelector<HTMLElement>('.chart-box')!.hidden = true;
  figure.querySelector<HTMLDetailsElement>('.chart-data')!.open = true;
}

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const figure = entry.target as HTMLElement;
      observer.unobserve(figure);
      drawer ??= import('./draw.ts');
      drawer.then((m) => m.drawChart(figure)).catch(() => fallback(figure));
    }
  },
  // Start a little before the chart scrolls into view, so it is drawn when the reader gets there.
  { rootMargin: '300px 0px' },
);
figures.forEach((f) => observer.observe(f));

// Printing: every table open (a chart not yet drawn would print as an empty box).
addEventListener('beforeprint', () => {
  for (const figure of figures) {
    figure.querySelector<HTMLDetailsElement>('.chart-data')!.open = true;
    if (!figure.dataset.drawn) figure.querySelector<HTMLElement>('.chart-box')!.hidden = true;
  }
});
