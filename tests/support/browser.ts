/**
 * Debian's Chromium through playwright-core, with a guard that fails a test on any request to a
 * host other than the site under test.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** Launches Chromium from CHROME_PATH or /usr/bin/chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: FLAGS });
}

/** A context that records every request leaving the site's origin; check `foreignRequests` at the end. */
export async function guardedContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; foreignRequests: string[] }> {
  const context = await browser.newContext({ baseURL, ...options });
  const origin = new URL(baseURL).origin;
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return { context, foreignRequests };
}
