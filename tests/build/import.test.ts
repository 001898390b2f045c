/**
 * `npm run import`: a Word document made here becomes a draft month that passes `npm run check`
 * once a person has confirmed it, and builds into the page, the PDF and the Word file; the command
 * never overwrites, refuses what is not a Word document, and leaves nothing half-written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, TEST_NOW } from '../support/build-site.ts';
import { runCli } from '../support/run-cli.ts';
import { word, wordDocument } from '../support/word-document.ts';

const MONTH = '2027-01';
let root: string;
let content: string;
let docx: string;
const importing = (...args: string[]) => runCli('import', args, { CONTENT_DIR: content, BUILD_NOW: TEST_NOW });
const squash = (text: string) => text.replace(/\s+/g, ' ');

/** A month as staff write it in Word. */
async function monthDocument(): Promise<Uint8Array> {
  return wordDocument(
    [
      word.title('Tài liệu sinh hoạt chi bộ tháng 1 năm 2027'),
      word.text('Mừng Đảng, mừng Xuân Đinh Mùi; nhiệm vụ trọng tâm đầu năm của chi bộ.'),
      word.heading(1, 'Thời sự trong tỉnh'),
      word.heading(2, 'Kết quả giảm nghèo'),
      word.text('Tỷ lệ hộ nghèo còn <5%, kính gửi {tên chi bộ}', word.footnote(1), '.'),
      word.table([
        ['Xã', 'Hộ thoát nghèo'],
        ['Nà Pồng', '42'],
      ]),
      word.bullet('Rà soát hộ cận nghèo'),
      word.bullet('Hỗ trợ sinh kế', 1),
      word.text(word.image('Nhà văn hoá thôn Nà Pồng mới khánh thành')),
      word.heading(1, 'Những việc cần làm ngay'),
      word.numbered('Kiện toàn tổ chức cơ sở đảng'),
      word.text('Xem ', word.link('Cổng thông tin tỉnh', 'https://sonlam.gov.vn/tin-tuc'), '.'),
    ],
    { footnotes: { 1: 'Số liệu của Sở Lao động, tháng 12/2026.' } },
  );
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'import-command-'));
  content = join(root, 'content');
  cpSync(resolve(projectRoot, 'content'), content, { recursive: true });
  docx = join(root, 'thang-1.docx');
  writeFileSync(docx, await monthDocument());
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run import', () => {
  it('writes the month as a draft and says what needs a person', () => {
    const result = importing(docx, '--month', MONTH);
    expect(result.status).toBe(0);
    expect(result.output).toContain('Đã nhập 4 tệp (trạng thái bản nháp):');
    expect(readdirSync(join(content, 'thang', MONTH)).sort()).toEqual([
      '01-thoi-su-trong-tinh.mdx',
      '02-nhung-viec-can-lam-ngay.mdx',
      'images',
      'index.mdx',
    ]);
    expect(readdirSync(join(content, 'thang', MONTH, 'images'))).toEqual(['anh-01.png']);
    expect(result.output).toContain('02-nhung-viec-can-lam-ngay.mdx:4: chưa rõ loại của mục "Những việc cần làm ngay"');
    // Staff have not confirmed the kind yet: the checker says so, naming the file and line.
    const check = runCli('check', [], { CONTENT_DIR: content });
    // A draft, so the build leaves it out with a warning instead of stopping for everyone.
    expect(check.output).toContain(
      `content/thang/${MONTH}/02-nhung-viec-can-lam-ngay.mdx:4  kind: bản nháp có lỗi nên chưa đưa vào trang: loại mục không hợp lệ`,
    );
  });

  it('never overwrites (exit 1) and leaves the month as it was', () => {
    const before = readFileSync(join(content, 'thang', MONTH, 'index.mdx'), 'utf8');
    const result = importing(docx, '--month', MONTH);
    expect(result.status).toBe(1);
    expect(result.output).toContain('đã có; lệnh nhập không ghi đè');
    expect(readFileSync(join(content, 'thang', MONTH, 'index.mdx'), 'utf8')).toBe(before);
  });

  it.each([
    ['a PDF renamed .docx', '%PDF-1.7\n', 'không phải tệp Word (.docx)'],
    ['an old .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'là tệp Word cũ (.doc)'],
  ])('refuses %s (exit 2) and writes nothing', (_name, bytes, message) => {
    const file = join(root, 'sai.docx');
    writeFileSync(file, bytes);
    const result = importing(file, '--month', '2027-02');
    expect(result.status).toBe(2);
    expect(result.output).toContain(message);
    expect(existsSync(join(content, 'thang/2027-02'))).toBe(false);
  });

  it('refuses a section for a month that does not exist (exit 2)', () => {
    const result = importing(docx, '--month', '2031-05', '--section');
    expect(result.status).toBe(2);
    expect(result.output).toContain('chưa có tháng 2031-05');
  });

  it('adds one document as the next section of an existing month', () => {
    const result = importing(docx, '--month', '2026-11', '--section');
    expect(result.status).toBe(0);
    const added = readdirSync(join(content, 'thang/2026-11')).filter((name) => name.includes('tai-lieu-sinh-hoat'));
    expect(added).toHaveLength(1);
    expect(readFileSync(join(content, 'thang/2026-11', added[0] ?? ''), 'utf8')).toContain('## Thời sự trong tỉnh');
    rmSync(join(content, 'thang/2026-11', added[0] ?? ''));
    rmSync(join(content, 'thang/2026-11/images/thang-1-01.png'));
  });

  it('leaves no staging folder behind', () => {
    expect(readdirSync(join(content, 'thang')).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('import → build: the page, the PDF and the Word file', () => {
  let dist: string;

  beforeAll(() => {
    // What a person does after the import: confirm the kind, publish.
    const folder = join(content, 'thang', MONTH);
    const second = join(folder, '02-nhung-viec-can-lam-ngay.mdx');
    writeFileSync(
      second,
      readFileSync(second, 'utf8')
        .replace('kind: chua-xac-dinh', 'kind: dinh-huong')
        .replace(/^# .*\n/m, ''),
    );
    const index = join(folder, 'index.mdx');
    writeFileSync(index, readFileSync(index, 'utf8').replace('status: draft', 'status: published'));
    const check = runCli('check', [], { CONTENT_DIR: content });
    expect(check.output).not.toContain('✗');
    // Only the imported month, so the build is quick and every output comes from Word.
    const alone = join(root, 'alone');
    mkdirSync(join(alone, 'thang'), { recursive: true });
    cpSync(folder, join(alone, 'thang', MONTH), { recursive: true });
    // The content folder is new each run: Astro's cached data store of the last run would point elsewhere.
    rmSync(resolve(projectRoot, '.cache/test-builds/import'), { recursive: true, force: true });
    const build = buildSite({ name: 'import', contentDir: alone, now: '2027-01-05T09:00:00+07:00' });
    expect(build.status, build.output).toBe(0);
    dist = build.outDir;
  });

  it('the section page shows the text as typed, the table, the list, the footnote and the image with its alt', () => {
    const html = readFileSync(join(dist, 'thang', MONTH, 'thoi-su-trong-tinh/index.html'), 'utf8');
    expect(html).toContain('Tỷ lệ hộ nghèo còn &lt;5%, kính gửi {tên chi bộ}');
    expect(html).toMatch(/<h2[^>]*>Kết quả giảm nghèo/);
    expect(html).toMatch(/<th[^>]*>Xã<\/th>/);
    expect(html).toMatch(/<td[^>]*>Nà Pồng<\/td>/);
    expect(html).toMatch(/<li>\s*(<p>)?Rà soát hộ cận nghèo[\s\S]*?<li>\s*(<p>)?Hỗ trợ sinh kế/);
    expect(html).toContain('Số liệu của Sở Lao động, tháng 12/2026.');
    expect(html).toMatch(/<img[^>]*alt="Nhà văn hoá thôn Nà Pồng mới khánh thành"/);
  });

  it('the month PDF carries the same text', async () => {
    const bytes = readFileSync(join(dist, 'thang', MONTH, `tai-lieu-sinh-hoat-chi-bo-${MONTH}.pdf`));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(squash(text)).toContain('Tỷ lệ hộ nghèo còn <5%, kính gửi {tên chi bộ}');
    expect(squash(text)).toContain('Kiện toàn tổ chức cơ sở đảng');
    expect(squash(text)).toContain('Nà Pồng');
  });

  it('the month Word file carries the same text', async () => {
    const bytes = readFileSync(join(dist, 'thang', MONTH, `tai-lieu-sinh-hoat-chi-bo-${MONTH}.docx`));
    // HTML rather than raw text: mammoth's raw text leaves the footnotes out.
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    expect(squash(value)).toContain('Tỷ lệ hộ nghèo còn &lt;5%, kính gửi {tên chi bộ}');
    expect(squash(value)).toContain('Số liệu của Sở Lao động, tháng 12/2026.');
    expect(squash(value)).toContain('Hỗ trợ sinh kế');
  });
});
