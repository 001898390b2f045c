import { describe, expect, it } from 'vitest';
import {
  addFilterCounts,
  anyOfEach,
  chosenValues,
  everyValue,
  shownCounts,
  withoutEach,
} from '../../../src/lib/search/filter-counts.ts';

describe('anyOfEach', () => {
  it("asks any of a filter's values, and leaves out the filters without one", () => {
    expect(anyOfEach({ nam: ['2017', '2021'], loai: ['Chuyên đề'], khac: [] })).toEqual({
      nam: { any: ['2017', '2021'] },
      loai: { any: ['Chuyên đề'] },
    });
    expect(anyOfEach(undefined)).toEqual({});
  });
});

describe('withoutEach', () => {
  it('gives, for each filter with a chosen value, the selection without it', () => {
    expect(withoutEach({ nam: ['2017'], loai: ['Chuyên đề'], khac: [] })).toEqual([
      ['nam', { loai: ['Chuyên đề'] }],
      ['loai', { nam: ['2017'] }],
    ]);
    expect(withoutEach({})).toEqual([]);
  });
});

describe('shownCounts', () => {
  it("takes a chosen filter's counts from the search without it, the others' from the search with all", () => {
    const all = { nam: { '2017': 4, '2021': 0 }, loai: { 'Học tập Bác': 4, 'Chuyên đề': 0 } };
    const withoutYear = { nam: { '2017': 4, '2021': 6 }, loai: { 'Học tập Bác': 10, 'Chuyên đề': 2 } };
    expect(shownCounts(all, { nam: withoutYear })).toEqual({
      nam: { '2017': 4, '2021': 6 },
      loai: { 'Học tập Bác': 4, 'Chuyên đề': 0 },
    });
    expect(shownCounts(all, {})).toEqual(all);
  });
});

describe('chosenValues', () => {
  it('lists every chosen value at 0, so a value no period counted stays in the dropdown', () => {
    expect(chosenValues({ nam: ['2019', '2026'], loai: [] })).toEqual({ nam: { '2019': 0, '2026': 0 }, loai: {} });
    expect(chosenValues(undefined)).toEqual({});
  });
});

describe('shownCounts, when the search without a filter found nothing', () => {
  it("gives that filter's values no count, rather than the search's with it", () => {
    expect(shownCounts({ nam: { '2019': 3 } }, { nam: undefined })).toEqual({ nam: {} });
  });
});

describe('everyValue', () => {
  it('names every value of either counts, at 0', () => {
    expect(
      everyValue({ nam: { '2026': 3 } }, { nam: { '2019': 1 }, loai: { 'Tài liệu tháng': 2 } }, undefined),
    ).toEqual({
      nam: { '2026': 0, '2019': 0 },
      loai: { 'Tài liệu tháng': 0 },
    });
  });
});

describe('addFilterCounts', () => {
  it("adds the older period's counts to the newest's, and keeps the values only one period has", () => {
    const newest = { nam: { '2025': 4, '2026': 9 }, loai: { 'Tài liệu tháng': 13 } };
    const older = { nam: { '2019': 7, '2025': 2 }, loai: { 'Tài liệu tháng': 8, 'Chuyên đề': 1 } };
    expect(addFilterCounts(newest, older)).toEqual({
      nam: { '2019': 7, '2025': 6, '2026': 9 },
      loai: { 'Tài liệu tháng': 21, 'Chuyên đề': 1 },
    });
    // The inputs are Pagefind's own objects: left as they were.
    expect(newest.nam).toEqual({ '2025': 4, '2026': 9 });
  });

  it('takes either side alone when the other has no counts', () => {
    expect(addFilterCounts({ nam: { '2026': 3 } }, undefined)).toEqual({ nam: { '2026': 3 } });
    expect(addFilterCounts(undefined, { nam: { '2019': 1 } })).toEqual({ nam: { '2019': 1 } });
    expect(addFilterCounts(undefined, undefined)).toEqual({});
  });
});
