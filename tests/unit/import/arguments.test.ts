import { describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../../src/lib/import/arguments.ts';

describe('npm run import arguments', () => {
  it.each([
    [
      ['thang.docx', '--month', '2027-01'],
      { file: 'thang.docx', target: { kind: 'month', month: { year: 2027, month: 1 } } },
    ],
    [
      ['--month=2027-01', 'thang.docx'],
      { file: 'thang.docx', target: { kind: 'month', month: { year: 2027, month: 1 } } },
    ],
    [
      ['muc.docx', '--month', '2026-12', '--section'],
      { file: 'muc.docx', target: { kind: 'section', month: { year: 2026, month: 12 } } },
    ],
    [['phan.docx', '--topic', '2027'], { file: 'phan.docx', target: { kind: 'topicPart', year: 2027 } }],
    [['bai.docx', '--guide'], { file: 'bai.docx', target: { kind: 'guide' } }],
  ])('%j', (args, request) => {
    expect(parseImportArgs(args)).toEqual(request);
  });

  it.each([
    [[], 'cần tên tệp Word (.docx)'],
    [['thang.docx'], 'cần nói nhập vào đâu: --month YYYY-MM, --topic YYYY hoặc --guide'],
    [['thang.docx', '--month', '2027-13'], 'tháng "2027-13" không hợp lệ'],
    [['thang.docx', '--topic', '27'], 'năm "27" không hợp lệ'],
    [['thang.docx', '--month', '2027-01', '--guide'], 'chỉ chọn một trong --month, --topic, --guide'],
    [['thang.docx', '--section', '--guide'], 'không hiểu tham số "--section"'],
    [['thang.docx', 'thua.docx', '--guide'], 'không hiểu tham số "thua.docx"'],
    [['thang.docx', '--month', '2027-01', '--ghi-de'], 'không hiểu tham số "--ghi-de"'],
  ])('refuses %j', (args, message) => {
    expect(parseImportArgs(args)).toEqual({ error: expect.stringContaining(message), exitCode: 2 });
  });
});
