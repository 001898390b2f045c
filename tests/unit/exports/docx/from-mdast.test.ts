import { describe, expect, it } from 'vitest';
import { Packer, convertMillimetersToTwip } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { ExportError } from '../../../../src/lib/exports/mdast.ts';
import { DocxNotes, mdastToDocx, type DocxBodyOptions } from '../../../../src/lib/exports/docx/from-mdast.ts';
import { createDocx } from '../../../../src/lib/exports/docx/styles.ts';
import { PAGE_MARGINS_MM } from '../../../../src/lib/exports/document-format.ts';
import { parseMdx } from '../../../../src/lib/exports/mdx.ts';

const FILE = 'content/thang/2026-11/05-van-ban-moi.mdx';

// A 1×1 PNG, enough for Word to hold an image.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

function blocks(source: string, options: Partial<DocxBodyOptions> = {}) {
  const notes = options.notes ?? new DocxNotes();
  return {
    notes,
    children: mdastToDocx(parseMdx(source), {
      file: FILE,
      siteUrl: 'https://tailieu.example.org',
      headingLevel: (depth) => depth,
      image: () => ({ data: PNG, type: 'png', width: 1, height: 1 }),
      notes,
      ...options,
    }),
  };
}

async function docxBytes(source: string): Promise<Buffer> {
  const { notes, children } = blocks(source);
  return Packer.toBuffer(createDocx({ title: 'Thử', children, footnotes: notes.footnotes() }));
}

/** What Word would show, as mammoth's HTML. */
async function html(source: string): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: await docxBytes(source) });
  return value;
}

describe('mdastToDocx, node by node (read back with mammoth)', () => {
  it.each([
    ['paragraph', 'Chi bộ họp thường kỳ.', '<p>Chi bộ họp thường kỳ.</p>'],
    ['heading ## → Heading 2', '## Trong nước', '<h2>Trong nước</h2>'],
    ['heading ### → Heading 3', '### Hỏi: có không?', '<h3>Hỏi: có không?</h3>'],
    ['emphasis and strong', '*nghiêng* và **đậm**', '<p><em>nghiêng</em> và <strong>đậm</strong></p>'],
    ['strikethrough', '~~bỏ~~', '<p><s>bỏ</s></p>'],
    [
      'link printed with its address',
      '[thời sự](/thang/2026-10/)',
      '<p><a href="https://tailieu.example.org/thang/2026-10/">thời sự</a> (https://tailieu.example.org/thang/2026-10/)</p>',
    ],
    ['bullet list', '- một\n- hai', '<ul><li>một</li><li>hai</li></ul>'],
    ['ordered list', '1. một\n2. hai', '<ol><li>một</li><li>hai</li></ol>'],
    ['nested list', '1. một\n   - con', '<ol><li>một<ul><li>con</li></ul></li></ol>'],
    ['blockquote', '> Lời Bác dạy', '<p>Lời Bác dạy</p>'],
    [
      'table',
      '| Chỉ tiêu | Kết quả |\n| --- | --- |\n| Hộ | 1.284 |',
      '<table><thead><tr><th><p><strong>Chỉ tiêu</strong></p></th><th><p><strong>Kết quả</strong></p></th></tr></thead><tbody><tr><td><p>Hộ</p></td><td><p>1.284</p></td></tr></tbody></table>',
    ],
    ['hard break', 'a  \nb', '<p>a<br />b</p>'],
    ['component text element', 'm<sup>2</sup>', '<p>m<sup>2</sup></p>'],
  ])('%s', async (_name, source, expected) => {
    expect(await html(source)).toBe(expected);
  });

  it('footnotes become Word footnotes', async () => {
    const out = await html('Văn bản[^1].\n\n[^1]: Ghi chú.');
    expect(out).toContain('<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>');
    expect(out).toContain('<li id="footnote-1"><p>Ghi chú. <a href="#footnote-ref-1">↑</a></p></li>');
  });

  it('an image becomes a picture with its alt text as caption', async () => {
    const out = await html('![Bìa tài liệu](./images/bia.jpg)');
    expect(out).toMatch(/^<p><img alt="Bìa tài liệu" src="data:image\/png;base64,[^"]+" \/><\/p><p>Bìa tài liệu<\/p>$/);
  });

  it('numbers pictures per document, whatever the process rendered before', async () => {
    const source = '![Một](./images/a.jpg)\n\n![Hai](./images/b.jpg)';
    const drawingIds = async () => {
      const xml = strFromU8(unzipSync(await docxBytes(source))['word/document.xml'] as Uint8Array);
      return [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((match) => match[1]);
    };
    const first = await drawingIds();
    await docxBytes('![Khác](./images/c.jpg)');
    expect(first).toEqual(['1', '2']);
    expect(await drawingIds()).toEqual(first);
  });

  it('each list numbers from its own start', async () => {
    const out = await html('1. a\n2. b\n\nĐoạn.\n\n1. c');
    expect(out).toBe('<ol><li>a</li><li>b</li></ol><p>Đoạn.</p><ol><li>c</li></ol>');
  });

  it('a one-line component holding inline text is a paragraph', async () => {
    const out = mdastToDocx(parseMdx('<Ghi>nội dung</Ghi>'), {
      file: FILE,
      siteUrl: 'https://tailieu.example.org',
      headingLevel: (depth) => depth,
      image: () => ({ data: PNG, type: 'png', width: 1, height: 1 }),
      notes: new DocxNotes(),
      components: { Ghi: (node, convert) => convert.blocks(node.children ?? []) },
    });
    expect(out).toHaveLength(1);
  });
});

describe('mdastToDocx refuses what it cannot print, naming the file and line', () => {
  it('an unknown component', () => {
    expect(() => blocks('Đoạn đầu.\n\n<Callout>chú ý</Callout>')).toThrow(ExportError);
    expect(() => blocks('Đoạn đầu.\n\n<Callout>chú ý</Callout>')).toThrow(
      `${FILE}:3: tệp PDF và Word chưa in được "<Callout>"`,
    );
  });

  it('an image on another host', () => {
    expect(() => blocks('![Ảnh](https://example.com/a.jpg)')).toThrow(
      `${FILE}:1: ảnh "https://example.com/a.jpg" nằm ở máy chủ khác`,
    );
  });
});

describe('createDocx: the house page setup', () => {
  it('is A4 with the Party document margins, Vietnamese, Times New Roman', async () => {
    const parts = unzipSync(await docxBytes('Nội dung.'));
    const document = strFromU8(parts['word/document.xml'] as Uint8Array);
    expect(document).toContain(`<w:pgSz w:w="${convertMillimetersToTwip(210)}" w:h="${convertMillimetersToTwip(297)}"`);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(document)?.[1] ?? '';
    expect(margin).toContain(`w:top="${convertMillimetersToTwip(PAGE_MARGINS_MM.top)}"`);
    expect(margin).toContain(`w:bottom="${convertMillimetersToTwip(PAGE_MARGINS_MM.bottom)}"`);
    expect(margin).toContain(`w:left="${convertMillimetersToTwip(PAGE_MARGINS_MM.left)}"`);
    expect(margin).toContain(`w:right="${convertMillimetersToTwip(PAGE_MARGINS_MM.right)}"`);
    const styles = strFromU8(parts['word/styles.xml'] as Uint8Array);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('w:val="vi-VN"');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) expect(styles).toContain(`w:styleId="${id}"`);
  });
});
