import { describe, expect, it } from 'vitest';
import { HeadingLevel, Paragraph, type FileChild } from 'docx';
import { convertDocx } from '../../../src/lib/import/convert.ts';
import { toMdxText } from '../../../src/lib/import/mdx-text.ts';
import { parseMdx } from '../../../src/lib/exports/mdx.ts';
import type { MdNode } from '../../../src/lib/exports/mdast.ts';
import { tinyPng, word, wordDocument, type WordOptions } from '../../support/word-document.ts';

/** Converts a Word body and returns the MDX text, the build's parse of it, and the conversion. */
async function imported(body: FileChild[], options: WordOptions = {}) {
  const doc = await convertDocx(await wordDocument(body, options), { imageBase: 'anh' });
  const mdx = toMdxText([...doc.blocks, ...doc.footnotes.values()]);
  return { doc, mdx, tree: parseMdx(mdx) };
}

/** Plain text of a parsed node. */
const text = (node: MdNode): string => node.value ?? (node.children ?? []).map(text).join('');

/** Every node of a type, depth first. */
function all(node: MdNode, type: string): MdNode[] {
  return [...(node.type === type ? [node] : []), ...(node.children ?? []).flatMap((child) => all(child, type))];
}

describe('Word → MDX, node by node', () => {
  it('takes the Title style out as the title and keeps Heading 1–3 levels', async () => {
    const { doc, tree } = await imported([
      word.title('Tài liệu tháng Giêng'),
      word.heading(1, 'Thời sự'),
      word.heading(2, 'Trong nước'),
      word.heading(3, 'Kinh tế địa phương'),
      word.text('Nội dung.'),
    ]);
    expect(doc.title).toBe('Tài liệu tháng Giêng');
    expect(all(tree, 'heading').map((node) => [node.depth, text(node)])).toEqual([
      [1, 'Thời sự'],
      [2, 'Trong nước'],
      [3, 'Kinh tế địa phương'],
    ]);
  });

  it('keeps bold and italic', async () => {
    const { mdx, tree } = await imported([word.text('Nhấn ', word.bold('mạnh'), ' và ', word.italic('nghiêng'))]);
    expect(mdx.trim()).toBe('Nhấn **mạnh** và _nghiêng_');
    expect(all(tree, 'strong').map(text)).toEqual(['mạnh']);
    expect(all(tree, 'emphasis').map(text)).toEqual(['nghiêng']);
  });

  it.each([
    ['bulleted', word.bullet, false],
    ['numbered', word.numbered, true],
  ] as const)('turns %s lists, nested ones included, into Markdown lists', async (_name, item, ordered) => {
    const { tree } = await imported([item('Cấp một'), item('Cấp hai', 1), item('Cấp ba', 2), item('Lại cấp một')]);
    const [outer] = all(tree, 'list');
    expect(outer?.ordered).toBe(ordered);
    expect(outer?.children?.map(text)).toEqual(['Cấp mộtCấp haiCấp ba', 'Lại cấp một']);
    // Three levels of lists, each inside the previous one.
    expect(all(tree, 'list')).toHaveLength(3);
    expect(all(all(tree, 'list')[1] ?? { type: 'x' }, 'list').map((list) => text(list))).toEqual([
      'Cấp haiCấp ba',
      'Cấp ba',
    ]);
  });

  it('turns a table into a Markdown table with the first row as its header', async () => {
    const { doc, tree } = await imported([
      word.table([
        ['Chỉ tiêu', 'Kết quả'],
        ['Kết nạp đảng viên', '12'],
      ]),
    ]);
    const rows = all(tree, 'tableRow').map((row) => (row.children ?? []).map(text));
    expect(rows).toEqual([
      ['Chỉ tiêu', 'Kết quả'],
      ['Kết nạp đảng viên', '12'],
    ]);
    expect(doc.mergedTables).toBe(0);
  });

  it('keeps a merged cell’s text in the first cell of the merge, leaves the rest empty, and counts the table', async () => {
    const { doc, tree } = await imported([
      word.table([
        [['Tổng hợp quý IV', { columnSpan: 2 }]],
        [['Chi bộ thôn', { rowSpan: 2 }], 'Tháng 10'],
        ['Tháng 11'],
      ]),
    ]);
    expect(all(tree, 'tableRow').map((row) => (row.children ?? []).map(text))).toEqual([
      ['Tổng hợp quý IV', ''],
      ['Chi bộ thôn', 'Tháng 10'],
      ['', 'Tháng 11'],
    ]);
    expect(doc.mergedTables).toBe(1);
  });

  it('turns footnotes into Markdown footnotes without mammoth’s back-links', async () => {
    const { mdx, tree } = await imported([word.text('Theo Kết luận số 18', word.footnote(1), '.')], {
      footnotes: { 1: 'Kết luận của Ban Chấp hành Trung ương.' },
    });
    expect(all(tree, 'footnoteReference').map((node) => node.identifier)).toEqual(['1']);
    expect(all(tree, 'footnoteDefinition').map(text)).toEqual(['Kết luận của Ban Chấp hành Trung ương.']);
    expect(mdx).not.toContain('↑');
  });

  it('keeps links', async () => {
    const { tree } = await imported([word.text('Xem ', word.link('cổng thông tin', 'https://dangcongsan.vn/'))]);
    expect(all(tree, 'link').map((node) => [node.url, text(node)])).toEqual([
      ['https://dangcongsan.vn/', 'cổng thông tin'],
    ]);
  });

  it('extracts images with Word’s alt text, and leaves the alt empty when Word has none', async () => {
    const picture = tinyPng(20, 10, [10, 120, 40]);
    const { doc, tree } = await imported([
      word.text(word.image('Đảng viên chi bộ thôn Nà Pồng họp', picture)),
      word.text(word.image()),
    ]);
    expect(all(tree, 'image').map((node) => [node.url, node.alt])).toEqual([
      ['./images/anh-01.png', 'Đảng viên chi bộ thôn Nà Pồng họp'],
      ['./images/anh-02.png', ''],
    ]);
    expect(doc.images.map((image) => [image.name, image.alt])).toEqual([
      ['anh-01.png', 'Đảng viên chi bộ thôn Nà Pồng họp'],
      ['anh-02.png', ''],
    ]);
    expect(Buffer.from(doc.images[0]?.bytes ?? []).equals(Buffer.from(picture))).toBe(true);
  });

  it.each([
    ['a less-than sign', 'Tỷ lệ hộ nghèo <5% năm 2026'],
    ['a placeholder in braces', 'Kính gửi {tên chi bộ} và các đồng chí'],
    ['a closing brace alone', 'Mục 3} bị gõ nhầm'],
    ['a greater-than sign', 'Thu nhập > 40 triệu đồng'],
    ['a tag-like text', 'Gõ <b>đậm</b> không có tác dụng'],
    ['an expression-like text', '{1 + 1} vẫn là chữ'],
    ['Markdown characters', '# không phải tiêu đề, *không* nghiêng, 1. không phải danh sách'],
    ['a quote at the start', '> không phải trích dẫn'],
  ])('escapes %s so the text reads exactly as typed', async (_name, typed) => {
    const { tree } = await imported([word.text(typed)]);
    expect(all(tree, 'paragraph').map(text)).toEqual([typed]);
    expect(all(tree, 'mdxTextExpression')).toEqual([]);
    expect(all(tree, 'mdxJsxTextElement')).toEqual([]);
  });

  it('turns no-break and other odd spaces into plain ones and drops invisible marks', async () => {
    const { tree } = await imported([word.text('Chi\u00a0bộ\u00a0\u00a0thôn\u200b Bản\u2009Giốc\u00ad')]);
    expect(all(tree, 'paragraph').map(text)).toEqual(['Chi bộ thôn Bản Giốc']);
  });

  it('keeps curly quotes and dashes as typed', async () => {
    const typed = '“Không có gì quý hơn độc lập, tự do” – lời Bác; ‘trích’';
    const { tree } = await imported([word.text(typed)]);
    expect(all(tree, 'paragraph').map(text)).toEqual([typed]);
  });

  it('drops empty paragraphs and paragraphs of spaces', async () => {
    const { doc } = await imported([word.text('Một'), word.text(''), word.text('\u00a0 \u00a0'), word.text('Hai')]);
    expect(doc.blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('stores text in NFC', async () => {
    const decomposed = 'Hội nghị'.normalize('NFD');
    const { tree } = await imported([word.text(decomposed)]);
    expect(all(tree, 'paragraph').map(text)).toEqual(['Hội nghị'.normalize('NFC')]);
  });

  it('accepts tracked insertions, drops tracked deletions and comments, keeps text-box text in place', async () => {
    const { tree } = await imported(
      [
        word.text(...word.commented('Nghị quyết'), word.inserted(' đã ban hành'), word.deleted(' dự thảo')),
        word.textBox('Ghi nhớ'),
      ],
      { comments: { 0: 'Kiểm tra số hiệu' } },
    );
    expect(all(tree, 'paragraph').map(text)).toEqual(['Nghị quyết đã ban hành', 'Ghi nhớ']);
  });

  it('unwraps bold inside a heading', async () => {
    const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, children: [word.bold('Tiêu đề đậm')] });
    const { mdx } = await imported([heading]);
    expect(mdx.trim()).toBe('## Tiêu đề đậm');
  });
});
