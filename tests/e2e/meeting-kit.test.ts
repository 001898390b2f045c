/** The meeting kit in a browser: the checklist scores and remembers, the plan totals, both print on one A4 page. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { getDocumentProxy } from 'unpdf';
import { parse } from 'yaml';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { projectRoot } from '../support/build-site.ts';
import { switchableServer } from '../support/switchable-server.ts';
import { scoreChecklist } from '../../src/lib/kit/checklist.ts';
import { bandsBestFirst, criteriaItems, criteriaSchema } from '../../src/lib/kit/criteria.ts';

const baseURL = inject('baseURL');
const criteria = criteriaSchema().parse(
  parse(readFileSync(resolve(projectRoot, 'content/tieu-chi/chat-luong-sinh-hoat.yaml'), 'utf8')),
);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const browser = useBrowser();

describe('self-assessment checklist', () => {
  it('scores the ticked items, keeps the ticks after a reload and copies the result as text', async () => {
    const { context, foreignRequests } = await guardedContext(browser(), baseURL);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const page = await context.newPage();
    await page.goto('/thang/2026-11/tu-danh-gia/');
    const score = page.locator('[data-score-text]');
    await expect(score.textContent()).resolves.toBe('Điểm: ...... / 28. Xếp loại: ..................');

    // Tick everything in the first three groups (preparation, content, discussion).
    const chosen = criteria.groups.slice(0, 3).flatMap((group) => group.items);
    for (const item of chosen) await page.getByRole('checkbox', { name: item.text }).check();
    const expected = scoreChecklist(
      criteriaItems(criteria),
      bandsBestFirst(criteria),
      chosen.map((item) => item.id),
    );
    expect(expected.band.label).toBe('Khá');
    const line = `Điểm: ${expected.points}/${expected.maxPoints} (${expected.percent}%). Xếp loại: Khá.`;
    await expect(score.textContent()).resolves.toBe(line);
    await expect(page.locator('[data-advice]').textContent()).resolves.toBe(expected.band.advice);

    await page.reload();
    for (const item of chosen)
      await expect(page.getByRole('checkbox', { name: item.text }).isChecked()).resolves.toBe(true);
    const untouched = criteria.groups[3]?.items[0];
    await expect(page.getByRole('checkbox', { name: untouched?.text ?? '' }).isChecked()).resolves.toBe(false);
    await expect(score.textContent()).resolves.toBe(line);
    const stored = await page.evaluate(() => localStorage.getItem('portal:tu-danh-gia:2026-11'));
    expect(JSON.parse(stored ?? '[]')).toEqual(chosen.map((item) => item.id));

    await page.getByRole('button', { name: 'Sao chép kết quả' }).click();
    // The status is written once the clipboard answers.
    await page.locator('[data-copy-status]', { hasText: /sao chép/ }).waitFor();
    const copied = (await page.locator('[data-report-box]').isVisible())
      ? await page.locator('[data-report]').inputValue()
      : await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Kết quả tự đánh giá buổi sinh hoạt chi bộ tháng 11/2026');
    expect(copied).toContain(line);
    expect(copied).toContain(`[x] ${chosen[0]?.text}`);
    expect(copied).toContain(`[ ] ${untouched?.text}`);

    // Each month keeps its own ticks.
    await page.goto('/thang/2026-10/tu-danh-gia/');
    await expect(page.locator('[data-score-text]').textContent()).resolves.toBe(
      'Điểm: ...... / 28. Xếp loại: ..................',
    );
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('meeting plan', () => {
  it('adds up the minutes the secretary types, warns under 90 and remembers them', async () => {
    const { context, foreignRequests } = await guardedContext(browser(), baseURL);
    const page = await context.newPage();
    await page.goto('/thang/2026-11/ke-hoach/');
    const total = page.locator('[data-total]');
    await expect(total.textContent()).resolves.toBe('100');
    const warning = page.locator('[data-too-short]');
    await expect(warning.isVisible()).resolves.toBe(false);

    await page.getByRole('spinbutton', { name: 'Số phút: Tài liệu tháng này và thảo luận' }).fill('15');
    await expect(total.textContent()).resolves.toBe('85');
    await expect(warning.isVisible()).resolves.toBe(true);

    await page.reload();
    await expect(
      page.getByRole('spinbutton', { name: 'Số phút: Tài liệu tháng này và thảo luận' }).inputValue(),
    ).resolves.toBe('15');
    await expect(total.textContent()).resolves.toBe('85');

    await page.getByRole('button', { name: 'Trở về thời gian gợi ý' }).click();
    await expect(total.textContent()).resolves.toBe('100');
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('printing', () => {
  it.each([
    '/thang/2026-11/ke-hoach/',
    '/thang/2026-10/ke-hoach/',
    '/thang/2026-09/ke-hoach/',
    '/thang/2026-11/tu-danh-gia/',
  ])('%s fits on one A4 page', async (url) => {
    const { context, foreignRequests } = await guardedContext(browser(), baseURL);
    const page = await context.newPage();
    await page.goto(url);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect((await getDocumentProxy(new Uint8Array(pdf))).numPages).toBe(1);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('offline', () => {
  it('keeps a checklist opened once usable with the network cut, ticks included', async () => {
    const server = await switchableServer(inject('siteDist'));
    const context = await browser().newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const url = '/thang/2026-11/tu-danh-gia/';
    await page.goto(url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // A kit page is an ordinary page: once opened under the worker, it is stored like any other.
    await page.reload();
    await page.waitForFunction(async (path) => Boolean(await caches.match(path)), url);
    const item = criteria.groups[0]?.items[0]?.text ?? '';
    await page.getByRole('checkbox', { name: item }).check();

    await server.goOffline();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1').textContent()).resolves.toContain('Phiếu tự đánh giá');
    await expect(page.getByRole('checkbox', { name: item }).isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-score-text]').textContent()).resolves.toMatch(/^Điểm: \d+\/28/);
    await context.close();
  });
});

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (colorScheme) => {
  it.each([
    '/thang/2026-11/ke-hoach/',
    '/thang/2026-11/phan-dia-phuong/',
    '/thang/2026-11/tu-danh-gia/',
    '/thang/2026-11/sinh-hoat-chuyen-de/',
  ])('%s has no WCAG 2.2 AA violation', async (url) => {
    // axe is injected as an inline script, which the site's CSP rightly refuses.
    const { context } = await guardedContext(browser(), baseURL, {
      colorScheme,
      serviceWorkers: 'block',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      (
        window as unknown as {
          axe: {
            run(
              context: Document,
              options: object,
            ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }),
    );
    expect(
      result.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
      ),
    ).toEqual([]);
    await context.close();
  });
});
