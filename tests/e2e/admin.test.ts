import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { projectRoot } from '../support/build-site.ts';
import { contentRepository, git, serveWithApi, startDecapServer } from '../support/decap-server.ts';
import { runContentCheck } from '../../src/cli/run-check.ts';

const siteDist = inject('siteDist');
const MONTH = '2027-01';
const BRANCH = `cms/thang/${MONTH}/index`;
const FILE = `content/thang/${MONTH}/index.mdx`;

const browser = useBrowser();
let repo: ReturnType<typeof contentRepository>;
let decap: Awaited<ReturnType<typeof startDecapServer>>;
let site: Awaited<ReturnType<typeof serveWithApi>>;

beforeAll(async () => {
  repo = contentRepository();
  decap = await startDecapServer(repo.dir);
  site = await serveWithApi(siteDist, decap.url);
});
afterAll(async () => {
  await site?.close();
  decap?.stop();
  repo?.remove();
});

/** Runs the content checker on a copy of the sample content plus the month file; true when clean. */
function checkWith(monthFile: string): boolean {
  const copy = mkdtempSync(join(tmpdir(), 'decap-check-'));
  try {
    cpSync(resolve(projectRoot, 'content'), join(copy, 'content'), { recursive: true });
    mkdirSync(join(copy, 'content/thang', MONTH), { recursive: true });
    writeFileSync(join(copy, FILE), monthFile);
    const report: string[] = [];
    const ok = runContentCheck(join(copy, 'content'), (line) => report.push(line));
    expect(report.join('\n')).not.toContain('✗');
    return ok;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The month file as committed on a branch, or null while it is not there. */
function fileOn(branch: string): string | null {
  try {
    return git(repo.dir, 'show', `${branch}:${FILE}`);
  } catch {
    return null;
  }
}

/** Waits until `check` is true, polling. */
async function until(check: () => boolean, what: string, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

describe('web editor at /admin/ with decap-server', () => {
  it('creates a new draft month through the UI, then publishes it; both files pass the content checker', async () => {
    const { context, foreignRequests } = await guardedContext(browser(), site.baseURL);
    const page = await context.newPage();
    await page.goto('/admin/');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The generated collections, in Vietnamese, are listed.
    await expect(page.getByRole('link', { name: 'Tài liệu tháng', exact: true }).isVisible()).resolves.toBe(true);

    await page.goto('/admin/#/collections/thang/new');
    await page.getByLabel('Tiêu đề').fill('Tài liệu sinh hoạt chi bộ tháng 1 năm 2027');
    await page.getByLabel('Tháng (YYYY-MM)').fill(MONTH);
    await page.getByLabel('Tóm tắt').fill('Mừng Đảng, mừng Xuân; thời sự tháng 12 và nhiệm vụ năm mới.');
    await page.getByLabel('Đơn vị biên soạn').fill('Ban Tuyên giáo và Dân vận Tỉnh uỷ Sơn Lâm');
    await page.getByLabel('Ngày phát hành').fill('2026-12-28');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();

    // Editorial workflow: the new month lives on its own branch until it is published.
    await until(() => fileOn(BRANCH) !== null, `${FILE} on ${BRANCH}`);
    const written = fileOn(BRANCH) ?? '';
    expect(written).toMatch(/^status: draft$/m);
    expect(written).toMatch(/^month: "?2027-01"?$/m);
    expect(written).not.toMatch(/^topic:/m);
    // Nothing reached the main branch yet.
    expect(git(repo.dir, 'ls-tree', '-r', '--name-only', 'main')).not.toContain(FILE);

    // The file passes `npm run check` together with the rest of the content.
    expect(checkWith(written)).toBe(true);

    // Draft → review → ready, then publish: the file reaches main with status: published.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: /^Trạng: / }).click();
    await page.getByRole('menuitem', { name: 'Sẵn sàng' }).click();
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
    await until(() => /^status: published$/m.test(fileOn('main') ?? ''), 'the published month on main');
    const published = fileOn('main') ?? '';
    expect(checkWith(published)).toBe(true);
    expect(git(repo.dir, 'branch', '--list', BRANCH).trim()).toBe('');
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
