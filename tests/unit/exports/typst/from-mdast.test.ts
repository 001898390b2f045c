import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../src/lib/exports/mdast.ts';
import { mdastToTypst, type TypstBodyOptions } from '../../../../src/lib/exports/typst/from-mdast.ts';
import { parseMdx } from '../../../../src/lib/exports/mdx.ts';

const FILE = 'content/thang/2026-11/01-thoi-su.mdx';

function convert(source: string, options: Partial<TypstBodyOptions> = {}): string {
  return mdastToTypst(parseMdx(source), {
    file: FILE,
    siteUrl: 'https://tailieu.example.org',
    headingLevel: (depth) => depth,
    image: (url) => `/img/${url.replace(/^\.\/images\//, '')}`,
    labelPrefix: 'b1',
    ...options,
  });
}

describe('mdastToTypst, node by node', () => {
  it.each([
    ['paragraph', 'Chi bộ họp thường kỳ.', 'Chi bộ họp thường kỳ\\.'],
    ['soft line break', 'Dòng một\ndòng hai', 'Dòng một dòng hai'],
    ['two paragraphs', 'Một.\n\nHai.', 'Một\\.\n\nHai\\.'],
    ['heading ##', '## Trong nước', '#heading(level: 2)[Trong nước]'],
    ['heading ###', '### Hỏi: có không?', '#heading(level: 3)[Hỏi: có không?]'],
    ['emphasis', '*nghiêng*', '#emph[nghiêng]'],
    ['strong', '**Đáp:** có', '#strong[Đáp:] có'],
    ['strong then parenthesis', '**Đáp**(xem)', '#strong[Đáp]\\(xem\\)'],
    ['strikethrough', '~~bỏ~~', '#strike[bỏ]'],
    ['inline code', '`86-KH/TU`', '#raw("86-KH/TU")'],
    ['hard break', 'a  \nb', 'a#linebreak()b'],
    ['smart quotes from the parser', '"Toàn dân"', '“Toàn dân”'],
    [
      'site link printed with its address',
      '[thời sự](/thang/2026-10/thoi-su/)',
      '#link("https://tailieu.example.org/thang/2026-10/thoi-su/")[thời sự] #text(size: 0.85em)[(https:\\/\\/tailieu\\.example\\.org\\/thang\\/2026\\-10\\/thoi\\-su\\/)]',
    ],
    [
      'address as its own text printed once',
      '[https://dangcongsan.vn/](https://dangcongsan.vn/)',
      '#link("https://dangcongsan.vn/")[https:\\/\\/dangcongsan\\.vn\\/]',
    ],
    ['in-page anchor keeps only its text', '[xem trên](#goi-y)', 'xem trên'],
    ['bullet list', '- một\n- hai', '#list(tight: true, [một], [hai])'],
    ['ordered list from 3', '3. ba\n4. bốn', '#enum(start: 3, tight: true, [ba], [bốn])'],
    ['nested list', '1. một\n   - con', '#enum(start: 1, tight: true, [một\n\n#list(tight: true, [con])])'],
    ['task list', '- [x] xong\n- [ ] chưa', '#list(tight: true, [\\[x\\] xong], [\\[ \\] chưa])'],
    ['blockquote', '> Lời Bác dạy', '#quote(block: true)[Lời Bác dạy]'],
    ['thematic break', '---', '#line(length: 100%, stroke: 0.5pt)'],
    ['code block', '```\nmã # số\n```', '#raw(block: true, "mã # số")'],
    [
      'image with caption from alt',
      '![Bìa tài liệu](./images/bia.jpg)',
      '#figure(image("/img/bia.jpg", alt: "Bìa tài liệu"), caption: [Bìa tài liệu])',
    ],
    [
      'table with alignment and header',
      '| Chỉ tiêu | Kết quả |\n| :-- | --: |\n| Hộ | 1.284 |',
      '#table(columns: 2, align: (left, right,), table.header([Chỉ tiêu], [Kết quả]), [Hộ], [1\\.284])',
    ],
    ['footnote', 'Văn bản[^1].\n\n[^1]: Ghi chú.', 'Văn bản#footnote[Ghi chú\\.]<b1-fn-1>\\.'],
    [
      'repeated footnote points to the first',
      'A[^n] B[^n]\n\n[^n]: Chú.',
      'A#footnote[Chú\\.]<b1-fn-n> B#footnote(<b1-fn-n>)',
    ],
    [
      'reference link',
      '[Đảng][d]\n\n[d]: https://dangcongsan.vn',
      '#link("https://dangcongsan.vn/")[Đảng] #text(size: 0.85em)[(https:\\/\\/dangcongsan\\.vn\\/)]',
    ],
    ['HTML line break element', 'a<br/>b', 'a#linebreak()b'],
    ['HTML sup element', 'm<sup>2</sup>', 'm#super[2]'],
    ['frontmatter is skipped', '---\ntitle: x\n---\n\nNội dung', 'Nội dung'],
  ])('%s', (_name, source, expected) => {
    expect(convert(source)).toBe(expected);
  });

  it('places headings at the level the document asks for', () => {
    expect(convert('## Câu chuyện', { headingLevel: (depth) => depth - 1 })).toBe('#heading(level: 1)[Câu chuyện]');
  });

  it('renders a project component through its registered renderer', () => {
    expect(convert('<Ghi>nội dung</Ghi>', { components: { Ghi: (_node, children) => `#block[${children}]` } })).toBe(
      '#block[nội dung]',
    );
  });
});

describe('mdastToTypst refuses what it cannot print, naming the file and line', () => {
  it.each([
    ['an unknown component', 'Đoạn đầu.\n\n<Callout>chú ý</Callout>', 3, '"<Callout>"'],
    ['an expression', 'Đoạn.\n\n{1 + 1}', 3, '"{…}"'],
    ['an import', 'import X from "./x.js"\n\nĐoạn.', 1, '"import/export"'],
  ])('%s', (_name, source, line, what) => {
    const error = (() => {
      try {
        convert(source);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).message).toBe(
      `${FILE}:${line}: tệp PDF và Word chưa in được ${what}; hãy viết phần này bằng Markdown thường (đoạn văn, tiêu đề, danh sách, bảng, ảnh, chú thích)`,
    );
  });

  it('a footnote reference without a definition stays literal text, as on the page', () => {
    expect(convert('Câu[^2].')).toBe('Câu\\[^2\\]\\.');
  });

  it('an image on another host', () => {
    expect(() => convert('Đoạn.\n\n![Ảnh](https://example.com/a.jpg)')).toThrow(
      `${FILE}:3: ảnh "https://example.com/a.jpg" nằm ở máy chủ khác`,
    );
  });
});
