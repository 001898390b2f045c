/**
 * WCAG 2.2 AA on every page kind with axe-core, in the light and the dark theme; contrast at every
 * font-size step; keyboard-only use with a visible focus; the theme toggle; print always light.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { PAGE_KINDS } from '../support/pages.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const baseURL = inject('baseURL');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const browser = useBrowser();

/** axe-core's violations on the current page, as "rule: target" lines. */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    ([tags, only]) =>
      (
        window as unknown as {
          axe: {
            run(
              context: Document,
              options: object,
            ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(
        document,
        only ? { runOnly: { type: 'rule', values: only } } : { runOnly: { type: 'tag', values: tags } },
      ),
    [WCAG_22_AA, rules] as const,
  );
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  );
}

describe.each(['light', 'dark'] as const)('axe-core, %s theme', (colorScheme) => {
  let context: BrowserContext;
  let foreignRequests: string[];
  beforeAll(async () => {
    // axe is injected as an inline script, which the site's CSP rightly refuses.
    ({ context, foreignRequests } = await guardedContext(browser(), baseURL, {
      colorScheme,
      serviceWorkers: 'block',
      bypassCSP: true,
    }));
  });
  afterAll(async () => {
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it.each(PAGE_KINDS)('%s (%s) has no WCAG 2.2 AA violation', async (_, url) => {
    const page = await context.newPage();
    await page.goto(url);
    // The theme really is the one under test.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(22, 21, 20)' : 'rgb(253, 252, 250)');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it.each([0, 1, 2, 3, 4])('contrast holds at font-size step %i', async (step) => {
    const page = await context.newPage();
    await page.addInitScript((value) => localStorage.setItem('portal:font-size', String(value)), step);
    for (const url of ['/', '/thang/2026-11/', '/thang/2026-11/thoi-su/']) {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.dataset['fontSize'])).toBe(String(step));
      expect(await violations(page, ['color-contrast', 'link-in-text-block', 'target-size'])).toEqual([]);
    }
    await page.close();
  });
});

describe('the theme toggle', () => {
  it('follows the system, names the theme it switches to, works by keyboard, is remembered before first paint, and prints light', async () => {
    const { context } = await guardedContext(browser(), baseURL, { colorScheme: 'dark', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/thang/2026-11/thoi-su/');
    const toggle = page.locator('[data-theme-toggle]');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // Dark is on (the system's), so the button offers the light theme, and says so.
    expect(await toggle.innerText()).toBe('Nền sáng');
    await expect(page.getByRole('button', { name: 'Nền sáng' }).isVisible()).resolves.toBe(true);
    expect(await background()).toBe('rgb(22, 21, 20)');

    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.innerText()).toBe('Nền tối');
    expect(await background()).toBe('rgb(253, 252, 250)');

    // The choice is applied by the head script on the next page, before anything is painted.
    await page.goto('/thang/2026-11/');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(await background()).toBe('rgb(253, 252, 250)');

    await page.getByRole('button', { name: 'Nền tối' }).click();
    expect(await background()).toBe('rgb(22, 21, 20)');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const link = document.querySelector('main a');
      return [
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.body).color,
        link ? getComputedStyle(link).color : '',
      ];
    });
    expect(printed).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
    await context.close();
  });

  it('is absent without JavaScript, and the system theme still applies', async () => {
    const { context } = await guardedContext(browser(), baseURL, { colorScheme: 'dark', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 21, 20)');
    await context.close();
  });
});

describe('keyboard only', () => {
  it.each([
    ['section', '/thang/2026-11/thoi-su/'],
    ['monthly issue', '/thang/2026-11/'],
    ['home', '/'],
  ])('every control of the %s page is reached by Tab, in view, with a visible focus ring', async (_, url) => {
    const { context } = await guardedContext(browser(), baseURL, { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);

    // The first Tab lands on the skip link, which takes focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');

    // From the top again: every control in document order.
    await page.reload();
    const focusable = await page.evaluate(
      () =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
          ),
        ].filter((element) => element.getClientRects().length > 0 && !element.closest('[hidden]')).length,
    );
    const reached = new Set<string>();
    for (let index = 0; index < focusable + 1; index += 1) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          key: `${element.tagName}:${element.getAttribute('href') ?? element.textContent?.trim() ?? ''}:${box.top + window.scrollY}`,
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          inView: box.bottom > 0 && box.top < window.innerHeight,
        };
      });
      if (!state) break;
      expect(state.ring, state.key).toBe(true);
      expect(state.inView, state.key).toBe(true);
      reached.add(state.key);
    }
    expect(reached.size).toBe(focusable);
    await context.close();
  });
});
