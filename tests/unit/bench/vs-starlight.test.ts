import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  comparisonTable,
  markdownBody,
  starlightPage,
  starlightPages,
  type ContentPage,
} from '../../../bench/vs-starlight.ts';

const now = new Date('2026-11-28T20:00:00+07:00');

/** A page's frontmatter and body, split. */
function split(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n?---\n\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no frontmatter in:\n${text}`);
  return { data: parse(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

/** The tree a CommonMark + GFM parser (what a .md page goes through) makes of Markdown text. */
const asMarkdown = (text: string): Root =>
  fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** The types of every node in a tree. */
const typesOf = (node: Nodes): string[] => [node.type, ...('children' in node ? node.children.flatMap(typesOf) : [])];

/** The text of a tree, without markup. */
const textOf = (node: Nodes): string =>
  'value' in node ? node.value : 'children' in node ? node.children.map(textOf).join(' ') : '';

const month: ContentPage = {
  path: 'thang/2026-11/index.mdx',
  source: `---
title: "Tài liệu sinh hoạt chi bộ tháng 11 năm 2026"
month: "2026-11"
summary: "Thời sự, kỷ niệm và hỏi đáp tháng 11."
issuer: "Ban Tuyên giáo và Dân vận Tỉnh uỷ Sơn Lâm"
status: published
publishDate: 2026-10-28
cover: { src: "./images/bia.jpg", alt: "Bìa tài liệu tháng 11" }
agenda:
  - "Thông qua chương trình"
questions:
  - "Chi bộ cần làm gì thêm?"
attachments:
  - { title: "Hướng dẫn số 12", file: "./files/huong-dan-12.pdf" }
corrections:
  - { date: 2026-11-05, text: "Sửa số liệu mục thời sự." }
---

Lời mở đầu của tài liệu tháng.
`,
};

const section = (body: string, path = 'thang/2026-11/02-hoi-dap.mdx'): ContentPage => ({
  path,
  source: `---\ntitle: "Hỏi đáp về công tác đảng"\norder: 2\nkind: hoi-dap\nsummary: "Những câu hỏi thường gặp."\n---\n\n${body}\n`,
});

describe('starlightPage', () => {
  it('maps a monthly issue to a Starlight index page with title, description and what the issue lists', () => {
    const page = starlightPage(month, { now, format: 'md' });
    expect(page?.path).toBe('src/content/docs/thang/2026-11/index.md');
    const { data, body } = split(page?.text ?? '');
    expect(data).toEqual({
      title: 'Tài liệu sinh hoạt chi bộ tháng 11 năm 2026',
      description: 'Thời sự, kỷ niệm và hỏi đáp tháng 11.',
      sidebar: { order: 0 },
    });
    const tree = asMarkdown(body);
    expect(textOf(tree)).toContain('Lời mở đầu của tài liệu tháng.');
    expect(textOf(tree)).toContain('Ban Tuyên giáo và Dân vận Tỉnh uỷ Sơn Lâm');
    expect(body).toContain('![Bìa tài liệu tháng 11](./images/bia.jpg)');
    expect(body).toContain('[Hướng dẫn số 12](/thang/2026-11/files/huong-dan-12.pdf)');
    expect(body).toContain('1. Chi bộ cần làm gì thêm?');
    expect(body).toContain('- Thông qua chương trình');
    expect(body).toContain('2026-11-05: Sửa số liệu mục thời sự.');
  });

  it('names a section page by its slug, without the order number, and keeps its order for the sidebar', () => {
    const page = starlightPage(section('Nội dung.'), { now, format: 'md' });
    expect(page?.path).toBe('src/content/docs/thang/2026-11/hoi-dap.md');
    expect(split(page?.text ?? '').data).toEqual({
      title: 'Hỏi đáp về công tác đảng',
      description: 'Những câu hỏi thường gặp.',
      sidebar: { order: 2 },
    });
  });

  it('keeps the body as it is for .mdx pages', () => {
    const body = 'Đoạn có **chữ đậm** và một bảng:\n\n| a | b |\n| --- | --- |\n| 1 | 2 |';
    const page = starlightPage(section(body), { now, format: 'mdx' });
    expect(page?.path).toBe('src/content/docs/thang/2026-11/hoi-dap.mdx');
    expect(split(page?.text ?? '').body).toBe(`${body}\n`);
  });

  it.each([
    ['criteria file', 'tieu-chi/chat-luong-sinh-hoat.yaml'],
    ['image', 'thang/2026-11/images/bia.jpg'],
    ['file outside the contract', 'thang/2026-11/ghi-chu/01-a.mdx'],
  ])('makes no page of a %s', (_, path) => {
    expect(starlightPage({ path, source: '---\ntitle: "x"\n---\n' }, { now, format: 'md' })).toBeUndefined();
  });
});

describe('markdownBody: MDX bodies as Markdown a .md page accepts', () => {
  it.each([
    ['an import line', "import Hop from './hop.astro'\n\nĐoạn văn.", 'Đoạn văn.', 'import'],
    ['an MDX comment', 'Đoạn văn.\n\n{/* ghi chú biên tập */}', 'Đoạn văn.', 'ghi chú'],
    ['an inline expression', 'Năm {2026} nay.', 'Năm  nay.', '2026'],
    ['an inline component', 'Xem <Nhan>**điểm chính**</Nhan> dưới đây.', 'điểm chính', 'Nhan'],
    ['a block component', '<Hop loai="luu-y">\nKhối bên trong hộp.\n</Hop>', 'Khối bên trong hộp.', 'Hop'],
  ])('drops or unwraps %s', (_, mdx, kept, gone) => {
    const markdown = markdownBody(mdx);
    const tree = asMarkdown(markdown);
    expect(textOf(tree)).toContain(kept);
    expect(markdown).not.toContain(gone);
    expect(typesOf(tree)).not.toContain('html');
  });

  it('keeps an indented paragraph a paragraph (MDX has no indented code; Markdown does)', () => {
    const tree = asMarkdown(markdownBody('Đoạn đầu.\n\n    Đoạn thụt lề bốn dấu cách.'));
    expect(typesOf(tree)).not.toContain('code');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps escaped braces and angle brackets as text', () => {
    const tree = asMarkdown(markdownBody('Công thức \\{a\\} và 3 \\< 5.'));
    expect(textOf(tree)).toBe('Công thức {a} và 3 < 5.');
  });

  it('keeps headings, lists, tables, footnotes, links and images', () => {
    const mdx = [
      '## Mục một',
      '- việc thứ nhất\n- việc thứ hai',
      '| Chỉ tiêu | Năm 2026 |\n| --- | ---: |\n| Hộ thoát nghèo | 1.284 |',
      'Cần vận dụng linh hoạt[^1], xem [tháng trước](/thang/2026-10/).',
      '![Ảnh hội nghị](./images/anh-1.jpg)',
      '[^1]: Theo hướng dẫn của Tỉnh uỷ.',
    ].join('\n\n');
    const tree = asMarkdown(markdownBody(mdx));
    for (const type of ['heading', 'list', 'table', 'footnoteReference', 'footnoteDefinition', 'link', 'image'])
      expect(typesOf(tree)).toContain(type);
    expect(textOf(tree)).toContain('Hộ thoát nghèo');
    expect(markdownBody(mdx)).toContain('](/thang/2026-10/)');
  });
});

describe('starlightPages: what may not be public is a Starlight draft', () => {
  const draftMonth: ContentPage = {
    path: 'thang/2026-12/index.mdx',
    source: month.source.replace('status: published', 'status: draft').replace('"2026-11"', '"2026-12"'),
  };
  const scheduledGuide: ContentPage = {
    path: 'hoc-tap-bac/bac-ho-va-thanh-nien.mdx',
    source:
      '---\ntitle: "Bác Hồ và thanh niên"\nsummary: "Câu chuyện."\nstatus: published\npublishDate: 2026-12-10\n---\n\nChuyện kể.\n',
  };
  const pages = starlightPages(
    [month, section('Nội dung.'), draftMonth, section('Nội dung.', 'thang/2026-12/01-thoi-su.mdx'), scheduledGuide],
    { now, format: 'md' },
  );
  const draftOf = (path: string) => split(pages.find((page) => page.path === path)?.text ?? '').data['draft'];

  it.each([
    ['a published month', 'src/content/docs/thang/2026-11/index.md', undefined],
    ['a section of a published month', 'src/content/docs/thang/2026-11/hoi-dap.md', undefined],
    ['a draft month', 'src/content/docs/thang/2026-12/index.md', true],
    ['a section of a draft month', 'src/content/docs/thang/2026-12/thoi-su.md', true],
    ['a guide dated after the build', 'src/content/docs/hoc-tap-bac/bac-ho-va-thanh-nien.md', true],
  ])('%s', (_, path, draft) => {
    expect(pages.map((page) => page.path)).toContain(path);
    expect(draftOf(path)).toBe(draft);
  });
});

describe('comparisonTable', () => {
  const run = (seconds: number) => ({
    cold: { seconds, cpuSeconds: seconds * 2, peakMB: 1000 },
    rebuildSeconds: seconds / 2,
    downloadsKeptSeconds: seconds * 0.8,
    pages: 100,
  });

  it('gives each side its median and the median of the per-cycle ratios, not the ratio of the medians', () => {
    const table = comparisonTable([
      { project: run(10), starlight: run(10) },
      { project: run(30), starlight: run(10) },
      { project: run(20), starlight: run(40) },
    ]);
    // Ratios 1, 3 and 0.5: median 1.00; the medians 20 s and 10 s would say 2.00.
    expect(table).toContain('| cold build, wall | 20.0 s | 10.0 s | 1.00 |');
    expect(table).toContain('| CPU time user+sys | 40.0 s | 20.0 s | 1.00 |');
    expect(table).toContain('| peak memory (largest process) | 1,000 MB | 1,000 MB | 1.00 |');
    expect(table).toContain('| rebuild after editing one section (caches kept) | 10.0 s | 5.0 s | 1.00 |');
    expect(table).toContain(
      '| cold build with the PDF/Word/ZIP cache kept (Starlight: its cold build) | 16.0 s | 8.0 s | 1.00 |',
    );
  });
});
