import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  formatDateVi,
  formatLongDateVi,
  isCalendarDate,
  toDateOnly,
} from '../../../src/lib/common/dates.ts';

describe('calendarDate in Asia/Ho_Chi_Minh', () => {
  it.each([
    ['2026-11-27T16:59:59Z', '2026-11-27'],
    ['2026-11-27T17:00:00Z', '2026-11-28'],
    ['2026-12-31T23:30:00+07:00', '2026-12-31'],
    ['2026-12-31T18:00:00Z', '2027-01-01'],
  ])('%s is %s in Hà Nội', (instant, expected) => {
    expect(calendarDate(new Date(instant))).toBe(expected);
  });
});

describe('Vietnamese date formats', () => {
  it.each([
    ['2026-11-05', '05/11/2026', 'ngày 5 tháng 11 năm 2026'],
    ['2026-01-31', '31/01/2026', 'ngày 31 tháng 1 năm 2026'],
  ])('%s', (date, short, long) => {
    expect(formatDateVi(date)).toBe(short);
    expect(formatLongDateVi(date)).toBe(long);
  });

  it('accepts a YAML date (UTC midnight)', () => {
    expect(toDateOnly(new Date('2026-10-28T00:00:00Z'))).toBe('2026-10-28');
  });

  it('refuses a malformed date string', () => {
    expect(() => toDateOnly('28/10/2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['05/11/2026', false],
  ])('%s → %s', (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
  });
});
