import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/vi.ts';
import { checkContent, SCAFFOLD_PATTERNS } from '../../../src/lib/check/content.ts';
import { formatProblem, type ContentFile } from '../../../src/lib/check/problem.ts';

const issue = (month: string, extra = '') => `---
title: "Tài liệu sinh hoạt chi bộ tháng 11 năm 2026"
month: "${month}"
summary: "Tóm tắt."
issuer: "Ban Tuyên giáo Tỉnh uỷ"
status: published
publishDate: 2026-10-28
topic: 2026
agenda:
  - "Thông tin thời sự"
${extra}---

Lời giới thiệu.
`;
const section = (order: number, kind = 'thoi-su') => `---
title: "Mục ${order}"
order: ${order}
kind: ${kind}
---

Nội dung mục.
`;
const topic = `---
title: "Chuyên đề năm 2026"
year: 2026
summary: "Tóm tắt chuyên đề."
status: published
publishDate: 2026-01-15
---

Giới thiệu.
`;

/** A valid tree; each case changes one file. */
function tree(changes: Record<string, string | null> = {}): ContentFile[] {
  const files: Record<string, string> = {
    'content/thang/2026-11/index.mdx': issue('2026-11'),
    'content/thang/2026-11/01-thoi-su.mdx': section(1),
    'content/thang/2026-11/02-hoi-dap.mdx': section(2, 'hoi-dap'),
    'content/chuyen-de/2026/index.mdx': topic,
    'content/chuyen-de/2026/01-phan-mot.mdx': '---\ntitle: "Phần một"\norder: 1\n---\n\nNội dung.\n',
    'content/hoc-tap-bac/bai-hoc.mdx':
      '---\ntitle: "Bài học"\nsummary: "Tóm tắt."\nstatus: published\npublishDate: 2026-03-10\n---\n\nCâu chuyện.\n',
  };
  for (const [path, source] of Object.entries(changes)) {
    if (source === null) delete files[path];
    else files[path] = source;
  }
  return Object.entries(files).map(([path, source]) => ({ path, source, size: source.length }));
}

const errorsOf = (files: ContentFile[]) => checkContent(files).filter((problem) => problem.severity === 'error');

