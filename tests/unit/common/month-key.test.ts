import { describe, expect, it } from 'vitest';
import { compareMonthKeys, formatMonthKey, nextMonth, parseMonthKey } from '../../../src/lib/common/month-key.ts';

describe('parseMonthKey', () => {
  it.each([
    ['2026-11', { year: 2026, month: 11 }],
    ['2026-01', { year: 2026, month: 1 }],
    ['2027-12', { year: 2027, month: 12 }],
  ])('reads %s', (text, expected) => {
    expect(parseMonthKey(text)).toEqual(expected);
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-11', '2026/11', '2026-11-01', '', 'thang-11', '1900-05'])(
    'refuses %j',
    (text) => {
      expect(parseMonthKey(text)).toBeNull();
    },
  );
});

describe('month arithmetic', () => {
  it.each([
    [{ year: 2026, month: 11 }, '2026-12'],
    [{ year: 2026, month: 12 }, '2027-01'],
    [{ year: 2026, month: 1 }, '2026-02'],
  ])('the month after %o is %s', (month, expected) => {
    expect(formatMonthKey(nextMonth(month))).toBe(expected);
  });

  it('orders keys as the calendar does', () => {
    expect(['2026-11', '2025-12', '2026-02'].sort(compareMonthKeys)).toEqual(['2025-12', '2026-02', '2026-11']);
  });
});
