/**
 * Print: each page kind emulated as print in Chromium, a screenshot of each kept in
 * test-results/print/ for a person to look at, and the sample month's page count kept in range.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { projectRoot } from '../support/build-site.ts';

const baseURL = inject('baseURL');
const siteDist = inject('siteDist');
const shots = join(projectRoot, 'test-results/print');
const firstFolder = (dir: string) =>
  readdirSync(join(siteDist, dir), { withFileTypes: true }).find((entry) => entry.isDirectory())?.name ?? '';
const browser = useBrowser();

beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

describe.each([
  ['printable-month', '/thang/2026-11/in/'],
  ['month', '/thang/2026-11/'],
  ['section', '/thang/2026-11/thoi-su/'],
  ['topic', '/chuyen-de/2026/'],
  ['topic-part', `/chuyen-de/2026/${firstFolder('chuyen-de/2026')}/`],
  ['guide', `/hoc-tap-bac/${firstFolder('hoc-tap-bac')}/`],
])('print of %s (%s)', (kind, path) => {
  it('hides the screen-only controls and keeps a screenshot', async () => {
    const { context } = await guardedContext(browser(), baseURL, { viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    const file = join(shots, `${kind}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    await expect(page.locator('[data-font-size-control]').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});

it('prints the sample month on A4 in 8 to 20 pages', async () => {
  const { context } = await guardedContext(browser(), baseURL);
  const page = await context.newPage();
  await page.goto('/thang/2026-11/in/');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(8);
  expect(pages).toBeLessThanOrEqual(20);
  await context.close();
});
