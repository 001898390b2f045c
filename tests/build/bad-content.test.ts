/**
 * Each bad-content rule stops both `npm run check` and `npm run build` with a message naming the
 * file, the field and what was expected; a failed build leaves the previous dist/ untouched.
 */
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
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
  [
    'bad-mdx-syntax',
    'content/thang/2026-11/01-thoi-su.mdx:7',
    undefined,
    'dấu ngoặc nhọn "{" trong câu văn làm hỏng trang: viết \\{',
  ],
  [
    'bad-mdx-angle',
    'content/thang/2026-11/01-thoi-su.mdx:9',
    undefined,
    'dấu "<" trong câu văn bị hiểu là thẻ: viết \\<',
  ],
  [
    'bad-yaml-colon',
    'content/thang/2026-11/01-thoi-su.mdx:2',
    undefined,
    'giá trị có dấu hai chấm ":" nhưng chưa đặt trong ngoặc: đặt tiêu đề trong dấu ngoặc kép',
  ],
  ['bad-empty-file', 'content/thang/2026-11/01-thoi-su.mdx:1', undefined, 'tệp rỗng (0 byte)'],
  ['bad-empty-body', 'content/thang/2026-11/01-thoi-su.mdx:6', undefined, 'mục đã đăng nhưng chưa có nội dung'],
  ['bad-not-utf8', 'content/thang/2026-11/01-thoi-su.mdx:9', undefined, 'tệp không phải UTF-8'],
  [
    'bad-attachment-svg',
    'content/thang/2026-11/index.mdx:12',
    undefined,
    'tệp "so-do.svg" không được đăng: chỉ nhận PDF',
  ],
  ['bad-attachment-js', 'content/thang/2026-11/index.mdx:12', undefined, 'tệp "tien-ich.js" không được đăng'],
  ['bad-attachment-html', 'content/thang/2026-11/index.mdx:12', undefined, 'tệp "thong-bao.html" không được đăng'],
  [
    'bad-attachment-fake-pdf',
    'content/thang/2026-11/index.mdx:12',
    undefined,
    'tệp "ket-luan.pdf" có đuôi .pdf nhưng nội dung là trang web (HTML, SVG) có thể chạy mã',
  ],
  ['bad-attachment-empty', 'content/thang/2026-11/index.mdx:12', undefined, 'tệp "ket-luan.pdf" rỗng (0 byte)'],
  [
    'bad-image-truncated',
    'content/thang/2026-11/01-thoi-su.mdx:9',
    undefined,
    'ảnh "hoi-nghi.png" bị hỏng hoặc tải lên chưa hết',
  ],
  [
    'corrupt-image',
    'content/thang/2026-11/01-thoi-su.mdx:9',
    undefined,
    'tệp "hoi-nghi.png" có đuôi .png nhưng nội dung là một dạng không nhận ra',
  ],
  // Plain, mixed case, entity-encoded, vbscript:, data: and a reference-style definition.
  ...(
    [
      [9, 'javascript:alert(document.cookie)'],
      [11, 'JaVaScRiPt:alert(1)'],
      [13, 'javascript:alert(1)'],
      [17, 'vbscript:msgbox(1)'],
      [19, 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
      [23, 'javascript:alert(2)'],
    ] as const
  ).map(
    ([line, href]) =>
      [
        'bad-link-scheme',
        `content/thang/2026-11/01-thoi-su.mdx:${line}`,
        undefined,
        `liên kết "${href}" không được phép`,
      ] as const,
  ),
] as const;

describe.each(cases)('%s (%s)', (name, where, field, message) => {
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

/** A copy of a fixture in a folder of its own, for inputs git cannot hold well (a 21 MB image, a symlink). */
function fixtureCopy(name: string, change: (content: string) => void): string {
  const root = resolve(projectRoot, '.cache/test-fixtures', name);
  rmSync(root, { recursive: true, force: true });
  cpSync(resolve(projectRoot, 'tests/fixtures', name), root, { recursive: true });
  change(join(root, 'content'));
  return join(root, 'content');
}

const generated = [
  [
    'bad-image-too-big',
    (content: string) => {
      // A JPEG in shape (start and end markers) that weighs 21 MB; sparse, so it costs no disk.
      const file = join(content, 'thang/2026-11/images/hoi-nghi.jpg');
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
      truncateSync(file, 21 * 1024 * 1024);
      appendFileSync(file, Buffer.from([0xff, 0xd9]));
    },
    'content/thang/2026-11/01-thoi-su.mdx:9  ảnh "hoi-nghi.jpg" nặng 21 MB, vượt giới hạn 20 MB',
  ],
  [
    'bad-symlink',
    (content: string) => {
      // A month folder that is a link to another one: published today without any check.
      symlinkSync(join(content, 'thang/2026-11'), join(content, 'thang/2026-12'));
    },
    'content/thang/2026-12  "content/thang/2026-12" là liên kết tượng trưng (symlink), không được phép',
  ],
] as const;

describe.each(generated)('%s', (name, change, expected) => {
  const content = fixtureCopy(name, change);

  it('stops npm run check with file, line and message', () => {
    const result = runCli('check', [], { CONTENT_DIR: content });
    expect(result.status).toBe(1);
    expect(result.output).toContain(expected);
  });

  it('stops npm run build before anything is written', () => {
    const result = buildSite({ name: `fixture-${name}`, contentDir: content });
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

    // Valid content, but an address Astro's configuration refuses, so Astro itself fails.
    const result = buildSite({
      name: 'keep-dist',
      contentDir: fixture('nfd-content'),
      outDir,
      env: { SITE_URL: 'khong-phai-dia-chi' },
    });
    expect(result.status).not.toBe(0);
    expect(result.output).not.toContain('Nội dung có');
    expect(result.output).toMatch(/Invalid URL/);
    expect(snapshot(outDir)).toEqual(before);
    expect(readdirSync(resolve(outDir, '..')).filter((entry) => entry.includes('staging'))).toEqual([]);
  });
});
