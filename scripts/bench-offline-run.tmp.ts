import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { chromium } from 'playwright-core';
import { benchOffline } from './bench/offline.ts';
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const server = await preview({ root, logLevel: 'warn', server: { host: '127.0.0.1', port: 4900 + Math.floor(Math.random() * 90) } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const f of await benchOffline(browser, `http://127.0.0.1:${server.port}`, dist, root)) console.log(f.name.padEnd(90), f.value);
} finally { await browser.close(); await server.stop(); }
