import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/vi.ts';
import { parseMdx } from '../../../src/lib/exports/mdx.ts';
import { exportProblems, syntaxProblem } from '../../../src/lib/check/exports.ts';

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
  it('takes the line from the parser’s "line:column: reason"', () => {
    expect(syntaxProblem(FILE, new Error('7:38: Unexpected end of file in expression'))).toEqual({
      severity: 'error',
      file: FILE,
      line: 7,
      message: t('error.mdxSyntax', { reason: 'Unexpected end of file in expression' }),
    });
  });

  it('keeps a reason without a position whole, and no line', () => {
    expect(syntaxProblem(FILE, new Error('Unexpected token'))).toEqual({
      severity: 'error',
      file: FILE,
      message: t('error.mdxSyntax', { reason: 'Unexpected token' }),
    });
  });

  it('refuses a bad page through the parser, as npm run check does', () => {
    expect(() => parseMdx(page('Dấu { chưa đóng.'))).toThrow(/^7:\d+: /);
  });
});
