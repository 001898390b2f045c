import { describe, expect, it } from 'vitest';
import { footnoteIdPrefix, keepPrintHeadingId, prefixFootnoteIds } from '../../../src/lib/content/footnote-ids.ts';

describe('footnoteIdPrefix', () => {
  it.each([
    ['/work/main/content/thang/2026-09/01-thoi-su.mdx', '2026-09-thoi-su'],
    ['/x/content/chuyen-de/2026/03-thuc-trang.mdx', '2026-thuc-trang'],
    ['/x/content/hoc-tap-bac/bac-ho-quy-trong-thoi-gian.mdx', 'hoc-tap-bac-bac-ho-quy-trong-thoi-gian'],
    ['', 'bai'],
  ])('%s → %s', (path, prefix) => {
    expect(footnoteIdPrefix(path)).toBe(prefix);
  });
});

describe('prefixFootnoteIds', () => {
  it.each([
    [{ id: 'user-content-fn-1' }, { id: 'p-user-content-fn-1' }],
    [{ href: '#user-content-fnref-2' }, { href: '#p-user-content-fnref-2' }],
    [{ id: 'footnote-label' }, { id: 'p-footnote-label' }],
    [{ ariaDescribedBy: ['footnote-label'] }, { ariaDescribedBy: ['p-footnote-label'] }],
  ])('%o', (properties, expected) => {
    expect(prefixFootnoteIds(properties, 'p')).toEqual(expected);
  });

  it('returns the same object when nothing is a footnote id', () => {
    const properties = { id: 'bai-hoc', href: '/thang/2026-11/' };
    expect(prefixFootnoteIds(properties, 'p')).toBe(properties);
  });
});

describe('keepPrintHeadingId', () => {
  it.each([
    ['2026-09-thoi-su-footnote-label', '2026-09-thoi-su-footnote-label'],
    ['bai-hoc-cho-dang-vien', undefined],
    [undefined, undefined],
  ])('%s → %s', (id, kept) => {
    expect(keepPrintHeadingId(id)).toBe(kept);
  });
});
