/**
 * A cell secretary on a 360 × 740 phone (issue 16): no sideways scrolling at any text size, this
 * month's PDF and kit on the first screen, the run sheet as cards, the archive newest first, sharing,
 * and the small things a reader meets on every page (labels, anchors, tables, the header).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { KIT_PAGES, PAGE_KINDS } from '../support/pages.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
const PHONE = { width: 360, height: 740 };
const LARGEST_STEP = '4';

/** A page at the given size, optionally with the largest reading size chosen beforehand. */
async function open(
  path: string,
  viewport = PHONE,
  step?: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context } = await guardedContext(browser(), baseURL, { viewport, serviceWorkers: 'block' });
  if (step) await context.addInitScript((value) => localStorage.setItem('portal:font-size', value), step);
  const page = await context.newPage();
  await page.goto(path);
  return { page, close: () => context.close() };
}

/** How far the page reaches past the screen's right edge, in CSS pixels. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each([...PAGE_KINDS, ...KIT_PAGES])('%s (%s) never scrolls sideways', (_, path) => {
  it('at 320 px', async () => {
    const { page, close } = await open(path, { width: 320, height: 640 });
    expect(await overflow(page)).toBe(0);
    await close();
  });

  it('at 360 px with the largest text size', async () => {
    const { page, close } = await open(path, PHONE, LARGEST_STEP);
    expect(await page.evaluate(() => document.documentElement.dataset['fontSize'])).toBe(LARGEST_STEP);
    expect(await overflow(page)).toBe(0);
    await close();
  });

  it("at 360 px with the browser's text at twice its size", async () => {
    const { page, close } = await open(path);
    // As a phone's own text setting does (the site's largest step is smaller), through the CSSOM:
    // the site's CSP refuses an inline style element.
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    expect(await overflow(page)).toBe(0);
    await close();
  });
});

describe('the first screen of a phone', () => {
  it.each([
    ['home', '/'],
    ['month', '/thang/2026-11/'],
  ])("shows this month's PDF button on the %s page", async (_, path) => {
    const { page, close } = await open(path);
    const pdf = page.locator('main a[href$="/tai-lieu-sinh-hoat-chi-bo-2026-11.pdf"]').first();
    const box = await pdf.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    await close();
  });

  it("links the home page to this month's kit", async () => {
    const { page, close } = await open('/');
    await expect(page.locator('main a[href="/thang/2026-11/ke-hoach/"]').first().isVisible()).resolves.toBe(true);
    await close();
  });

  it('links a section page to the month files and the kit', async () => {
    const { page, close } = await open('/thang/2026-11/thoi-su/');
    await expect(page.locator('main a[href$="2026-11.pdf"]').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('main a[href="/thang/2026-11/ke-hoach/"]').first().isVisible()).resolves.toBe(true);
    await close();
  });
});

describe('the run sheet on a phone', () => {
  it('reads as cards, no taller than 2.5 times its desktop height, and stays editable', async () => {
    const desktop = await open('/thang/2026-11/ke-hoach/', { width: 1280, height: 800 });
    const desktopHeight = await desktop.page.evaluate(() => document.documentElement.scrollHeight);
    await desktop.close();
    const { page, close } = await open('/thang/2026-11/ke-hoach/');
    const phoneHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(phoneHeight / desktopHeight).toBeLessThanOrEqual(2.5);
    // Each step's text has the card's full width, not a squeezed table column.
    const widths = await page.evaluate(() => {
      const cell = document.querySelector('.run-sheet__content');
      const form = document.querySelector('.run-sheet');
      return [cell?.getBoundingClientRect().width ?? 0, form?.getBoundingClientRect().width ?? 1];
    });
    expect((widths[0] ?? 0) / (widths[1] ?? 1)).toBeGreaterThan(0.8);
    const minutes = page.locator('[data-minutes]').first();
    await minutes.fill('20');
    await expect(page.locator('[data-total]').textContent()).resolves.not.toBe('');
    const total = Number(await page.locator('[data-total]').textContent());
    await minutes.fill('21');
    expect(Number(await page.locator('[data-total]').textContent())).toBe(total + 1);
    await close();
  });
});

describe('the archive', () => {
  it('starts with the newest month, shows its title and downloads, and no empty month on a phone', async () => {
    const { page, close } = await open('/thang/');
    const first = page.locator('.archive-year li:visible').first();
    await expect(first.locator('a').first().getAttribute('href')).resolves.toBe('/thang/2026-11/');
    await expect(first.textContent()).resolves.toContain('Tài liệu sinh hoạt chi bộ tháng 11');
    await expect(first.locator('a[href$=".pdf"]').count()).resolves.toBe(1);
    expect(await page.locator('.archive-year li.empty:visible').count()).toBe(0);
    await close();
  });
});

describe('sharing', () => {
  it.each([
    ['month', '/thang/2026-11/'],
    ['section', '/thang/2026-11/thoi-su/'],
    ['topic', '/chuyen-de/2026/'],
    ['guide', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
  ])('the %s page hands its address to the phone’s share sheet', async (_, path) => {
    const { context } = await guardedContext(browser(), baseURL, { viewport: PHONE, serviceWorkers: 'block' });
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
          return Promise.resolve();
        },
      });
    });
    const page = await context.newPage();
    await page.goto(path);
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared?: ShareData }).shared);
    expect(shared?.url).toBe(new URL(path, baseURL).href);
    expect(shared?.title).toBeTruthy();
    await context.close();
  });

  it('copies the link where there is no share sheet, and says so', async () => {
    const { context } = await guardedContext(browser(), baseURL, { viewport: PHONE, serviceWorkers: 'block' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: undefined });
    });
    const page = await context.newPage();
    await page.goto('/thang/2026-11/');
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã chép đường dẫn' }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('/thang/2026-11/', baseURL).href);
    await context.close();
  });
});

describe('reading controls and page furniture', () => {
  it('labels the text size buttons visibly', async () => {
    const { page, close } = await open('/thang/2026-11/thoi-su/');
    await expect(page.getByRole('group', { name: 'Cỡ chữ' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.font-size__label').isVisible()).resolves.toBe(true);
    await close();
  });

  it('shows a heading’s “#” only on hover or focus', async () => {
    const { page, close } = await open('/thang/2026-11/thoi-su/', { width: 1280, height: 800 });
    const anchor = page.locator('.heading-anchor').first();
    const opacity = () => anchor.evaluate((element) => getComputedStyle(element).opacity);
    expect(await opacity()).toBe('0');
    await anchor.focus();
    expect(await opacity()).toBe('1');
    await close();
  });

  it('gives “Bài sau” the full width on a phone', async () => {
    const { page, close } = await open('/thang/2026-11/thoi-su/');
    const width = await page.locator('.pager .next').evaluate((element) => element.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(PHONE.width * 0.8);
    await close();
  });

  it('stacks the “Văn bản mới” table on a phone and lets a keyboard reach a wide table', async () => {
    const { page, close } = await open('/thang/2026-11/van-ban-moi/');
    const table = page.locator('.table-scroll').first();
    expect(await table.getAttribute('tabindex')).toBe('0');
    const firstCell = table.locator('tbody td').first();
    // Stacked: the first cell spans the box and the last column's text is on screen.
    const [cellWidth, boxWidth] = await Promise.all([
      firstCell.evaluate((element) => element.getBoundingClientRect().width),
      table.evaluate((element) => element.clientWidth),
    ]);
    expect(cellWidth).toBeGreaterThan(boxWidth * 0.8);
    expect(await table.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    await close();
  });

  it('right-aligns a numbers column on a wide screen and keeps each value after its label on a phone', async () => {
    // content/thang/2026-11/01-thoi-su.mdx: the results column is written `| ---: |`.
    const alignment = async (viewport: { width: number; height: number }) => {
      const { page, close } = await open('/thang/2026-11/thoi-su/', viewport);
      const cell = page.locator('.table-scroll tbody td').nth(1);
      const value = await cell.evaluate((element) => getComputedStyle(element).textAlign);
      await close();
      return value;
    };
    expect(await alignment({ width: 1280, height: 800 })).toBe('right');
    expect(await alignment(PHONE)).toBe('start');
  });

  it('fits the whole header search placeholder in its box', async () => {
    for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
      const { page, close } = await open('/', viewport);
      const fits = await page.locator('#site-search').evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) return false;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width <= room;
      });
      expect(fits).toBe(true);
      await close();
    }
  });

  it.each([
    ['360 px', PHONE.width, ''],
    ['360 px, text at twice the size', PHONE.width, '200%'],
    ['414 px', 414, ''],
  ])("keeps the search filters and each filter's open list within the screen at %s", async (_, width, fontSize) => {
    const { page, close } = await open('/tim-kiem/?q=dang+vien', { width, height: PHONE.height });
    // The browser's own text scaling (the site's largest step is smaller), through the CSSOM: the
    // site's CSP refuses an inline style element.
    if (fontSize) await page.evaluate((size) => (document.documentElement.style.fontSize = size), fontSize);
    for (const index of [0, 1]) {
      const dropdown = page.locator('pagefind-filter-dropdown').nth(index);
      await dropdown.locator('.pf-dropdown-trigger').click();
      await dropdown.locator('[role="option"]').first().waitFor();
      const box = await dropdown.locator('.pf-dropdown-menu').evaluate((menu) => {
        const rect = menu.getBoundingClientRect();
        return { left: rect.left, right: rect.right };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
      expect(await overflow(page)).toBe(0);
      // Chosen, the filter shows its count and a clear button beside the trigger: they must fit too.
      await dropdown.locator('[role="option"]').first().click();
      await dropdown.locator('.pf-dropdown-trigger').click();
      await dropdown.locator('.pf-dropdown-selected-badge').waitFor();
    }
    expect(await overflow(page)).toBe(0);
    await close();
  });

  it('has one search box on the search page', async () => {
    const { page, close } = await open('/tim-kiem/');
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    await close();
  });

  it('shows a visible feed link with what it is for', async () => {
    const { page, close } = await open('/');
    const note = page.locator('.feed-note');
    await expect(note.getByRole('heading', { name: 'Nhận tài liệu mới' }).isVisible()).resolves.toBe(true);
    await expect(note.locator('a[href="/rss.xml"]').isVisible()).resolves.toBe(true);
    await close();
  });
});
