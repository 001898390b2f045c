import { describe, expect, it } from 'vitest';
import { buildAdminSetup } from '../../../src/lib/admin/config.ts';
import { mdxSafeBody, normalizeFields, relativeUpload } from '../../../src/lib/admin/save.ts';
import { parseMdx } from '../../../src/lib/exports/mdx.ts';
import type { MdNode } from '../../../src/lib/exports/mdast.ts';

const text = (node: MdNode): string => node.value ?? (node.children ?? []).map(text).join('');
const paragraphs = (node: MdNode): string[] =>
  node.type === 'paragraph' ? [text(node)] : (node.children ?? []).flatMap(paragraphs);

describe('relativeUpload', () => {
  it.each([
    ['files/ket-luan-18.pdf', './files/ket-luan-18.pdf'],
    ['/files/ket-luan-18.pdf', './files/ket-luan-18.pdf'],
    ['images/bia.jpg', './images/bia.jpg'],
    ['./images/bia.jpg', './images/bia.jpg'],
    ['https://example.org/x.pdf', 'https://example.org/x.pdf'],
  ])('%s → %s', (path, expected) => {
    expect(relativeUpload(path)).toBe(expected);
  });
});

describe('entry data as the editor saves it', () => {
  const setup = buildAdminSetup({
    now: new Date('2026-11-28T20:00:00+07:00'),
    months: ['2026-11'],
    topicYears: [],
    backend: { name: 'github', branch: 'main' },
  });
  const months = setup.config.collections.find((collection) => collection.name === 'thang');

  it('makes the cover and attachment paths relative, and the body MDX-safe', () => {
    const data = normalizeFields(months?.fields ?? [], {
      title: 'Tháng 1',
      cover: { src: 'images/bia.jpg', alt: 'Bìa' },
      attachments: [{ title: 'Kết luận 18', file: 'files/ket-luan-18.pdf' }],
      body: 'Tỷ lệ <5% ở {tên chi bộ}',
    });
    expect(data).toEqual({
      title: 'Tháng 1',
      cover: { src: './images/bia.jpg', alt: 'Bìa' },
      attachments: [{ title: 'Kết luận 18', file: './files/ket-luan-18.pdf' }],
      body: 'Tỷ lệ \\<5% ở \\{tên chi bộ\\}',
    });
  });
});

describe('mdxSafeBody', () => {
  it.each([
    ['a less-than sign', 'Tỷ lệ hộ nghèo <5%'],
    ['braces', 'Kính gửi {tên chi bộ}'],
    ['an unclosed tag', 'Xuống dòng bằng <br> không được'],
    ['a whole HTML block', '<div>khối</div>'],
    ['a comparison', 'a > b và c < d'],
  ])('keeps %s as typed, and the build can parse it', (_name, typed) => {
    const body = mdxSafeBody(typed);
    expect(paragraphs(parseMdx(body))).toEqual([typed]);
  });

  it('keeps Markdown the editor made: headings, lists, emphasis, links, images with relative paths', () => {
    const body = mdxSafeBody(
      '## Mục một\n\n* Ý **chính**\n* Ý _phụ_\n\n[Cổng](https://sonlam.gov.vn/)\n\n![Hội nghị](images/hoi-nghi.jpg)',
    );
    expect(body).toBe(
      '## Mục một\n\n- Ý **chính**\n- Ý _phụ_\n\n[Cổng](https://sonlam.gov.vn/)\n\n![Hội nghị](./images/hoi-nghi.jpg)',
    );
  });

  it('is stable: saving twice writes the same text', () => {
    const once = mdxSafeBody('Tỷ lệ <5% và {a}\n\n| A | B |\n| - | - |\n| <1 | {2} |');
    expect(mdxSafeBody(once)).toBe(once);
  });
});

describe('dates as the editor saves them', () => {
  it('stores a date Decap read from YAML as YYYY-MM-DD', () => {
    const fields = [{ name: 'publishDate', label: 'Ngày', widget: 'ngay' as const }];
    expect(normalizeFields(fields, { publishDate: new Date('2026-12-28T00:00:00Z') })).toEqual({
      publishDate: '2026-12-28',
    });
  });
});
