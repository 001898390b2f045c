import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/vi.ts';
import { parseMdx } from '../../../src/lib/exports/mdx.ts';
import { exportProblems } from '../../../src/lib/check/exports.ts';
import { syntaxProblem } from '../../../src/lib/content/mdx-syntax.ts';

const FILE = 'content/thang/2026-11/01-thoi-su.mdx';
const page = (body: string) => `---\ntitle: "Mục"\norder: 1\nkind: thoi-su\n---\n\n${body}\n`;
const problemsOf = (body: string) => exportProblems(FILE, parseMdx(page(body)), 'https://tailieu.example.org');

describe('exportProblems', () => {
  it('finds nothing in plain Markdown: headings, lists, tables, images, footnotes, links', () => {
    const body = [
      '## Tiêu đề',
      '- một\n- hai',
      '| Cột | Cột |\n| --- | --- |\n| a | b |',
      '![Hội nghị](./images/hoi-nghi.png)',
      'Có chú thích.[^1] Xem [trang chủ](/).',
      '[^1]: Nội dung chú thích.',
    ].join('\n\n');
    expect(problemsOf(body)).toEqual([]);
  });

  it.each([
    ['an expression', 'Năm {2020 + 6}.', 7, t('export.unsupported', { what: '{…}' })],
    ['a component', '<BangSoLieu />', 7, t('export.unsupported', { what: '<BangSoLieu>' })],
    ['an import', 'import X from "./x.astro"', 7, t('export.unsupported', { what: 'import/export' })],
    [
      'an image on another server',
      '![Ảnh](https://example.com/a.png)',
      7,
      t('export.remoteImage', { src: 'https://example.com/a.png' }),
    ],
  ])('reports %s once, with its line and the exporters’ message', (_name, body, line, message) => {
    expect(problemsOf(body)).toEqual([{ severity: 'error', file: FILE, line, message }]);
  });
});

describe('syntaxProblem', () => {
  it.each([
    ['7:38: Unexpected end of file in expression, expected a corresponding closing brace for `{`', 7, 'error.mdxBrace'],
    ['5:10: Could not parse expression with oxc: Expected `,` or `)`', 5, 'error.mdxBrace'],
    ['9:3: Unexpected character after `<`, expected a valid JSX tag', 9, 'error.mdxAngle'],
    ['4:1: Expected a closing tag for `<div>`', 4, 'error.mdxTag'],
    ['3:1: Unexpected lazy line in container', 3, 'error.mdxSyntax'],
  ] as const)('explains "%s" in Vietnamese with the fix, at line %i', (reason, line, key) => {
    expect(syntaxProblem(FILE, new Error(reason))).toEqual({ severity: 'error', file: FILE, line, message: t(key) });
  });

  it('keeps no line for a reason without a position', () => {
    expect(syntaxProblem(FILE, new Error('Unexpected token'))).toEqual({
      severity: 'error',
      file: FILE,
      message: t('error.mdxSyntax'),
    });
  });

  it.each([
    ['Dấu { chưa đóng.', 'error.mdxBrace'],
    ['Gửi {tên chi bộ} trước ngày họp.', 'error.mdxBrace'],
    ['Tỷ lệ <5% đảng viên.', 'error.mdxAngle'],
  ] as const)('the build’s own parser refuses "%s"; the message says how to write it', (body, key) => {
    let thrown: unknown;
    try {
      parseMdx(page(body));
    } catch (error) {
      thrown = error;
    }
    expect(syntaxProblem(FILE, thrown)).toMatchObject({ line: 7, message: t(key) });
  });
});
