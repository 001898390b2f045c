/**
 * Layout shift 0 on every page kind (issue 17): nothing that appears after the first paint (the
 * theme toggle, the font-size control, print and share buttons) may push the page around.
 * Measured as the browser does for CLS: every `layout-shift` entry not caused by the reader's input.
 */
import { describe, expect, inject, it } from 'vitest';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { KIT_PAGES, PAGE_KINDS } from '../support/pages.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe.each([
  ['phone', { width: 360, height: 740 }, undefined],
  ['phone, largest text', { width: 360, height: 740 }, '4'],
  ['desktop', { width: 1280, height: 800 }, undefined],
] as const)('on a %s', (_, viewport, step) => {
  it.each([...PAGE_KINDS, ...KIT_PAGES])('%s (%s) does not shift', async (__, path) => {
    const { context } = await guardedContext(browser(), baseURL, { viewport, serviceWorkers: 'block' });
    await context.addInitScript((value) => {
      if (value) localStorage.setItem('portal:font-size', value);
      const shifts: { value: number; sources: string[] }[] = [];
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
    }, step);
    // Scripts arrive late, as on a slow phone network, so whatever they reveal comes after the first paint.
    await context.route('**/_astro/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.fallback();
    });
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'load' });
    // Deferred scripts have run and the voices list may have arrived.
    await page.waitForTimeout(600);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: unknown[] }).shifts);
    expect(shifts, JSON.stringify(shifts)).toEqual([]);
    await context.close();
  });
});
