import { describe, expect, it } from 'vitest';
import {
  offlineTitle,
  savesData,
  assetUrlsInHtml,
  isBypassed,
  isDocument,
  offlinePages,
  OFFLINE_PAGE_FILE,
} from '../../../src/lib/reach/offline.ts';

describe('offlinePages', () => {
  it('stores home, this month, its sections and its printable page', () => {
    expect(
      offlinePages({ month: '2026-11', sectionUrls: ['/thang/2026-11/thoi-su/', '/thang/2026-11/hoi-dap/'] }),
    ).toEqual(['/', '/thang/2026-11/', '/thang/2026-11/thoi-su/', '/thang/2026-11/hoi-dap/', '/thang/2026-11/in/']);
  });

  it('stores only home before any month is published', () => {
    expect(offlinePages(undefined)).toEqual(['/']);
  });

  it('knows the offline page by its built file', () => {
    expect(OFFLINE_PAGE_FILE).toBe('/ngoai-tuyen/index.html');
  });
});

describe('assetUrlsInHtml', () => {
  it('finds built stylesheets and scripts once each, not images or other sites', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/page.A1.css"><script type="module" src="/_astro/x.B2.js"></script>' +
      '<img src="/_astro/bia.C3.webp"><link href="/_astro/page.A1.css"><script src="https://cdn.example/y.js"></script>';
    expect(assetUrlsInHtml(html)).toEqual(['/_astro/page.A1.css', '/_astro/x.B2.js']);
  });
});

describe.each([
  ['/admin/', true, false],
  ['/admin', true, false],
  ['/thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.pdf', false, true],
  ['/thang/2026-10/files/huong-dan-12.PDF', false, true],
  ['/thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.docx', false, false],
  ['/thang/2026-11/', false, false],
])('%s', (path, bypassed, document) => {
  it(`is ${bypassed ? '' : 'not '}left to the network and ${document ? 'is' : 'is not'} a kept document`, () => {
    expect(isBypassed(path)).toBe(bypassed);
    expect(isDocument(path)).toBe(document);
  });
});

describe('offlineTitle', () => {
  const suffix = ' – Tài liệu sinh hoạt chi bộ';
  it.each([
    ['Tình hình thời sự (Tháng 11/2026) – Tài liệu sinh hoạt chi bộ', 'Tình hình thời sự (Tháng 11/2026)'],
    ['  Lưu trữ – Tài liệu sinh hoạt chi bộ ', 'Lưu trữ'],
    ['Tài liệu sinh hoạt chi bộ: tài liệu hằng tháng', 'Tài liệu sinh hoạt chi bộ: tài liệu hằng tháng'],
  ])('shows %j as %j', (title, shown) => {
    expect(offlineTitle(title, suffix)).toBe(shown);
  });
  it('keeps a title as it is without a suffix to drop', () => {
    expect(offlineTitle('Trang – Khác', '')).toBe('Trang – Khác');
  });
});

describe('savesData', () => {
  it.each([
    [{ connection: { saveData: true } }, true],
    [{ connection: { saveData: false } }, false],
    [{ connection: {} }, false],
    [{}, false],
  ])('reads %j as %s', (navigatorLike, expected) => {
    expect(savesData(navigatorLike)).toBe(expected);
  });
});
