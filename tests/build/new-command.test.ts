/** `npm run new`: scaffolds valid drafts into a copy of content/, never overwrites, refuses bad arguments. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot, TEST_NOW } from '../support/build-site.ts';
import { runCli } from '../support/run-cli.ts';

let root: string;
let content: string;
const run = (...args: string[]) => runCli('new', args, { CONTENT_DIR: content, BUILD_NOW: TEST_NOW });
const check = () => runCli('check', [], { CONTENT_DIR: content });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'new-command-'));
  content = join(root, 'content');
  cpSync(resolve(projectRoot, 'content'), content, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run new creates content that passes npm run check', () => {
  it('thang YYYY-MM: a draft issue with an empty agenda and questions, and a section per usual kind', () => {
    const result = run('thang', '2027-01');
    expect(result.status).toBe(0);
    expect(result.output).toContain('Đã tạo 7 tệp (trạng thái bản nháp):');
    expect(readdirSync(join(content, 'thang/2027-01')).sort()).toEqual([
      '01-dinh-huong.mdx',
      '02-ky-niem.mdx',
      '03-thoi-su.mdx',
      '04-chuyen-de.mdx',
      '05-hoc-tap-bac.mdx',
      '06-van-ban-moi.mdx',
      'index.mdx',
    ]);
    const index = readFileSync(join(content, 'thang/2027-01/index.mdx'), 'utf8');
    expect(index).toContain('title: "Tài liệu sinh hoạt chi bộ tháng 1 năm 2027"');
    expect(index).toMatch(/^status: draft$/m);
    expect(index).toMatch(/^publishDate: 2026-12-28$/m);
    expect(index).toMatch(/^agenda: \[\]$/m);
    expect(index).toMatch(/^questions: \[\]$/m);
    // The issuer of the latest issue is carried over.
    expect(index).toContain('issuer: "Ban Tuyên giáo và Dân vận Tỉnh uỷ Sơn Lâm"');
    const result2 = check();
    expect(result2.output).not.toContain('✗');
    expect(result2.status).toBe(0);
  });

  it('thang without a month: next month after the clock (Asia/Ho_Chi_Minh)', () => {
    const result = runCli('new', ['thang'], { CONTENT_DIR: content, BUILD_NOW: '2026-12-31T17:30:00Z' });
    expect(result.status).toBe(0);
    // 17:30 UTC on 31/12 is already 1 January in Hà Nội, so the next issue is February.
    expect(readFileSync(join(content, 'thang/2027-02/index.mdx'), 'utf8')).toContain('month: "2027-02"');
  });

  it('chuyen-de YYYY: a draft topic with three parts', () => {
    const result = run('chuyen-de', '2027');
    expect(result.status).toBe(0);
    expect(readdirSync(join(content, 'chuyen-de/2027')).sort()).toEqual([
      '01-phan-thu-nhat.mdx',
      '02-phan-thu-hai.mdx',
      '03-phan-thu-ba.mdx',
      'index.mdx',
    ]);
    expect(check().status).toBe(0);
  });

  it('bac "<tiêu đề>": a draft guide named from its title without diacritics', () => {
    const result = run('bac', 'Bác Hồ với đồng bào Tây Nguyên');
    expect(result.status).toBe(0);
    const guide = readFileSync(join(content, 'hoc-tap-bac/bac-ho-voi-dong-bao-tay-nguyen.mdx'), 'utf8');
    expect(guide).toContain('title: "Bác Hồ với đồng bào Tây Nguyên"');
    expect(guide).toMatch(/^publishDate: 2026-11-28$/m);
    expect(check().status).toBe(0);
  });
});

describe('npm run new refuses to overwrite', () => {
  it.each([
    [
      ['thang', '2026-12'],
      'thang/2026-12/index.mdx',
      '2026-12" đã có; lệnh này không ghi đè. Hãy sửa nội dung đang có, hoặc chọn tháng khác',
    ],
    [
      ['chuyen-de', '2026'],
      'chuyen-de/2026/index.mdx',
      '2026" đã có; lệnh này không ghi đè. Hãy sửa nội dung đang có, hoặc chọn năm khác',
    ],
    [
      ['bac', 'Bác Hồ gần dân, hiểu dân'],
      'hoc-tap-bac/bac-ho-gan-dan-hieu-dan.mdx',
      'bac-ho-gan-dan-hieu-dan.mdx" đã có; lệnh này không ghi đè',
    ],
  ])('%j', (args, existing, message) => {
    const before = readFileSync(join(content, existing), 'utf8');
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.output).toContain(message);
    expect(readFileSync(join(content, existing), 'utf8')).toBe(before);
  });
});

describe('npm run new refuses bad arguments with exit code 2', () => {
  it.each([
    [['thang', '2026-13'], 'tháng "2026-13" không hợp lệ; cần dạng YYYY-MM có thật, ví dụ 2026-12'],
    [['thang', '12-2026'], 'tháng "12-2026" không hợp lệ'],
    [['thang', '2026-1'], 'tháng "2026-1" không hợp lệ'],
    [['chuyen-de', '27'], 'năm "27" không hợp lệ; cần năm gồm 4 chữ số (1930–2999), ví dụ 2027'],
    [['chuyen-de'], 'năm "" không hợp lệ'],
    [['bac'], 'cần tiêu đề bài học tập trong ngoặc kép'],
    [['bac', 'Bác', 'Hồ'], 'thừa tham số "Hồ"; tiêu đề có dấu cách cần đặt trong ngoặc kép'],
    [['thang-12'], 'không có loại "thang-12"; chỉ nhận: thang, chuyen-de, bac'],
    [[], 'Cách dùng: npm run new -- thang [YYYY-MM] | chuyen-de YYYY | bac "<tiêu đề>"'],
  ])('%j', (args, message) => {
    const before = readdirSync(content, { recursive: true }).length;
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.output).toContain(message);
    expect(readdirSync(content, { recursive: true }).length).toBe(before);
  });
});
