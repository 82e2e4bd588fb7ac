// Drives the system Chromium (Debian's /usr/bin/chromium; no browser download) for browser tests.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How long Playwright waits for a page, a navigation or an element before failing: a hang guard,
 * as vitest.config.ts's limits are (its 30 s default is reached by a load on a busy machine).
 */
export const WAIT_LIMIT = 120_000;

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  // Every context of this browser (and the page browser.newPage() makes) gets the hang guard.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(WAIT_LIMIT);
    return context;
  };
  return browser;
}

/** One Chromium for the test file that calls this: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet (call it inside a test or hook)');
    return browser;
  };
}

export const baseURL = (): string => inject('baseURL');

/** A new context pointed at the test server, recording console errors and failed requests. */
export async function openContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context: BrowserContext = await browser.newContext({ baseURL: baseURL(), ...options });
  const errors: string[] = [];
  context.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.page()?.url()}: ${msg.text()}`);
  });
  context.on('weberror', (e) => errors.push(`${e.page()?.url()}: ${e.error().message}`));
  return { context, errors };
}

export async function visit(page: Page, path: string) {
  const response = await page.goto(path, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${path}`);
  return response;
}
