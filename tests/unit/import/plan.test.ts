import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FileChild } from 'docx';
import {
  guessKind,
  UNCONFIRMED_KIND,
  type ImportContext,
  type ImportPlan,
  type ImportTarget,
} from '../../../src/lib/import/plan.ts';
import { importWordDocument } from '../../../src/lib/import/word-import.ts';
import { parseMdx } from '../../../src/lib/exports/mdx.ts';
import { word, wordDocument, type WordOptions } from '../../support/word-document.ts';

const NOW = new Date('2026-12-10T09:00:00+07:00');
const CONTEXT: ImportContext = {
  now: NOW,
  issuer: 'Ban Tuyên giáo và Dân vận Huyện uỷ',
  topicYears: ['2027'],
  siblings: [],
};
const MONTH: ImportTarget = { kind: 'month', month: { year: 2027, month: 1 } };

async function plan(
  body: FileChild[],
  target: ImportTarget = MONTH,
  context: Partial<ImportContext> = {},
  options: WordOptions = {},
  fileName = 'tai-lieu.docx',
): Promise<ImportPlan> {
  const result = await importWordDocument(await wordDocument(body, options), fileName, target, {
    ...CONTEXT,
    ...context,
  });
  if ('error' in result) throw new Error(result.error);
  return result;
}

/** Frontmatter and body of a planned MDX file. */
function read(result: ImportPlan, path: string): { data: Record<string, unknown>; body: string } {
  const file = result.files.find((item) => item.path === path);
  if (!file || typeof file.data !== 'string')
    throw new Error(`no file ${path}: ${result.files.map((f) => f.path).join(', ')}`);
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.data) ?? [];
  // The build parses every body: it must be valid MDX.
  parseMdx(body);
  return { data: parse(yaml) as Record<string, unknown>, body };
}

