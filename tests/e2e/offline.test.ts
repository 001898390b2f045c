/**
 * Offline reading after one visit, with the network cut: this month and its pages, pages the reader
 * opened, the offline page for the rest, a downloaded PDF; and a new deploy reaching the reader.
 */
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { switchableServer, type SwitchableServer } from '../support/switchable-server.ts';

const siteDist = inject('siteDist');
const OFFLINE_TITLE = 'Đang không có mạng';
const MONTH_PDF = '/thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.pdf';
const browser = useBrowser();

afterAll(() => {
  expect(foreignRequests).toEqual([]);
});

/** Requests that left the site under test (none may). */
const foreignRequests: string[] = [];

/** Opens the site once, online, and waits until the service worker has stored this month. */
async function firstVisit(context: BrowserContext): Promise<Page> {
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('http://127.0.0.1:') && !url.startsWith('blob:') && !url.startsWith('data:'))
      foreignRequests.push(url);
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // clientsClaim: the page that registered the worker is controlled without a reload.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

/** Cuts the network for the browser and the server alike. */
async function goOffline(context: BrowserContext, server: SwitchableServer) {
  await server.goOffline();
  await context.setOffline(true);
}

/** Resolves once `check` holds, polling; rejects after `timeout` ms. */
async function until(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  for (const start = Date.now(); !(await check()); await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${check.toString()}`);
  }
}

const h1 = (page: Page) => page.locator('h1').first().textContent();

describe('offline after one visit', () => {
  let server: SwitchableServer;
  let context: BrowserContext;
  let page: Page;
  const sections = readdirSync(resolve(projectRoot, 'content/thang/2026-11'))
    .filter((name) => /^\d+-.+\.mdx$/.test(name))
    .map((name) => `/thang/2026-11/${name.replace(/^\d+-/, '').replace(/\.mdx$/, '')}/`);

  beforeAll(async () => {
    server = await switchableServer(siteDist);
    context = await browser().newContext({ baseURL: server.baseURL });
    page = await firstVisit(context);
    // Pages the reader opens are kept too, and so is a PDF once downloaded.
    await page.goto('/thang/2026-09/thoi-su/');
    await page.goto('/thang/2026-11/');
    const download = page.waitForEvent('download');
    await page.locator(`a[href="${MONTH_PDF}"]`).first().click();
    await download;
    await until(() => page.evaluate(async (pdf) => Boolean(await caches.match(pdf)), MONTH_PDF));
    await goOffline(context, server);
  });
  afterAll(async () => {
    await context.close();
  });

  it.each([
    ['/'],
    ['/thang/2026-11/'],
    ...sections.map((url) => [url]),
    ['/thang/2026-11/in/'],
    ['/thang/2026-09/thoi-su/'],
  ])('%s opens, styled', async (url) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(await h1(page)).not.toContain(OFFLINE_TITLE);
    expect(await page.title()).not.toContain(OFFLINE_TITLE);
    // The stylesheet came from the cache too: the site's font stack applies, not the browser default.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui');
  });

  it('shows the Vietnamese offline page, listing what is stored, for a page never opened', async () => {
    const response = await page.goto('/thang/2026-10/');
    expect(response?.status()).toBe(200);
    expect(await h1(page)).toBe(OFFLINE_TITLE);
    const list = page.locator('[data-offline-list] a');
    await expect.poll(() => list.count()).toBeGreaterThan(sections.length);
    const links = await list.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links[0]).toBe('/');
    expect(links).toEqual(
      expect.arrayContaining(['/thang/2026-11/', '/thang/2026-11/in/', '/thang/2026-09/thoi-su/', ...sections]),
    );
    expect(links).not.toContain('/thang/2026-10/');
    // Titles, not bare addresses, and without the site name every page title ends with.
    expect(await list.first().textContent()).toContain('Tài liệu sinh hoạt chi bộ');
    const titles = await list.allTextContents();
    expect(titles.filter((title) => title.endsWith(' – Tài liệu sinh hoạt chi bộ'))).toEqual([]);
    // The note says what this phone keeps, and what it keeps when saving data.
    await expect(page.locator('main').textContent()).resolves.toContain('tiết kiệm dữ liệu');
  });

  it('serves the downloaded month PDF', async () => {
    await page.goto('/');
    const result = await page.evaluate(async (pdf) => {
      const response = await fetch(pdf);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        size: (await response.arrayBuffer()).byteLength,
      };
    }, MONTH_PDF);
    expect(result).toEqual({
      status: 200,
      type: 'application/pdf',
      size: readFileSync(join(siteDist, MONTH_PDF)).byteLength,
    });
  });
});

describe('the PDF is kept only once downloaded', () => {
  it('is not stored by the first visit', async () => {
    const server = await switchableServer(siteDist);
    const context = await browser().newContext({ baseURL: server.baseURL });
    const page = await firstVisit(context);
    expect(await page.evaluate(async (pdf) => Boolean(await caches.match(pdf)), MONTH_PDF)).toBe(false);
    await context.close();
    await server.goOffline();
  });
});

describe('a new deploy reaches the reader', () => {
  const CORRECTION = 'Mục Hỏi đáp, câu 3: thời hạn nộp bản kiểm điểm là ngày 10/12/2026.';
  let nextDist: string;

  beforeAll(() => {
    // The next deploy: December is published and November gains a correction.
    const work = resolve(projectRoot, '.cache/test-builds/e2e-next-month');
    rmSync(join(work, 'content'), { recursive: true, force: true });
    cpSync(resolve(projectRoot, 'content'), join(work, 'content'), { recursive: true });
    const december = join(work, 'content/thang/2026-12/index.mdx');
    writeFileSync(december, readFileSync(december, 'utf8').replace('status: draft', 'status: published'));
    const november = join(work, 'content/thang/2026-11/index.mdx');
    writeFileSync(
      november,
      readFileSync(november, 'utf8').replace(
        'corrections:\n',
        `corrections:\n  - { date: 2026-11-28, text: "${CORRECTION}" }\n`,
      ),
    );
    const result = buildSite({ name: 'e2e-next-month', contentDir: join(work, 'content') });
    if (result.status !== 0) throw new Error(`The next deploy did not build:\n${result.output}`);
    nextDist = result.outDir;
  });

  it('shows the new month and the correction on the next online visit, then keeps them offline', async () => {
    const server = await switchableServer(siteDist);
    const context = await browser().newContext({ baseURL: server.baseURL });
    const page = await firstVisit(context);
    expect(await page.locator('h1').first().textContent()).toContain('tháng 11 năm 2026');
    const firstWorker = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL,
    );

    server.serve(nextDist);
    // Network-first: the very next visit shows December, not a stored home page.
    await page.goto('/');
    expect(await page.locator('h1').first().textContent()).toContain('tháng 12 năm 2026');
    await page.goto('/thang/2026-11/');
    expect(await page.locator('section[aria-labelledby="dinh-chinh"]').textContent()).toContain(CORRECTION);

    // The browser finds the new worker; it takes over and stores the new month.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const updated = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return (
          Boolean(registration?.active && !registration.installing && !registration.waiting) &&
          (await caches.match('/thang/2026-12/')) !== undefined
        );
      });
    await expect.poll(updated, { timeout: 20_000 }).toBe(true);
    expect(firstWorker).toBeTruthy();

    await goOffline(context, server);
    await page.goto('/thang/2026-12/');
    expect(await h1(page)).toContain('tháng 12 năm 2026');
    await page.goto('/thang/2026-11/');
    expect(await page.locator('section[aria-labelledby="dinh-chinh"]').textContent()).toContain(CORRECTION);
    await context.close();
  });
});
