import { describe, expect, it } from 'vitest';
import { isSafeUrl, linkProblems } from '../../../src/lib/check/links.ts';
import { parseMdx } from '../../../src/lib/exports/mdx.ts';

const FILE = 'content/thang/2026-11/01-thoi-su.mdx';
const page = (body: string) => `---\ntitle: "Mục"\norder: 1\nkind: thoi-su\n---\n\n${body}\n`;
const linesOf = (body: string) => linkProblems(FILE, parseMdx(page(body))).map((problem) => problem.line);

describe('isSafeUrl', () => {
  it.each([
    'https://dangcongsan.vn/',
    'http://example.org/a?b=c',
    'mailto:tuyengiao@example.org',
    'tel:+842437000000',
    '/thang/2026-11/',
    './files/ket-luan.pdf',
    '#chu-thich',
    'thoi-su/',
  ])('allows %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript&colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'DATA:image/svg+xml,<svg>',
    'file:///etc/passwd',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});

describe('linkProblems', () => {
  it.each([
    ['an inline link', '[a](javascript:alert(1))'],
    ['mixed case', '[a](JaVaScRiPt:alert(1))'],
    ['an entity-encoded scheme', '[a](&#106;avascript&#58;alert(1))'],
    ['an angle-bracket destination', '[a](<javascript:alert(1)>)'],
    ['an image from data:', '![ảnh](data:image/png;base64,AAAA)'],
    ['a JSX link', '<a href="JaVa&#115;cript:alert(1)">a</a>'],
  ])('finds %s at its line', (_name, body) => {
    expect(linesOf(body)).toEqual([7]);
  });

  it('finds a reference-style definition at the definition’s line', () => {
    expect(linesOf('[văn bản][vb]\n\n[vb]: vbscript:msgbox(1)')).toEqual([9]);
  });

  it('lets ordinary links through', () => {
    expect(linesOf('[a](https://dangcongsan.vn/) [b](/thang/) [c](mailto:a@example.org) https://example.org')).toEqual(
      [],
    );
  });
});
