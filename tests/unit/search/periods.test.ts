import { describe, expect, it } from 'vitest';
import {
  OLDER_FOLDER,
  RECENT_MONTHS,
  monthLabel,
  olderPeriodOf,
  pageSortDate,
  periodOf,
  recentFromMonth,
} from '../../../src/lib/search/periods.ts';

describe('recentFromMonth', () => {
  it.each<[string, string[], number, string | undefined]>([
    ['120 months to 2026-11: five years back', ['2016-12-28', '2021-11-28', '2026-10-28'], 60, '2021-11'],
    ['a span within the period: no split', ['2026-01-05', '2026-11-28'], 60, undefined],
    ['exactly the period: no split', ['2021-12-01', '2026-11-28'], 60, undefined],
    ['one month older than the period', ['2021-11-30', '2026-11-28'], 60, '2021-12'],
    ['across a new year', ['2025-06-01', '2026-02-01'], 3, '2025-12'],
    ['one month', ['2026-10-01', '2026-11-28'], 1, '2026-11'],
    ['month keys as well as dates', ['2020-01', '2026-11'], 12, '2025-12'],
    ['no dated page', ['', 'khong-ngay'], 60, undefined],
    ['undated pages ignored', ['', '2019-05-01', '2026-11-02'], 24, '2024-12'],
    ['a period under one month counts as one', ['2026-10-01', '2026-11-28'], 0, '2026-11'],
  ])('%s', (_, dates, months, expected) => {
    expect(recentFromMonth(dates, months)).toBe(expected);
  });

  it('defaults to five years', () => {
    expect(RECENT_MONTHS).toBe(60);
    expect(recentFromMonth(['1981-01-01', '2030-12-28'])).toBe('2026-01');
  });
});

describe('periodOf', () => {
  it.each<[string | undefined, string | undefined, 'recent' | 'older']>([
    ['2021-11-30', '2021-12', 'older'],
    ['2021-12-01', '2021-12', 'recent'],
    ['2026-11-28', '2021-12', 'recent'],
    [undefined, '2021-12', 'recent'],
    ['', '2021-12', 'recent'],
    ['2001-01-01', undefined, 'recent'],
    ['not a date', '2021-12', 'recent'],
  ])('%s with the period from %s: %s', (date, from, expected) => {
    expect(periodOf(date, from)).toBe(expected);
  });
});

describe('pageSortDate', () => {
  it.each<[string, string | undefined]>([
    ['<main data-pagefind-body data-pagefind-sort="ngay:2026-10-28">', '2026-10-28'],
    ['<main data-pagefind-sort="khac:2026-10-28">', undefined],
    ['<main data-pagefind-sort="ngay:28/10/2026">', undefined],
    ['<main>', undefined],
  ])('%s', (html, expected) => {
    expect(pageSortDate(html, 'ngay')).toBe(expected);
  });
});

describe('olderPeriodOf', () => {
  it.each<[string, unknown, ReturnType<typeof olderPeriodOf>]>([
    [
      'a valid entry',
      { languages: {}, older: { path: OLDER_FOLDER, before: '2021-12' } },
      { path: OLDER_FOLDER, before: '2021-12' },
    ],
    ['no older period', { languages: {} }, undefined],
    ['a path leaving the bundle', { older: { path: '../x/', before: '2021-12' } }, undefined],
    ['an absolute path', { older: { path: 'https://example.org/', before: '2021-12' } }, undefined],
    ['a year, not a month', { older: { path: OLDER_FOLDER, before: 2021 } }, undefined],
    ['nothing', undefined, undefined],
    ['null', null, undefined],
  ])('%s', (_, entry, expected) => {
    expect(olderPeriodOf(entry)).toEqual(expected);
  });
});

describe('monthLabel', () => {
  it.each([
    ['2021-12', '12/2021'],
    ['2026-01', '1/2026'],
    ['later', 'later'],
  ])('%s → %s', (month, expected) => {
    expect(monthLabel(month)).toBe(expected);
  });
});
