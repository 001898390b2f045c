/**
 * Each bad-content rule stops both `npm run check` and `npm run build` with a message naming the
 * file, the field and what was expected; a failed build leaves the previous dist/ untouched.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { runCli } from '../support/run-cli.ts';

const fixture = (name: string) => resolve(projectRoot, 'tests/fixtures', name, 'content');

const cases = [
  ['bad-month-format', 'content/thang/2026-13/index.mdx:3', 'month', 'cần tháng dạng "YYYY-MM" có thật'],
  [
    'bad-month-folder',
    'content/thang/2026-11/index.mdx:3',
    'month',
    'tháng "2026-12" không khớp với thư mục "2026-11"',
  ],
  ['bad-month-duplicate', 'content/thang/2026-11/index.mdx:3', 'month', 'tháng 2026-11 đã có số tài liệu khác'],
  ['bad-missing-field', 'content/thang/2026-11/index.mdx:1', 'issuer', 'thiếu trường bắt buộc'],
  ['bad-status', 'content/thang/2026-11/index.mdx:6', 'status', 'chỉ nhận "draft" (bản nháp) hoặc "published" (đăng)'],
  [
    'bad-section-kind',
    'content/thang/2026-11/01-thoi-su.mdx:4',
    'kind',
    'loại mục không hợp lệ; chỉ nhận một trong: dinh-huong',
  ],
  [
    'bad-order-duplicate',
    'content/thang/2026-11/02-hoi-dap.mdx:3',
    'order',
    'số thứ tự 1 đã dùng ở tệp content/thang/2026-11/01-thoi-su.mdx',
  ],
  [
    'bad-attachment-missing',
    'content/thang/2026-11/index.mdx:12',
    'attachments.0.file',
    'không tìm thấy tệp "./files/ket-luan.pdf"',
  ],
  [
    'bad-image-alt',
    'content/thang/2026-11/01-thoi-su.mdx:9',
    undefined,
    'ảnh "./images/hoi-nghi.png" trong bài thiếu mô tả (alt)',
  ],
  ['bad-topic-reference', 'content/thang/2026-11/index.mdx:10', 'topic', 'chưa có chuyên đề năm 2031'],
  [
    'bad-legacy-encoding',
    'content/thang/2026-11/01-thoi-su.mdx:9',
    undefined,
    'chữ "C¸c" có vẻ gõ bằng bảng mã cũ (TCVN3/VNI)',
  ],
  ['bad-export-expression', 'content/thang/2026-11/01-thoi-su.mdx:9', undefined, 'tệp PDF và Word chưa in được "{…}"'],
  ['bad-mdx-syntax', 'content/thang/2026-11/01-thoi-su.mdx:7', undefined, 'phần nội dung sai cú pháp MDX ('],
] as const;

describe.each(cases)('%s', (name, where, field, message) => {
  const expected = `${where}  ${field ? `${field}: ` : ''}${message}`;

  it('stops npm run check with file, line, field and message', () => {
    const result = runCli('check', [], { CONTENT_DIR: fixture(name) });
    expect(result.status).toBe(1);
    expect(result.output).toContain(expected);
  });

  it('stops npm run build before anything is written', () => {
    const result = buildSite({ name: `fixture-${name}`, contentDir: fixture(name) });
    expect(result.status).toBe(1);
    expect(result.output).toContain(expected);
    expect(() => statSync(result.outDir)).toThrow();
  });
});

/** Every file under a folder with its bytes, to compare a dist/ before and after. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(full.slice(dir.length), readFileSync(full, 'base64'));
    }
  };
  walk(dir);
  return files;
}

describe('a failed build', () => {
  it('leaves the previous dist/ exactly as it was, even when Astro itself fails', () => {
    const outDir = resolve(projectRoot, '.cache/test-builds/keep-dist/dist');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>bản đang phục vụ</title>');
    const before = snapshot(outDir);

    // Passes the content checker (the image file is there) but is no image, so the Astro build fails.
    const result = buildSite({ name: 'keep-dist', contentDir: fixture('corrupt-image'), outDir });
    expect(result.status).not.toBe(0);
    expect(result.output).not.toContain('Nội dung có');
    expect(result.output).toMatch(/hoi-nghi\.png/);
    expect(snapshot(outDir)).toEqual(before);
    expect(readdirSync(resolve(outDir, '..')).filter((entry) => entry.includes('staging'))).toEqual([]);
  });
});
