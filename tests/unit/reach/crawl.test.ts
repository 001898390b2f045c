import { describe, expect, it } from 'vitest';
import { isListedInSitemap, robotsTxt } from '../../../src/lib/reach/crawl.ts';

describe('robotsTxt', () => {
  it.each([
    ['https://tailieu.example.org', 'Sitemap: https://tailieu.example.org/sitemap-index.xml'],
    ['https://tinh.example.vn/tai-lieu/', 'Sitemap: https://tinh.example.vn/sitemap-index.xml'],
  ])('points at the sitemap of %s', (site, line) => {
    const text = robotsTxt(new URL(site));
    expect(text.split('\n')).toContain(line);
    expect(text).toContain('Disallow: /admin/');
  });
});

describe.each([
  ['https://tailieu.example.org/', true],
  ['https://tailieu.example.org/thang/2026-11/thoi-su/', true],
  ['https://tailieu.example.org/ngoai-tuyen/', false],
  ['https://tailieu.example.org/404/', false],
  ['https://tailieu.example.org/admin/', false],
])('isListedInSitemap(%s)', (page, listed) => {
  it(`is ${listed}`, () => expect(isListedInSitemap(page)).toBe(listed));
});
