// The only inline scripts the site runs. Each is a constant so that the Content-Security-Policy
// (./csp.ts) can allow exactly this text by its hash, computed at build time: any other inline
// script, e.g. one smuggled into content, stays blocked. Change a script here and its hash follows.
import { FONT_SIZES, THEMES } from '../browser/safe.ts';

/**
 * In <head> before the first paint: applies the stored theme and text size (no flash of the wrong
 * theme) and marks that script runs, so controls that need it are shown (src/reading/ThemeInit.astro).
 * Only values src/browser/safe.ts accepts are applied (a stored " 1" or "9" leaves the default).
 */
export const THEME_INIT = `(function(d){try{var t=localStorage.getItem('rb-theme'),f=localStorage.getItem('rb-font');if(${JSON.stringify(THEMES)}.indexOf(t)>-1)d.dataset.theme=t;if(${JSON.stringify(FONT_SIZES.filter((n) => n !== 0).map(String))}.indexOf(f)>-1)d.dataset.font=f}catch(e){}d.classList.add('js')})(document.documentElement)`;

/**
 * At the end of each chart figure, before it is painted: with script the chart area is shown at its
 * final height (--bars from data-bars, so nothing shifts when the chart is drawn) and the data table
 * folds away; without script the table stays open (src/charts/ChartFigure.astro).
 */
export const CHART_REVEAL =
  "(function(f){var b=f.querySelector('.chart-box');b.hidden=false;if(b.dataset.bars)b.style.setProperty('--bars',b.dataset.bars);f.querySelector('.chart-data').open=false})(document.currentScript.parentElement)";

export const INLINE_SCRIPTS = [THEME_INIT, CHART_REVEAL] as const;
