import { describe, expect, it } from 'vitest';
import { formatSearchState, parseSearchState, searchSort, type SearchState } from '../../../src/lib/search/url.ts';

const state = (query: string, filters: Record<string, string[]> = {}, newest = false): SearchState => ({
  query,
  filters,
  newest,
});

describe('search state in the URL', () => {
  it.each<[string, SearchState, string]>([
    ['a plain query', state('dang vien'), '?q=dang+vien'],
    ['a query with diacritics', state('Đảng uỷ'), '?q=%C4%90%E1%BA%A3ng+u%E1%BB%B7'],
    [
      'filters and the newest-first order',
      state('bac ho', { loai: ['Học tập Bác'], nam: ['2026', '2025'] }, true),
      '?q=bac+ho&loai=H%E1%BB%8Dc+t%E1%BA%ADp+B%C3%A1c&nam=2026&nam=2025&sap-xep=moi-nhat',
    ],
    ['nothing to keep', state('   '), ''],
    ['filters without a query', state('', { nam: ['2026'] }), '?nam=2026'],
  ])('%s round-trips', (_name, value, search) => {
    expect(formatSearchState(value)).toBe(search);
    expect(parseSearchState(search)).toEqual({ ...value, query: value.query.trim() });
  });

  it.each<[string, SearchState]>([
    ['?q=a&utm_source=zalo&loai=', state('a')],
    ['?sap-xep=cu-nhat', state('')],
    ['', state('')],
    [`?q=${encodeURIComponent('sinh hoạt'.normalize('NFD'))}`, state('sinh hoạt')],
  ])('reads %s, ignoring what it does not know and normalising to NFC', (search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
  });

  it.each([
    [true, { ngay: 'desc' }],
    [false, {}],
  ])('sort for newest=%s', (newest, sort) => {
    expect(searchSort(newest)).toEqual(sort);
  });
});