describe('guessKind', () => {
  it.each([
    ['Thời sự trong nước và quốc tế', 'thoi-su'],
    ['Kỷ niệm 97 năm Ngày thành lập Đảng', 'ky-niem'],
    ['Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'hoc-tap-bac'],
    ['Học tập và làm theo Bác', 'hoc-tap-bac'],
    ['Hỏi – đáp về Điều lệ Đảng', 'hoi-dap'],
    ['Văn bản mới', 'van-ban-moi'],
    ['Định hướng tuyên truyền tháng 1', 'dinh-huong'],
    ['Bảo vệ nền tảng tư tưởng của Đảng', 'bao-ve-nen-tang'],
    ['Gương điển hình tiên tiến', 'guong-dien-hinh'],
    ['Sinh hoạt chuyên đề quý I', 'chuyen-de'],
    ['Những việc cần làm ngay', undefined],
    ['Thông tin địa phương', undefined],
  ])('%s → %s', (heading, kind) => {
    expect(guessKind(heading)).toBe(kind);
  });
});

describe('import a whole month', () => {
  const body = () => [
    word.title('Tài liệu sinh hoạt chi bộ tháng 1 năm 2027'),
    word.text('Tháng Giêng, cả nước mừng Đảng, mừng Xuân.'),
    word.heading(1, 'Thời sự'),
    word.heading(2, 'Trong nước'),
    word.text('Nội dung thời sự', word.footnote(1)),
    word.heading(1, 'Những việc cần làm ngay'),
    word.text(word.image()),
    word.heading(1, 'Kỷ niệm ngày thành lập Đảng'),
    word.text(word.image('Lá cờ Đảng')),
  ];

  it('writes index.mdx as a draft with the Title, the intro as summary and body, and the usual fields', async () => {
    const result = await plan(body(), MONTH, {}, { footnotes: { 1: 'Nguồn: Thông tấn xã.' } });
    expect(result.target).toBe('thang/2027-01');
    const index = read(result, 'thang/2027-01/index.mdx');
    expect(index.data).toEqual({
      title: 'Tài liệu sinh hoạt chi bộ tháng 1 năm 2027',
      month: '2027-01',
      summary: 'Tháng Giêng, cả nước mừng Đảng, mừng Xuân.',
      issuer: 'Ban Tuyên giáo và Dân vận Huyện uỷ',
      status: 'draft',
      publishDate: '2026-12-28',
      topic: 2027,
      agenda: [],
      questions: [],
      attachments: [],
    });
    expect(index.body.trim()).toBe('Tháng Giêng, cả nước mừng Đảng, mừng Xuân.');
  });

  it('writes one numbered section per Heading 1, with its kind guessed or left to confirm', async () => {
    const result = await plan(body(), MONTH, {}, { footnotes: { 1: 'Nguồn: Thông tấn xã.' } });
    expect(result.files.map((file) => file.path)).toEqual([
      'thang/2027-01/index.mdx',
      'thang/2027-01/01-thoi-su.mdx',
      'thang/2027-01/02-nhung-viec-can-lam-ngay.mdx',
      'thang/2027-01/03-ky-niem-ngay-thanh-lap-dang.mdx',
      'thang/2027-01/images/anh-01.png',
      'thang/2027-01/images/anh-02.png',
    ]);
    const first = read(result, 'thang/2027-01/01-thoi-su.mdx');
    expect(first.data).toEqual({ title: 'Thời sự', order: 1, kind: 'thoi-su' });
    // Heading 2 becomes ##, and the footnote travels with the section that cites it.
    expect(first.body).toContain('## Trong nước');
    expect(first.body).toContain('[^1]: Nguồn: Thông tấn xã.');
    expect(read(result, 'thang/2027-01/02-nhung-viec-can-lam-ngay.mdx').data['kind']).toBe(UNCONFIRMED_KIND);
    expect(read(result, 'thang/2027-01/03-ky-niem-ngay-thanh-lap-dang.mdx').data['kind']).toBe('ky-niem');
  });

  it('says what needs a person: the kind to confirm, the guessed kinds, the image without alt text', async () => {
    const result = await plan(body(), MONTH, {}, { footnotes: { 1: 'Nguồn.' } });
    expect(result.attention).toContain(
      'thang/2027-01/02-nhung-viec-can-lam-ngay.mdx:4: chưa rõ loại của mục "Những việc cần làm ngay"; thay "kind: chua-xac-dinh" bằng một trong: dinh-huong, ky-niem, chuyen-de, hoc-tap-bac, guong-dien-hinh, thoi-su, bao-ve-nen-tang, van-ban-moi, hoi-dap',
    );
    expect(result.attention.filter((line) => line.includes('đoán loại mục'))).toHaveLength(2);
    const alt = result.attention.filter((line) => line.includes('chưa có lời mô tả'));
    expect(alt).toEqual([
      'thang/2027-01/02-nhung-viec-can-lam-ngay.mdx:8: ảnh anh-01.png chưa có lời mô tả (alt); viết mô tả vào giữa ![ và ] (hoặc trong Word: chuột phải vào ảnh → Edit Alt Text) trước khi đăng',
    ]);
  });

  it('says how comments, tracked changes and text boxes were treated', async () => {
    const result = await plan(
      [
        word.heading(1, 'Thời sự'),
        word.text(...word.commented('Nghị quyết'), word.inserted(' mới'), word.deleted(' cũ')),
        word.textBox('Ghi nhớ'),
      ],
      MONTH,
      {},
      { comments: { 0: 'Xem lại' } },
    );
    expect(result.attention).toEqual(
      expect.arrayContaining([
        'bỏ 1 ghi chú (comment) của Word: trang web không hiện ghi chú',
        'đã chấp nhận các thay đổi đang theo dõi (Track Changes): giữ 1 chỗ chèn, bỏ 1 chỗ xoá; đọc lại trước khi đăng',
        '1 hộp văn bản (text box) được đưa thành đoạn văn thường tại chỗ của nó; xem lại vị trí',
      ]),
    );
  });

  it('takes the first line as title when no paragraph has the Title style, and reports a missing summary', async () => {
    const result = await plan([word.text('Tài liệu tháng Giêng'), word.heading(1, 'Thời sự'), word.text('Tin.')]);
    expect(read(result, 'thang/2027-01/index.mdx').data['title']).toBe('Tài liệu tháng Giêng');
    expect(result.attention).toContain(
      'thang/2027-01/index.mdx: chưa có đoạn mở đầu để làm tóm tắt (summary); hãy viết lại',
    );
  });
});

describe('import one document as one item', () => {
  const body = () => [
    word.title('Hỏi đáp về công tác dân vận'),
    word.heading(1, 'Câu hỏi thứ nhất'),
    word.text('Trả lời.'),
    word.text(word.image('Buổi tiếp dân')),
  ];

  it('adds a section after the last one of an existing month, images named after the Word file', async () => {
    const result = await plan(
      body(),
      { kind: 'section', month: { year: 2026, month: 12 } },
      { siblings: ['index.mdx', '01-thoi-su.mdx', '04-hoc-tap-bac.mdx', 'images'] },
      {},
      '/tmp/Hỏi đáp tháng 12.docx',
    );
    expect(result.target).toBe('thang/2026-12/05-hoi-dap-ve-cong-tac-dan-van.mdx');
    expect(result.files.map((file) => file.path)).toEqual([
      'thang/2026-12/05-hoi-dap-ve-cong-tac-dan-van.mdx',
      'thang/2026-12/images/hoi-dap-thang-12-01.png',
    ]);
    const section = read(result, result.target);
    expect(section.data).toEqual({ title: 'Hỏi đáp về công tác dân vận', order: 5, kind: 'hoi-dap' });
    // Heading 1 of a one-item document sits under the page title.
    expect(section.body).toContain('## Câu hỏi thứ nhất');
    expect(section.body).toContain('![Buổi tiếp dân](./images/hoi-dap-thang-12-01.png)');
  });

  it('adds a topic part', async () => {
    const result = await plan(
      body(),
      { kind: 'topicPart', year: 2027 },
      { siblings: ['index.mdx', '01-phan-mot.mdx'] },
    );
    expect(result.target).toBe('chuyen-de/2027/02-hoi-dap-ve-cong-tac-dan-van.mdx');
    expect(read(result, result.target).data).toEqual({ title: 'Hỏi đáp về công tác dân vận', order: 2 });
  });

  it('writes a study guide as a draft dated today', async () => {
    const result = await plan(body(), { kind: 'guide' });
    expect(result.target).toBe('hoc-tap-bac/hoi-dap-ve-cong-tac-dan-van.mdx');
    expect(read(result, result.target).data).toEqual({
      title: 'Hỏi đáp về công tác dân vận',
      summary: 'Trả lời.',
      status: 'draft',
      publishDate: '2026-12-10',
      questions: [],
    });
  });

  it('refuses a document with no title', async () => {
    const result = await importWordDocument(
      await wordDocument([word.table([['a', 'b']])]),
      'x.docx',
      { kind: 'guide' },
      CONTEXT,
    );
    expect(result).toEqual({
      error: 'không tìm thấy tiêu đề trong tệp; hãy đặt dòng đầu tiên ở kiểu Title (Tiêu đề) trong Word rồi nhập lại',
      exitCode: 2,
    });
  });
});

describe('refuses what is not a Word document', () => {
  it.each([
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n'), 'không phải tệp Word (.docx)'],
    [
      'a ZIP without a Word document',
      new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      'không phải tệp Word (.docx)',
    ],
    ['an old .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'là tệp Word cũ (.doc)'],
  ])('%s', async (_name, bytes, message) => {
    const result = await importWordDocument(bytes, 'tai-lieu.docx', MONTH, CONTEXT);
    expect(result).toEqual({ error: expect.stringContaining(message), exitCode: 2 });
    expect('error' in result && result.error).toContain('"tai-lieu.docx"');
  });
});

describe('refuses a Word file the converter cannot read', () => {
  it('a footnote reference to a note that is not in the file', async () => {
    const broken = await wordDocument([word.text('Trích', word.footnote(7))]);
    const result = await importWordDocument(broken, 'hong.docx', MONTH, CONTEXT);
    expect(result).toEqual({
      error:
        'không đọc được nội dung "hong.docx" (tệp có thể bị hỏng); mở bằng Word, Lưu thành (Save As) một tệp .docx mới rồi nhập lại',
      exitCode: 2,
    });
  });
});
