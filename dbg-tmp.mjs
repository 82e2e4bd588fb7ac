import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await b.newContext({ baseURL: process.argv[2], serviceWorkers: 'block', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, colorScheme: process.argv[3] ?? 'light' });
const page = await context.newPage();
await page.goto('/uji/bab-1/');
console.log('share?', await page.evaluate(() => typeof navigator.share));
await page.evaluate(() => {
  const p = document.querySelector('.prose > p[id^="p-"]');
  const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.length > 40);
  const r = document.createRange(); r.setStart(node, 10); r.setEnd(node, 30);
  getSelection().removeAllRanges(); getSelection().addRange(r);
});
await page.waitForTimeout(1500);
await page.evaluate(() => { const s = document.querySelector('[data-share]'); if (s) s.hidden = false; });
await page.waitForTimeout(300);
console.log(await page.evaluate(() => [...document.querySelectorAll('.hl-toolbar button')].map((b) => `${b.textContent} ${Math.round(b.getBoundingClientRect().width)}x${Math.round(b.getBoundingClientRect().height)} @${Math.round(b.getBoundingClientRect().top)}`)));
await page.screenshot({ path: `/tmp/quote-phone-${process.argv[3] ?? 'light'}.png` });
await b.close();
