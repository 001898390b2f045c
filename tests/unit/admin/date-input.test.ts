import { describe, expect, it } from 'vitest';
import { parseTypedDate, shownDate } from '../../../src/lib/admin/date-input.ts';

describe('the editor date box', () => {
  it.each([
    ['28/12/2026', '2026-12-28'],
    ['5/1/2027', '2027-01-05'],
    [' 05.01.2027 ', '2027-01-05'],
    ['2027-01-05', '2027-01-05'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %j as %s', (typed, stored) => {
    expect(parseTypedDate(typed)).toBe(stored);
  });

  it.each(['12/28/2026', '30/02/2027', '28/12/26', 'hôm nay', ''])('refuses %j', (typed) => {
    expect(parseTypedDate(typed)).toBeNull();
  });

  it.each([
    ['2027-01-05', '05/01/2027'],
    [new Date('2027-01-05T00:00:00Z'), '05/01/2027'],
    ['', ''],
    [undefined, ''],
  ])('shows %j as %j', (stored, shown) => {
    expect(shownDate(stored)).toBe(shown);
  });
});
