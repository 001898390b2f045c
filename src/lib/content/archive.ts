import { formatMonthKey, parseMonthKey } from '../common/month-key.ts';

/** One cell of the archive: a month of a year, with its issue when there is one. */
export interface ArchiveMonth<T> {
  month: number;
  key: string;
  issue: T | undefined;
}

/** A year of the archive with its twelve months, newest first. */
export interface ArchiveYear<T> {
  year: number;
  months: ArchiveMonth<T>[];
}

/**
 * Groups issues into years, newest year first, each with all twelve months from December down to
 * January (the archive reads newest first), so a month without an issue still has its place.
 */
export function archiveYears<T extends { month: string }>(issues: readonly T[]): ArchiveYear<T>[] {
  const byKey = new Map(issues.map((issue) => [issue.month, issue]));
  const years = new Set<number>();
  for (const issue of issues) {
    const parsed = parseMonthKey(issue.month);
    if (parsed) years.add(parsed.year);
  }
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      months: Array.from({ length: 12 }, (_, index) => {
        const month = 12 - index;
        const key = formatMonthKey({ year, month });
        return { month, key, issue: byKey.get(key) };
      }),
    }));
}
