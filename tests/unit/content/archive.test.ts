import { describe, expect, it } from 'vitest';
import { archiveYears } from '../../../src/lib/content/archive.ts';

describe('archiveYears', () => {
  const years = archiveYears(['2026-11', '2025-12', '2026-09', '2026-10']);

  it('lists years newest first', () => {
    expect(years.map((year) => year.year)).toEqual([2026, 2025]);
  });

  it('gives every year its twelve months, marking those without an issue', () => {
    const [y2026] = years;
    expect(y2026?.months).toHaveLength(12);
    expect(y2026?.months.filter((month) => month.hasIssue).map((month) => month.key)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(y2026?.months[0]).toEqual({ month: 1, key: '2026-01', hasIssue: false });
  });

  it('is empty without issues', () => {
    expect(archiveYears([])).toEqual([]);
  });
});
