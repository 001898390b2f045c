/**
 * Layout shift 0 on every page kind (issue 17): nothing that appears after the first paint (the
 * theme toggle, the font-size control, print and share buttons) may push the page around.
 * Measured as the browser does for CLS: every `layout-shift` entry not caused by the reader's input.
 */
import { createServer, type Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { KIT_PAGES, PAGE_KINDS, pageOf } from '../support/pages.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

type Shift = { value: number; sources: string[] };

/** Records every layout shift not caused by the reader's input, as the browser counts them for CLS. */
async function recordShifts(context: BrowserContext, fontStep: string | undefined): Promise<void> {
  await context.addInitScript((value) => {
    if (value) localStorage.setItem('portal:font-size', value);
    const shifts: Shift[] = [];
    (window as unknown as { shifts: typeof shifts }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        const sources = (entry.sources ?? []).map((source) =>
          source.node instanceof Element ? `${source.node.tagName}.${source.node.className}` : String(source.node),
        );
        shifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }, fontStep);
}

const VIEWPORTS = [
  ['phone', { width: 360, height: 740 }, undefined],
  ['phone, largest text', { width: 360, height: 740 }, '4'],
  ['desktop', { width: 1280, height: 800 }, undefined],
] as const;

describe.each(VIEWPORTS)('on a %s', (_, viewport, step) => {
  it.each([...PAGE_KINDS, ...KIT_PAGES])('%s (%s) does not shift', async (__, path) => {
    const { context } = await guardedContext(browser(), baseURL, { viewport, serviceWorkers: 'block' });
    await recordShifts(context, step);
    // Scripts arrive late, as on a slow phone network, so whatever they reveal comes after the first paint.
    await context.route('**/_astro/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.fallback();
    });
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'load' });
    // Deferred scripts have run and the voices list may have arrived.
    await page.waitForTimeout(600);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
    expect(shifts, JSON.stringify(shifts)).toEqual([]);
    await context.close();
  });
});

/*
 * On a slow connection the HTML arrives in pieces and the browser paints what it has: a header
 * painted with half its navigation must not rearrange when the rest arrives. A proxy in front of
 * the site holds each page back for a moment right after the first navigation link.
 */
describe('while the page is still arriving', () => {
  let proxy: Server;
  let proxyURL = '';
  beforeAll(async () => {
    proxy = createServer((request, response) => {
      void (async () => {
        const upstream = await fetch(new URL(request.url ?? '/', baseURL));
        const headers = Object.fromEntries(
          [...upstream.headers].filter(
            ([name]) => !/^(content-encoding|content-length|transfer-encoding)$/i.test(name),
          ),
        );
        response.writeHead(upstream.status, headers);
        const body = Buffer.from(await upstream.arrayBuffer());
        const html = (upstream.headers.get('content-type') ?? '').startsWith('text/html') ? body.toString() : '';
        const nav = html.indexOf('class="site-nav"');
        const cut = nav < 0 ? -1 : html.indexOf('</li>', nav);
        if (cut < 0) {
          response.end(body);
          return;
        }
        response.write(html.slice(0, cut + '</li>'.length));
        setTimeout(() => response.end(html.slice(cut + '</li>'.length)), 1000);
      })().catch((error: unknown) => {
        response.statusCode = 502;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    if (!address || typeof address === 'string') throw new Error('no proxy address');
    proxyURL = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  describe.each([...VIEWPORTS, ['tablet', { width: 800, height: 1000 }, undefined] as const])(
    'on a %s',
    (_, viewport, step) => {
      it.each([pageOf('home'), KIT_PAGES[0][1], pageOf('search')])('%s keeps its header in place', async (path) => {
        const { context } = await guardedContext(browser(), proxyURL, { viewport, serviceWorkers: 'block' });
        await recordShifts(context, step);
        const page = await context.newPage();
        const painted = page.goto(path, { waitUntil: 'load' });
        // The first part of the header has been painted before the rest of the page arrives.
        await page.waitForFunction(
          () => document.querySelector('.site-nav li') !== null && !document.querySelector('main'),
        );
        await painted;
        await page.waitForTimeout(300);
        const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
        expect(shifts, JSON.stringify(shifts)).toEqual([]);
        await context.close();
      });
    },
  );
});
