import { describe, expect, it } from 'vitest';
import { archiveYears } from '../../../src/lib/content/archive.ts';

describe('archiveYears', () => {
  const issues = ['2026-11', '2025-12', '2026-09', '2026-10'].map((month) => ({ month, title: `T ${month}` }));
  const years = archiveYears(issues);

  it('lists years newest first', () => {
    expect(years.map((year) => year.year)).toEqual([2026, 2025]);
  });

  it('gives every year its twelve months, newest first, each with its issue or none', () => {
    const [y2026] = years;
    expect(y2026?.months.map((month) => month.month)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(y2026?.months.filter((month) => month.issue).map((month) => month.key)).toEqual([
      '2026-11',
      '2026-10',
      '2026-09',
    ]);
    expect(y2026?.months[1]).toEqual({ month: 11, key: '2026-11', issue: { month: '2026-11', title: 'T 2026-11' } });
    expect(y2026?.months[11]).toEqual({ month: 1, key: '2026-01', issue: undefined });
  });

  it('is empty without issues', () => {
    expect(archiveYears([])).toEqual([]);
  });
});
