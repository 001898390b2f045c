/**
 * Print: each page kind emulated as print in Chromium, a screenshot of each kept in
 * test-results/print/ for a person to look at, the sample month's page count kept in range, the
 * run sheet on one A4 page at 13 pt or more in the project's own serif, and contents that match.
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
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

/** Pages in a PDF made by Chromium. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/**
 * Makes the project's serif (Noto Serif, the package the PDF embeds) the face Chromium prints with,
 * served from the site's own origin so the Content-Security-Policy allows it.
 */
async function withProjectSerif(context: BrowserContext): Promise<void> {
  const require = createRequire(import.meta.url);
  const font = (weight: string) =>
    readFileSync(require.resolve(`@expo-google-fonts/noto-serif/${weight}/NotoSerif_${weight}.ttf`));
  const faces = { '400Regular': font('400Regular'), '700Bold': font('700Bold') };
  await context.route('**/__test-fonts/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (name === 'fonts.css') {
      return route.fulfill({
        contentType: 'text/css',
        body: `@font-face{font-family:'Times New Roman';src:url(/__test-fonts/400Regular.ttf);font-weight:400}
@font-face{font-family:'Times New Roman';src:url(/__test-fonts/700Bold.ttf);font-weight:700}`,
      });
    }
    return route.fulfill({ contentType: 'font/ttf', body: faces[name.replace('.ttf', '') as keyof typeof faces] });
  });
}

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
    // On screen the controls are there (with JavaScript), so their absence on paper is print CSS's doing.
    const controls = page.locator('[data-font-size-control], [data-print]').first();
    await expect(controls.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(controls.isVisible()).resolves.toBe(false);
    const file = join(shots, `${kind}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});

it('prints the sample month on A4 in 8 to 20 pages', async () => {
  const { context } = await guardedContext(browser(), baseURL);
  const page = await context.newPage();
  await page.goto('/thang/2026-11/in/');
  await page.emulateMedia({ media: 'print' });
  const pages = pageCount(await page.pdf({ preferCSSPageSize: true, format: 'A4' }));
  expect(pages).toBeGreaterThanOrEqual(8);
  expect(pages).toBeLessThanOrEqual(20);
  await context.close();
});

it('numbers the printed contents as the headings are numbered', async () => {
  const { context } = await guardedContext(browser(), baseURL);
  const page = await context.newPage();
  await page.goto('/thang/2026-11/in/');
  await page.emulateMedia({ media: 'print' });
  const pairs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('.print-toc a[href^="#muc-"]')].map((link) => [
      link.textContent?.trim() ?? '',
      document.getElementById(link.hash.slice(1))?.textContent?.trim() ?? '',
    ]),
  );
  expect(pairs.length).toBeGreaterThan(2);
  for (const [entry, heading] of pairs) {
    expect(entry).toMatch(/^\d+\. /);
    expect(heading).toBe(entry);
  }
  // Nothing else in the contents carries a number (a list counter would put them off by one).
  const listStyle = await page
    .locator('.print-toc ul, .print-toc ol')
    .first()
    .evaluate((list) => getComputedStyle(list).listStyleType);
  expect(listStyle).toBe('none');
  await context.close();
});

it('heads the printed month with the issuer, the month once and a plain publishing date', async () => {
  const { context } = await guardedContext(browser(), baseURL);
  const page = await context.newPage();
  await page.goto('/thang/2026-11/in/');
  expect(await page.title()).toMatch(/^Bản in tài liệu tháng 11\/2026 – /);
  await expect(page.locator('.print-head__month').textContent()).resolves.toMatch(
    /^Tháng 11\/2026 · Phát hành ngày \d{2}\/\d{2}\/2026$/,
  );
  await context.close();
});

it('prints the month page as a pointer to the printable version, not pages of overview', async () => {
  const { context } = await guardedContext(browser(), baseURL);
  const page = await context.newPage();
  await page.goto('/thang/2026-11/');
  await page.emulateMedia({ media: 'print' });
  const notice = page.locator('.print-notice');
  await expect(notice.isVisible()).resolves.toBe(true);
  await expect(notice.textContent()).resolves.toContain(new URL('/thang/2026-11/in/', baseURL).href);
  await expect(page.locator('article img').first().isVisible()).resolves.toBe(false);
  expect(pageCount(await page.pdf({ preferCSSPageSize: true, format: 'A4' }))).toBe(1);
  await context.close();
});

it('prints the run sheet on one A4 page at 13 pt or more, in the project’s serif', async () => {
  const { context } = await guardedContext(browser(), baseURL);
  await withProjectSerif(context);
  const page = await context.newPage();
  await page.goto('/thang/2026-11/ke-hoach/');
  await page.evaluate(async () => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/__test-fonts/fonts.css' });
    document.head.append(link);
    await new Promise((resolve) => link.addEventListener('load', resolve));
    await document.fonts.load("13pt 'Times New Roman'");
  });
  await page.emulateMedia({ media: 'print' });
  const used = await page.evaluate(() => ({
    loaded: document.fonts.check("13pt 'Times New Roman'"),
    sizes: [...document.querySelectorAll('.run-sheet td, .run-sheet th')]
      .filter((cell) => (cell.textContent ?? '').trim() !== '' && cell.getClientRects().length > 0)
      .map((cell) => parseFloat(getComputedStyle(cell).fontSize)),
  }));
  expect(used.loaded).toBe(true);
  expect(used.sizes.length).toBeGreaterThan(10);
  // 13 pt = 17.33 CSS px.
  expect(Math.min(...used.sizes)).toBeGreaterThanOrEqual((13 * 96) / 72 - 0.01);
  expect(pageCount(await page.pdf({ preferCSSPageSize: true, format: 'A4' }))).toBe(1);
  await context.close();
});
