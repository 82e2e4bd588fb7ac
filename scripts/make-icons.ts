// Draws the app icons in public/icons/ from public/favicon.svg with the system Chromium, so the
// PNGs the web app manifest needs are made from the one drawing. Run after changing the favicon:
//   node_modules/.bin/node scripts/make-icons.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../src/paths.ts';

const svg = readFileSync(join(ROOT, 'public', 'favicon.svg'), 'utf8');
const out = (name: string) => join(ROOT, 'public', 'icons', name);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
// A plain icon fills the square; a maskable one keeps the drawing inside the central safe zone (80%)
// on the icon's own background colour, since launchers may crop it to a circle.
const icons = [
  { name: 'icon-192.png', size: 192, inset: 0 },
  { name: 'icon-512.png', size: 512, inset: 0 },
  { name: 'icon-maskable-512.png', size: 512, inset: 0.1 },
];
for (const { name, size, inset } of icons) {
  await page.setViewportSize({ width: size, height: size });
  const pad = size * inset;
  await page.setContent(
    `<body style="margin:0;background:${inset ? '#8a3b12' : 'transparent'}"><div style="position:absolute;inset:${pad}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: out(name), omitBackground: !inset });
}
await browser.close();
