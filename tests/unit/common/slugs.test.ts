import { describe, expect, it } from 'vitest';
import { isCleanSlug, slugFromFileName, toSlug } from '../../../src/lib/common/slugs.ts';

describe('toSlug', () => {
  it.each([
    ['Đổi mới nội dung', 'doi-moi-noi-dung'],
    ['Đảng uỷ xã Tân Đức', 'dang-uy-xa-tan-duc'],
    ['đi đến đâu', 'di-den-dau'],
    ['Ngày 20/11: Nhà giáo Việt Nam', 'ngay-20-11-nha-giao-viet-nam'],
    ['Hỏi – đáp', 'hoi-dap'],
    ['Tự soi, tự sửa'.normalize('NFD'), 'tu-soi-tu-sua'],
  ])('%s → %s', (title, slug) => {
    expect(toSlug(title)).toBe(slug);
  });
});

describe('slugFromFileName', () => {
  it.each([
    ['01-thoi-su.mdx', 'thoi-su'],
    ['12-hoi-dap.mdx', 'hoi-dap'],
    ['content/thang/2026-11/03-chuyen-de-tu-soi.mdx', 'chuyen-de-tu-soi'],
    ['bac-ho-voi-thieu-nhi.mdx', 'bac-ho-voi-thieu-nhi'],
    ['2026-11/thoi-su', 'thoi-su'],
  ])('%s → %s', (fileName, slug) => {
    expect(slugFromFileName(fileName)).toBe(slug);
  });
});

describe('isCleanSlug', () => {
  it.each([
    ['thoi-su', true],
    ['a1-b2', true],
    ['Thoi-su', false],
    ['thời-sự', false],
    ['thoi--su', false],
    ['-thoi', false],
    ['thoi su', false],
  ])('%s → %s', (slug, clean) => {
    expect(isCleanSlug(slug)).toBe(clean);
  });
});
