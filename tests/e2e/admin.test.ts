import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { projectRoot, TEST_NOW } from '../support/build-site.ts';
import { contentRepository, git, serveWithApi, startDecapServer } from '../support/decap-server.ts';
import { runContentCheck } from '../../src/cli/run-check.ts';
import { word, wordDocument } from '../support/word-document.ts';

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

/** An attachment as staff upload it. */
const PDF = { name: 'ket-luan-18.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

/** Runs the content checker on a copy of the sample content plus the month file and its attachment; true when clean. */
function checkWith(monthFile: string): boolean {
  const copy = mkdtempSync(join(tmpdir(), 'decap-check-'));
  try {
    cpSync(resolve(projectRoot, 'content'), join(copy, 'content'), { recursive: true });
    mkdirSync(join(copy, 'content/thang', MONTH, 'files'), { recursive: true });
    writeFileSync(join(copy, FILE), monthFile);
    writeFileSync(join(copy, 'content/thang', MONTH, 'files', PDF.name), PDF.buffer);
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
    // The list says each month's status in words.
    await page.goto('/admin/#/collections/thang');
    await page.getByText('2026-11: ', { exact: false }).first().waitFor();
    const list = await page.locator('body').innerText();
    expect(list).toMatch(/2026-11: .* · Đã đăng/);
    expect(list).not.toContain('⟦');

    await page.goto('/admin/#/collections/thang/new');
    await page.getByLabel('Tiêu đề').fill('Tài liệu sinh hoạt chi bộ tháng 1 năm 2027');
    await page.getByLabel('Tháng (YYYY-MM)').fill(MONTH);
    await page.getByLabel('Tóm tắt').fill('Mừng Đảng, mừng Xuân; thời sự tháng 12 và nhiệm vụ năm mới.');
    await page.getByLabel('Đơn vị biên soạn').fill('Ban Tuyên giáo và Dân vận Tỉnh uỷ Sơn Lâm');
    // Dates are typed as staff write them, whatever the browser's language.
    await page.getByLabel('Ngày phát hành').fill('28/12/2026');
    // An attachment uploaded through the file picker.
    await page.getByRole('button', { name: 'Thêm văn bản, tài liệu đính kèm' }).click();
    await page.getByLabel('Tên văn bản').fill('Kết luận số 18-KL/TW');
    await page.getByRole('button', { name: 'Chọn một tập tin' }).click();
    await page.locator('input[type="file"]').last().setInputFiles(PDF);
    await page.getByRole('button', { name: 'Dùng tệp đã chọn' }).click();
    // Everything on the editor page is Vietnamese.
    const words = await page.locator('body').innerText();
    expect(words).not.toMatch(/\bAdd\b|\bUTC\b|Insert from URL|Copy Name|Loading/);
    expect(words).toContain('Thêm gợi ý nội dung sinh hoạt');
    // The preview pane is the page: the site's stylesheet and its article.
    const preview = page.locator('iframe').first().contentFrame();
    await expect(preview.locator('article.prose h1').innerText()).resolves.toContain(
      'Tài liệu sinh hoạt chi bộ tháng 1 năm 2027',
    );
    await expect(preview.locator('link[rel="stylesheet"][href*="global"]').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();

    // Editorial workflow: the new month lives on its own branch until it is published.
    await until(() => fileOn(BRANCH) !== null, `${FILE} on ${BRANCH}`);
    const written = fileOn(BRANCH) ?? '';
    expect(written).toMatch(/^status: draft$/m);
    expect(written).toMatch(/^month: "?2027-01"?$/m);
    expect(written).toMatch(/^publishDate: "?2026-12-28"?$/m);
    expect(written).not.toMatch(/^topic:/m);
    // Upload paths are relative to the file, as the content contract asks.
    expect(written).toMatch(/^ {4}file: \.\/files\/ket-luan-18\.pdf$/m);
    expect(git(repo.dir, 'ls-tree', '-r', '--name-only', BRANCH)).toContain(
      `content/thang/${MONTH}/files/ket-luan-18.pdf`,
    );
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

describe('"Nhập từ tệp Word" in the section editor', () => {
  it('fills the body from a Word file, uploads its image into the month, and saves content the checker accepts', async () => {
    const docx = await wordDocument([
      word.title('Hỏi đáp về công tác dân vận'),
      word.heading(1, 'Câu hỏi thứ nhất'),
      word.text('Tỷ lệ hộ nghèo còn <5%; kính gửi {tên chi bộ}.'),
      word.text(word.image('Buổi tiếp dân ở xã Nà Pồng')),
      word.table([
        ['Xã', 'Số buổi'],
        ['Nà Pồng', '4'],
      ]),
    ]);
    const { context, foreignRequests } = await guardedContext(browser(), site.baseURL);
    const page = await context.newPage();
    await page.goto('/admin/');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.goto('/admin/#/collections/thang-2026-12/new');
    await page.getByLabel('Tiêu đề').fill('Hỏi đáp về công tác dân vận');
    await page.getByLabel('Số thứ tự').fill('5');
    await page.getByLabel('Loại mục').fill('Hỏi đáp');
    await page.keyboard.press('Enter');
    await page
      .getByLabel('Nhập từ tệp Word')
      .setInputFiles({ name: 'hoi-dap.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(docx) });
    await page.getByRole('status').filter({ hasText: 'Đã nhập "hoi-dap.docx": 1 ảnh' }).waitFor();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();

    const branchOf = () =>
      git(repo.dir, 'branch', '--list', 'cms/thang-2026-12/*')
        .trim()
        .replace(/^[*+ ]+/, '');
    const filesOn = (branch: string) =>
      branch ? git(repo.dir, 'ls-tree', '-r', '--name-only', branch).split('\n') : [];
    const sectionOn = (branch: string) =>
      filesOn(branch).find((path) => /^content\/thang\/2026-12\/5-.*\.mdx$/.test(path));
    // decap-server creates the branch, then commits the entry and its image.
    await until(() => sectionOn(branchOf()) !== undefined, 'the section file on its cms/ branch');
    const branch = branchOf();
    const section = sectionOn(branch) ?? '';
    expect(filesOn(branch)).toContain('content/thang/2026-12/images/hoi-dap-01.png');
    const text = git(repo.dir, 'show', `${branch}:${section}`);
    expect(text).toContain('## Câu hỏi thứ nhất');
    expect(text).toContain('Tỷ lệ hộ nghèo còn \\<5%; kính gửi \\{tên chi bộ\\}.');
    expect(text).toContain('![Buổi tiếp dân ở xã Nà Pồng](./images/hoi-dap-01.png)');
    expect(text).toMatch(/\| Nà Pồng \| 4 +\|/);

    // The branch as a whole passes `npm run check`.
    const copy = mkdtempSync(join(tmpdir(), 'decap-word-'));
    try {
      // A copy of the branch's content (a worktree would stop decap-server checking the branch out).
      execFileSync('sh', ['-c', `git -C "${repo.dir}" archive "${branch}" content | tar -x -C "${copy}"`]);
      const report: string[] = [];
      const ok = runContentCheck(join(copy, 'content'), (line) => report.push(line));
      expect(report.join('\n')).not.toContain('✗');
      expect(ok).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('the local editor (npm run admin: dev server and decap-server in Git mode on one checkout)', () => {
  let local: ReturnType<typeof contentRepository>;
  let localDecap: Awaited<ReturnType<typeof startDecapServer>>;
  let dev: ChildProcess | undefined;
  let devBase = '';

  beforeAll(async () => {
    local = contentRepository();
    localDecap = await startDecapServer(local.dir);
    const probe = await serveWithApi(local.dir, localDecap.url);
    const port = Number(new URL(probe.baseURL).port);
    await probe.close();
    devBase = `http://127.0.0.1:${port}`;
    dev = spawn(
      process.execPath,
      [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
      {
        cwd: projectRoot,
        env: {
          // Without vitest's variables, which make Vite behave as a test runner, not a dev server.
          ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))),
          NODE_ENV: 'development',
          ASTRO_TELEMETRY_DISABLED: '1',
          BUILD_NOW: TEST_NOW,
          CONTENT_DIR: join(local.dir, 'content'),
          DECAP_SERVER_URL: localDecap.url,
          ASTRO_CACHE_DIR: join(projectRoot, '.cache/test-builds/admin-dev/astro-cache'),
        },
        stdio: 'ignore',
      },
    );
    const end = Date.now() + 240_000;
    for (;;) {
      try {
        if ((await fetch(`${devBase}/admin/`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error('astro dev did not start');
      await new Promise((done) => setTimeout(done, 500));
    }
  }, 300_000);
  afterAll(() => {
    dev?.kill();
    localDecap?.stop();
    local?.remove();
  });

  it('keeps the editor open after a draft of an existing section is saved (no reload loop)', async () => {
    const context = await browser().newContext({ baseURL: devBase });
    const page = await context.newPage();
    // Every (re)load of the editor page asks the server for the document again.
    let loads = 0;
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.resourceType() === 'document') loads += 1;
    });
    // The dev server serves Decap as thousands of unbundled modules: the first load is slow.
    await page.goto('/admin/', { timeout: 240_000 });
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.goto('/admin/#/collections/thang-2026-11/entries/01-thoi-su');
    await page.getByLabel('Tóm tắt').waitFor({ timeout: 60_000 });
    await page.getByLabel('Tóm tắt').fill('Tóm tắt sửa trong trình soạn thảo.');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const branch = 'cms/thang-2026-11/01-thoi-su';
    await until(() => git(local.dir, 'branch', '--list', branch).trim() !== '', `the draft branch ${branch}`);
    const before = loads;
    // decap-server switches this checkout to the draft branch whenever the editor reads the draft.
    await page.waitForTimeout(15_000);
    expect(loads - before).toBe(0);
    await expect(page.getByLabel('Tóm tắt').inputValue()).resolves.toBe('Tóm tắt sửa trong trình soạn thảo.');
    await context.close();
  }, 420_000);
});
