import { describe, expect, inject, it } from 'vitest';
import { guardedContext, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('font-size control', () => {
  it('enlarges the text, remembers it across pages and applies it before first paint', async () => {
    const { context, foreignRequests } = await guardedContext(browser(), baseURL);
    const page = await context.newPage();
    await page.goto('/thang/2026-11/thoi-su/');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();
    await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
    await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
    const after = await size();
    expect(after).toBeGreaterThan(before);

    // On the next page the size is already set when the first paint happens (head script).
    await page.goto('/thang/2026-11/');
    const atFirstPaint = await page.evaluate(() => document.documentElement.dataset['fontSize']);
    expect(atFirstPaint).toBe('3');
    expect(await size()).toBe(after);

    await page.getByRole('button', { name: 'Cỡ chữ mặc định' }).click();
    expect(await size()).toBe(before);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('stays out of the way with JavaScript off', async () => {
    const { context } = await guardedContext(browser(), baseURL, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/thang/2026-11/thoi-su/');
    await expect(page.locator('[data-font-size-control]').isVisible()).resolves.toBe(false);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    await context.close();
  });
});
