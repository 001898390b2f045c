import { formatMonthKey, parseMonthKey } from '../common/month-key.ts';

/** One cell of the archive: a month of a year, with or without an issue. */
export interface ArchiveMonth {
  month: number;
  key: string;
  hasIssue: boolean;
}

/** A year of the archive with its twelve months. */
export interface ArchiveYear {
  year: number;
  months: ArchiveMonth[];
}

/** Groups published month keys into years (newest first), each with all twelve months in order. */
export function archiveYears(monthKeys: readonly string[]): ArchiveYear[] {
  const present = new Set(monthKeys);
  const years = new Set<number>();
  for (const key of monthKeys) {
    const parsed = parseMonthKey(key);
    if (parsed) years.add(parsed.year);
  }
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      months: Array.from({ length: 12 }, (_, index) => {
        const key = formatMonthKey({ year, month: index + 1 });
        return { month: index + 1, key, hasIssue: present.has(key) };
      }),
    }));
}
