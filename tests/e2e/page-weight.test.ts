/**
 * What a reader's browser downloads from nginx: a section page within 40 KB compressed on a first
 * visit and 10 KB on the next page (HTML, CSS, fonts, JS), and under 2 KB of JavaScript before search.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { guardedContext, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/**
 * A context whose HTTP cache works (request interception, as in guardedContext, turns it off), so
 * it watches instead of blocking: it records requests to other hosts and CSP messages to check.
 */
async function cachingContext(): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser().newContext({ baseURL, serviceWorkers: 'block' });
  const problems: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(baseURL)) problems.push(`request to another host: ${request.url()}`);
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  return { context, problems };
}

/** Counts the bytes on the wire (headers included) of every response, by resource type. */
async function meter(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  const bytes: Array<{ url: string; type: string; bytes: number }> = [];
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) =>
    bytes.push({ url: '', type: types.get(event.requestId) ?? 'Other', bytes: event.encodedDataLength }),
  );
  return {
    /** Bytes of pages, styles, scripts and fonts since the last reset. */
    pageBytes: () =>
      bytes
        .filter((entry) => ['Document', 'Stylesheet', 'Script', 'Font', 'Other'].includes(entry.type))
        .reduce((sum, entry) => sum + entry.bytes, 0),
    scriptBytes: () => bytes.filter((entry) => entry.type === 'Script').reduce((sum, entry) => sum + entry.bytes, 0),
    reset: () => bytes.splice(0),
  };
}

describe('page weight of a section page', () => {
  it('is at most 40 KB on a first visit and 10 KB on the next page', async () => {
    // The service worker's own precache is not part of the page's weight.
    const { context, problems } = await cachingContext();
    const page = await context.newPage();
    const counter = await meter(page);
    await page.goto('/thang/2026-11/thoi-su/', { waitUntil: 'networkidle' });
    const first = counter.pageBytes();
    counter.reset();
    await page.goto('/thang/2026-11/van-ban-moi/', { waitUntil: 'networkidle' });
    const next = counter.pageBytes();
    expect(
      { first: first <= 40 * 1024, next: next <= 10 * 1024 },
      `first visit ${first} B, next page ${next} B`,
    ).toEqual({ first: true, next: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(['/thang/2026-11/thoi-su/', '/thang/2026-11/', '/hoc-tap-bac/', '/chuyen-de/2026/'])(
    '%s carries under 2 KB of JavaScript (compressed) before search is opened',
    async (path) => {
      const { context } = await guardedContext(browser(), baseURL, { serviceWorkers: 'block' });
      const page = await context.newPage();
      const counter = await meter(page);
      await page.goto(path, { waitUntil: 'networkidle' });
      const inline = await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')]
          .filter((script) => !script.getAttribute('type') || script.getAttribute('type') === 'module')
          .map((script) => script.textContent ?? '')
          .join('\n'),
      );
      const total = gzipSync(inline, { level: 9 }).byteLength + counter.scriptBytes();
      expect(total, `inline ${inline.length} B raw, external ${counter.scriptBytes()} B`).toBeLessThan(2 * 1024);
      await context.close();
    },
  );
});
