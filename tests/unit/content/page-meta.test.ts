import { describe, expect, it } from 'vitest';
import { headerLinks, isSearchPage, pageTitle, siteTitleSuffix } from '../../../src/lib/content/page-meta.ts';

describe('pageTitle', () => {
  it('ends every page title but the home page’s with the site suffix', () => {
    expect(pageTitle('Lưu trữ')).toBe(`Lưu trữ${siteTitleSuffix()}`);
    expect(pageTitle().endsWith(siteTitleSuffix())).toBe(false);
  });
});

describe('isSearchPage', () => {
  it.each([
    ['/tim-kiem/', true],
    ['/tim-kiem', true],
    ['/', false],
    ['/thang/2026-11/tim-kiem/', false],
  ])('%s → %s', (path, expected) => {
    expect(isSearchPage(path)).toBe(expected);
  });
});

describe('headerLinks', () => {
  it('lists the three areas of the site in order', () => {
    expect(headerLinks().map((link) => link.href)).toEqual(['/thang/', '/chuyen-de/', '/hoc-tap-bac/']);
  });
});
