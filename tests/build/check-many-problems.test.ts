/** `npm run check` reports every problem of a content tree at once, each with file, line and field. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build-site.ts';
import { runCli } from '../support/run-cli.ts';

const content = resolve(projectRoot, 'tests/fixtures/check-many-problems/content');

describe('npm run check on a tree with many problems', () => {
  const result = runCli('check', [], { CONTENT_DIR: content });

  it('fails with exit code 1 and counts the errors', () => {
    expect(result.status).toBe(1);
    expect(result.output).toContain('Nội dung có 9 lỗi, cần sửa trước khi đăng:');
  });

  it.each([
    ['✗', 'content/thang/2026-11/index.mdx:1  summary: thiếu trường bắt buộc này'],
    ['✗', 'content/thang/2026-11/index.mdx:5  status: chỉ nhận "draft" (bản nháp) hoặc "published" (đăng)'],
    ['✗', 'content/thang/2026-11/index.mdx:6  publishDate: cần ngày dạng YYYY-MM-DD, ví dụ 2026-10-28'],
    ['✗', 'content/thang/2026-11/01-thoi-su.mdx:3  order: cần số nguyên dương, ví dụ 1'],
    ['✗', 'content/thang/2026-11/01-thoi-su.mdx:4  kind: loại mục không hợp lệ; chỉ nhận một trong: dinh-huong'],
    ['✗', 'content/thang/2026-11/02-hoi-dap.mdx:9  ảnh "./images/so-do.png" trong bài thiếu mô tả (alt)'],
    ['✗', 'content/thang/2026-11/02-hoi-dap.mdx:9  không tìm thấy tệp "./images/so-do.png"'],
    ['✗', 'content/hoc-tap-bac/bac-ho-voi-nong-dan.mdx:1  summary: thiếu trường bắt buộc này'],
    ['✗', 'content/hoc-tap-bac/bac-ho-voi-nong-dan.mdx:1  trường "sumary" không có trong quy ước nội dung'],
    ['!', 'content/thang/2026-11/01-thoi-su.mdx:6  mục này chưa có nội dung'],
    ['!', 'content/thang/2026-11/02-hoi-dap.mdx:7  liên kết tới "/thang/2030-01/" không trỏ tới trang nào của cổng'],
    [
      '!',
      'content/thang/2026-12/index.mdx:8  agenda: tài liệu tháng đã đăng nhưng chưa có gợi ý nội dung sinh hoạt (agenda)',
    ],
  ])('reports %s %s', (mark, line) => {
    expect(result.output).toContain(`  ${mark} ${line}`);
  });
});
