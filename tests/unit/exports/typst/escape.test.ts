import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { escapeMarkup, stringLiteral } from '../../../../src/lib/exports/typst/escape.ts';
import { compileTypst } from '../../../../src/exports/typst.ts';

/** Prints markup with the packaged font and reads the text back from the PDF. */
async function printed(markup: string): Promise<string> {
  const source = `#set text(font: "Noto Serif", fallback: false, lang: "vi")\n${markup}\n`;
  const pdf = await getDocumentProxy((await compileTypst('test.pdf', source, [], '2026-11-01')).pdf);
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ').trim();
}

describe('escapeMarkup: Typst special characters in Vietnamese text', () => {
  it.each([
    ['#', 'Mục #1 của chi bộ', 'Mục \\#1 của chi bộ'],
    ['*', 'Điểm *quan trọng*', 'Điểm \\*quan trọng\\*'],
    ['_', 'tên_tệp_mới', 'tên\\_tệp\\_mới'],
    ['$', 'Quỹ $500', 'Quỹ \\$500'],
    ['@', 'thư chibo@xa.vn', 'thư chibo\\@xa\\.vn'],
    ['<', 'số đảng viên <10', 'số đảng viên \\<10'],
    ['[', '[Dự thảo] nghị quyết', '\\[Dự thảo\\] nghị quyết'],
    ['\\', 'đường dẫn C:\\tai-lieu', 'đường dẫn C:\\\\tai\\-lieu'],
    ['//', 'xem trang web https://a.vn // ghi chú', 'xem trang web https:\\/\\/a\\.vn \\/\\/ ghi chú'],
    ['list marker', '1. Mở đầu', '1\\. Mở đầu'],
    ['heading marker', '= Tiêu đề', '\\= Tiêu đề'],
    ['function call after emphasis', '(ghi chú)', '\\(ghi chú\\)'],
  ])('%s', (_name, input, expected) => {
    expect(escapeMarkup(input)).toBe(expected);
  });

  it('turns soft line breaks into spaces', () => {
    expect(escapeMarkup('Dòng một\n  dòng hai')).toBe('Dòng một dòng hai');
  });

  it('prints every special character as itself, with Vietnamese diacritics intact', async () => {
    const text =
      'Chi bộ #3 * ghi_chú $100 @bí-thư <b> [dự thảo] ~ = + - / // `mã` "trích" \'dẫn\' {x} (a). 1. ... ; Nghị quyết 18-NQ/TW: Đảng, Nhà nước, Nhân dân — ỹ ữ ặ';
    expect(await printed(escapeMarkup(text))).toBe(text);
  });

  it('the same text after a function call still prints as text', async () => {
    expect(await printed(`#strong[Đáp]${escapeMarkup('(xem mục 2).abc; [1]')}`)).toBe('Đáp(xem mục 2).abc; [1]');
  });
});

describe('stringLiteral', () => {
  it.each([
    ['Hà Nội', '"Hà Nội"'],
    ['say "x"', '"say \\"x\\""'],
    ['a\\b', '"a\\\\b"'],
    ['a\nb', '"a\\nb"'],
  ])('%s', (input, expected) => {
    expect(stringLiteral(input)).toBe(expected);
  });
});
