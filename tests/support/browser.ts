/**
 * Debian's Chromium through playwright-core, with a guard that fails a test on any request to a
 * host other than the site under test.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launches Chromium from CHROME_PATH or /usr/bin/chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: FLAGS });
}

/**
 * A context that records every request leaving the site's origin and every Content-Security-Policy
 * violation. Closing it throws when either list is not empty, so any browser test that closes its
 * context fails on them; `foreignRequests` and `cspViolations` can also be checked directly.
 */
export async function guardedContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; foreignRequests: string[]; cspViolations: string[] }> {
  const context = await browser.newContext({ baseURL, ...options });
  const origin = new URL(baseURL).origin;
  const foreignRequests: string[] = [];
  const cspViolations: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  // Chromium logs every violation to the console too, which also covers pages with JavaScript off.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy/i.test(text)) cspViolations.push(`${message.location().url}: ${text}`);
  });
  const close = context.close.bind(context);
  context.close = async (closeOptions) => {
    await close(closeOptions);
    const problems = [...foreignRequests.map((url) => `request to another host: ${url}`), ...cspViolations];
    if (problems.length > 0) throw new Error(`Browser guard:\n${problems.join('\n')}`);
  };
  return { context, foreignRequests, cspViolations };
}

/**
 * One Chromium for the test file: launched before its tests, closed after them. Returns a getter,
 * since the browser exists only once `beforeAll` has run.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser is used before beforeAll ran');
    return browser;
  };
}
