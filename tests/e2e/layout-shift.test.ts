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
 * On a slow connection the HTML arrives in pieces and the browser paints what it has. A proxy in
 * front of the site holds each page back for a second right after the first link of a list: the
 * header's navigation (the page must not paint before <main> begins, so the header is never seen
 * half-read) or the breadcrumbs (painted half-read, they must not rearrange when the rest arrives).
 */
describe('while the page is still arriving', () => {
  let proxy: Server;
  let proxyURL = '';
  /** The class of the list whose first link ends the first piece. */
  let cutAfter = '';
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
        const list = html.indexOf(`class="${cutAfter}"`);
        const cut = list < 0 ? -1 : html.indexOf('</li>', list) + '</li>'.length;
        if (cut < '</li>'.length) {
          response.end(body);
          return;
        }
        response.write(html.slice(0, cut));
        setTimeout(() => response.end(html.slice(cut)), 1000);
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

  /** Loads `path` through the proxy, cut after the first link of `.${list}`; what the page recorded. */
  async function loadInPieces(
    list: string,
    path: string,
    viewport: { width: number; height: number },
    step: string | undefined,
  ): Promise<{ shifts: Shift[]; firstFrame: { mainBegun: boolean; arriving: boolean } }> {
    cutAfter = list;
    const { context } = await guardedContext(browser(), proxyURL, { viewport, serviceWorkers: 'block' });
    await recordShifts(context, step);
    // What the first frame showed: whether <main> had begun (so the header was complete) and whether
    // the page was still arriving.
    await context.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { firstFrame: unknown }).firstFrame = {
          mainBegun: document.getElementById('noi-dung') !== null,
          arriving: document.readyState === 'loading',
        };
      });
    });
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const recorded = await page.evaluate(() => {
      const seen = window as unknown as { shifts: Shift[]; firstFrame: { mainBegun: boolean; arriving: boolean } };
      return { shifts: seen.shifts, firstFrame: seen.firstFrame };
    });
    await context.close();
    return recorded;
  }

  describe.each([...VIEWPORTS, ['tablet', { width: 800, height: 1000 }, undefined] as const])(
    'on a %s',
    (_, viewport, step) => {
      it.each([pageOf('home'), KIT_PAGES[0][1], pageOf('search')])(
        '%s is not painted before its header is complete',
        async (path) => {
          const { shifts, firstFrame } = await loadInPieces('site-nav', path, viewport, step);
          expect(firstFrame.mainBegun).toBe(true);
          expect(shifts, JSON.stringify(shifts)).toEqual([]);
        },
      );
      it.each([KIT_PAGES[0][1], pageOf('section')])(
        '%s painted with half its breadcrumbs does not shift when the rest arrives',
        async (path) => {
          const { shifts, firstFrame } = await loadInPieces('breadcrumbs', path, viewport, step);
          expect(firstFrame).toEqual({ mainBegun: true, arriving: true });
          expect(shifts, JSON.stringify(shifts)).toEqual([]);
        },
      );
    },
  );
});