describe('checkContent', () => {
  it('accepts a valid tree', () => {
    expect(errorsOf(tree())).toEqual([]);
  });

  it.each([
    [
      'month not a real month',
      { 'content/thang/2026-11/index.mdx': issue('2026-13') },
      'content/thang/2026-11/index.mdx',
      'month',
      /YYYY-MM/,
    ],
    [
      'month not matching its folder',
      { 'content/thang/2026-11/index.mdx': issue('2026-10') },
      'content/thang/2026-11/index.mdx',
      'month',
      /không khớp với thư mục "2026-11"/,
    ],
    [
      'two issues for one month',
      { 'content/thang/2026-11b/index.mdx': issue('2026-11') },
      'content/thang/2026-11b/index.mdx',
      'month',
      /đã có số tài liệu khác/,
    ],
    [
      'a missing required field',
      { 'content/thang/2026-11/index.mdx': issue('2026-11').replace(/issuer: .*\n/, '') },
      'content/thang/2026-11/index.mdx',
      'issuer',
      /thiếu trường bắt buộc/,
    ],
    [
      'a status outside the list',
      { 'content/thang/2026-11/index.mdx': issue('2026-11').replace('status: published', 'status: public') },
      'content/thang/2026-11/index.mdx',
      'status',
      /"draft".*"published"/,
    ],
    [
      'a section kind outside the list',
      { 'content/thang/2026-11/01-thoi-su.mdx': section(1, 'tin-tuc') },
      'content/thang/2026-11/01-thoi-su.mdx',
      'kind',
      /dinh-huong, ky-niem/,
    ],
    [
      'two sections with the same order',
      { 'content/thang/2026-11/02-hoi-dap.mdx': section(1, 'hoi-dap') },
      'content/thang/2026-11/02-hoi-dap.mdx',
      'order',
      /số thứ tự 1 đã dùng/,
    ],
    [
      'an attachment that does not exist',
      {
        'content/thang/2026-11/index.mdx': issue(
          '2026-11',
          'attachments:\n  - title: "Kết luận"\n    file: "./files/ket-luan.pdf"\n',
        ),
      },
      'content/thang/2026-11/index.mdx',
      'attachments.0.file',
      /không tìm thấy tệp "\.\/files\/ket-luan\.pdf"/,
    ],
    [
      'a cover without alt text',
      {
        'content/thang/2026-11/index.mdx': issue('2026-11', 'cover:\n  src: "./images/bia.jpg"\n  alt: ""\n'),
        'content/thang/2026-11/images/bia.jpg': 'jpg',
      },
      'content/thang/2026-11/index.mdx',
      'cover.alt',
      /mô tả \(alt\)/,
    ],
    [
      'a body image without alt text',
      {
        'content/thang/2026-11/01-thoi-su.mdx': `${section(1)}\n![](./images/anh.jpg)\n`,
        'content/thang/2026-11/images/anh.jpg': 'jpg',
      },
      'content/thang/2026-11/01-thoi-su.mdx',
      undefined,
      /thiếu mô tả \(alt\)/,
    ],
    [
      'a topic that does not exist',
      { 'content/thang/2026-11/index.mdx': issue('2026-11').replace('topic: 2026', 'topic: 2025') },
      'content/thang/2026-11/index.mdx',
      'topic',
      /chưa có chuyên đề năm 2025/,
    ],
    [
      'an impossible date',
      {
        'content/thang/2026-11/index.mdx': issue('2026-11').replace(
          'publishDate: 2026-10-28',
          'publishDate: 2026-02-30',
        ),
      },
      'content/thang/2026-11/index.mdx',
      'publishDate',
      /YYYY-MM-DD/,
    ],
    [
      'a misspelt field',
      { 'content/thang/2026-11/01-thoi-su.mdx': section(1).replace('kind:', 'sumary: "x"\nkind:') },
      'content/thang/2026-11/01-thoi-su.mdx',
      undefined,
      /trường "sumary" không có/,
    ],
    [
      'legacy-encoded text',
      { 'content/thang/2026-11/01-thoi-su.mdx': `${section(1)}\nC¸c ®¶ng viªn sinh ho¹t.\n` },
      'content/thang/2026-11/01-thoi-su.mdx',
      undefined,
      /bảng mã cũ/,
    ],
    [
      'a file name that is not a slug',
      { 'content/thang/2026-11/03-Thời sự.mdx': section(3) },
      'content/thang/2026-11/03-Thời sự.mdx',
      undefined,
      /01-thoi-su\.mdx/,
    ],
    [
      'a section slug reserved for the month',
      { 'content/thang/2026-11/03-in.mdx': section(3) },
      'content/thang/2026-11/03-in.mdx',
      undefined,
      /dành riêng/,
    ],
    [
      'broken YAML',
      { 'content/hoc-tap-bac/bai-hoc.mdx': '---\ntitle: "Bài học\nsummary: x\n---\n\nx\n' },
      'content/hoc-tap-bac/bai-hoc.mdx',
      undefined,
      /thiếu dấu ngoặc kép đóng/,
    ],
  ])('reports %s with file and field', (_label, changes, file, field, message) => {
    const errors = errorsOf(tree(changes));
    const match = errors.find((problem) => problem.file === file && message.test(problem.message));
    expect(match, JSON.stringify(errors, null, 2)).toBeDefined();
    expect(match?.field).toBe(field);
    expect(match?.line).toBeGreaterThan(0);
  });

  it.each([
    [
      'a published month',
      'content/thang/2026-11/index.mdx',
      issue('2026-11').replace('Lời giới thiệu.', t('new.month.body', { month: 11, year: 2026 })),
    ],
    [
      'a section of a published month',
      'content/thang/2026-11/01-thoi-su.mdx',
      section(1).replace('Nội dung mục.', t('new.section.body')),
    ],
  ])('refuses scaffold text left in %s', (_label, path, source) => {
    const errors = errorsOf(tree({ [path]: source }));
    expect(errors).toEqual([
      expect.objectContaining({ file: path, message: expect.stringMatching(/chữ mẫu do lệnh npm run new/) }),
    ]);
  });

  it('allows scaffold text in a draft', () => {
    const draft = issue('2026-11')
      .replace('status: published', 'status: draft')
      .replace('Lời giới thiệu.', t('new.month.body', { month: 11, year: 2026 }));
    expect(
      errorsOf(
        tree({
          'content/thang/2026-11/index.mdx': draft,
          'content/thang/2026-11/01-thoi-su.mdx': section(1).replace('Nội dung mục.', t('new.section.body')),
        }),
      ),
    ).toEqual([]);
  });

  it('reports every problem at once, with lines', () => {
    const errors = errorsOf(
      tree({
        'content/thang/2026-11/index.mdx': issue('2026-11').replace('status: published', 'status: xong'),
        'content/thang/2026-11/01-thoi-su.mdx': section(1, 'tin-tuc'),
      }),
    );
    expect(errors.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/thang\/2026-11\/01-thoi-su\.mdx:4 {2}kind: /),
      expect.stringMatching(/^content\/thang\/2026-11\/index\.mdx:6 {2}status: /),
    ]);
  });

  it.each([
    [
      'a published month without agenda',
      { 'content/thang/2026-11/index.mdx': issue('2026-11').replace('agenda:\n  - "Thông tin thời sự"\n', '') },
      /gợi ý nội dung sinh hoạt/,
    ],
    [
      'an empty section of a draft month',
      {
        'content/thang/2026-11/index.mdx': issue('2026-11').replace('status: published', 'status: draft'),
        'content/thang/2026-11/01-thoi-su.mdx': section(1).replace('Nội dung mục.\n', ''),
      },
      /chưa có nội dung/,
    ],
    [
      'a link to a page that does not exist',
      { 'content/thang/2026-11/01-thoi-su.mdx': `${section(1)}\nXem [bài](/thang/2026-11/khong-co/).\n` },
      /không trỏ tới trang nào/,
    ],
    [
      'an image over 5 MB',
      {
        'content/thang/2026-11/01-thoi-su.mdx': `${section(1)}\n![Ảnh hội nghị](./images/lon.jpg)\n`,
      },
      /nặng 6 MB, trên 5 MB/,
    ],
  ])('warns about %s without failing', (_label, changes, message) => {
    const files = tree(changes).concat({ path: 'content/thang/2026-11/images/lon.jpg', size: 6 * 1024 * 1024 });
    const problems = checkContent(files);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(problems.some((problem) => problem.severity === 'warning' && message.test(problem.message))).toBe(true);
  });

  it('does not warn about a link to an existing page', () => {
    const files = tree({
      'content/thang/2026-11/01-thoi-su.mdx': `${section(1)}\nXem [hỏi đáp](/thang/2026-11/hoi-dap/).\n`,
    });
    expect(checkContent(files)).toEqual([]);
  });

  it('accepts text pasted in decomposed Unicode (it is normalised, not refused)', () => {
    const files = tree({ 'content/thang/2026-11/01-thoi-su.mdx': section(1).normalize('NFD') });
    expect(errorsOf(files)).toEqual([]);
  });
});

describe('SCAFFOLD_PATTERNS', () => {
  it('matches what the scaffold writes, with its parameters filled in', () => {
    expect(
      SCAFFOLD_PATTERNS.some((pattern) => pattern.test('Tóm tắt tài liệu tháng 12/2026 (viết lại một, hai câu).')),
    ).toBe(true);
    expect(
      SCAFFOLD_PATTERNS.some((pattern) => pattern.test('Đang biên soạn: thay đoạn này bằng nội dung của mục.')),
    ).toBe(true);
    expect(SCAFFOLD_PATTERNS.some((pattern) => pattern.test('Phần thứ hai (viết tên phần)'))).toBe(true);
  });
  it('does not match real writing', () => {
    expect(SCAFFOLD_PATTERNS.some((pattern) => pattern.test('Chi bộ đang biên soạn kế hoạch năm 2027.'))).toBe(false);
  });
});
