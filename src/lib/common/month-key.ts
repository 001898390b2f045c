/** A month as the content contract writes it: "YYYY-MM". */
export interface MonthKey {
  year: number;
  month: number;
}

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** Parses "2026-11"; returns null for anything that is not a real month. */
export function parseMonthKey(text: string): MonthKey | null {
  const match = MONTH_KEY.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1930) return null;
  return { year, month };
}

/** Formats a month back to "YYYY-MM". */
export function formatMonthKey({ year, month }: MonthKey): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month after the given one. */
export function nextMonth({ year, month }: MonthKey): MonthKey {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** Compares two "YYYY-MM" keys; the string order is the calendar order. */
export function compareMonthKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
