import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { chromium } from 'playwright-core';
const root = fileURLToPath(new URL('..', import.meta.url));
const server = await preview({ root, logLevel: 'warn', server: { host: '127.0.0.1', port: 4900 + Math.floor(Math.random() * 90) } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };
try {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${server.port}` });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDataSaverOverride' as never, { dataSaverEnabled: true } as never);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const t0 = Date.now();
  const log = (...a: unknown[]) => console.log(((Date.now() - t0) / 1000).toFixed(1), ...a);
  context.on('request', (r) => log('req', r.url().slice(22), r.serviceWorker() ? 'SW' : ''));
  context.on('requestfailed', (r) => log('FAILED', r.url().slice(22), r.failure()?.errorText));
  context.on('requestfinished', (r) => log('done', r.url().slice(22)));
  page.on('console', (m) => log('console', m.type(), m.text()));
  await page.goto('/borotoding-2024/bab-1-pendahuluan/', { waitUntil: 'commit' });
  await page.locator('main p').first().waitFor();
  log('text');
  await page.locator('input#cari').click();
  await page.keyboard.type('kemiskinan');
  await page.locator('.site-search .search-hit').first().waitFor({ timeout: 40_000 }).catch((e) => log('timeout', String(e).slice(0, 100)));
  log('panel:', await page.locator('.site-search .search-panel').textContent().catch(() => ''));
  await context.close();
} finally { await browser.close(); await server.stop(); }
