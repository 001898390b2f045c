/**
 * The search index in two periods. A province keeps its archive for decades, and what the first query
 * downloads (the page list in pf_meta, the postings of common words) grows with every month: at 600
 * months "dang vien" cost 297 KB. The build indexes the newest years on their own (the bundle the
 * first query loads) and the years before them in a second bundle inside the first
 * (`<bundle>/truoc/`), which the search page searches only when the reader asks, or when the newest
 * years have no result, and shows in a group of its own below: nothing reorders under the reader,
 * and every matching page, older ones included, stays reachable.
 * Pure: dates in, periods out. Imports nothing: it ships to the browser too.
 */

/** The older period's bundle, inside the newest period's one (its files keep the same server rules). */
export const OLDER_FOLDER = 'truoc/';

/** The component UI's instance that searches the older period (the newest one is "default"). */
export const OLDER_INSTANCE = 'truoc';

/** Months in the newest period, the newest one included: five years of monthly issues. */
export const RECENT_MONTHS = 60;

/** What the newest period's pagefind-entry.json says of the older one, when there is one. */
export interface OlderPeriod {
  /** The older bundle, relative to the newest one's folder. */
  path: string;
  /** The first month of the newest period ("2021-12"): the older one holds the pages dated before it. */
  before: string;
}

const MONTH = /^(\d{4})-(\d{2})(?:-\d{2})?$/;
const monthIndex = (date: string): number => {
  const match = MONTH.exec(date);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : Number.NaN;
};

/**
 * The first month of the newest period ("YYYY-MM"): `months` back from the newest dated page's month,
 * that month included. Undefined when no page has a date, or when every dated page already falls
 * within the period (then there is no second bundle).
 */
export function recentFromMonth(dates: Iterable<string>, months = RECENT_MONTHS): string | undefined {
  let newest = -Infinity;
  let oldest = Infinity;
  for (const date of dates) {
    const index = monthIndex(date);
    if (!Number.isFinite(index)) continue;
    newest = Math.max(newest, index);
    oldest = Math.min(oldest, index);
  }
  if (!Number.isFinite(newest)) return undefined;
  const from = newest - Math.max(1, Math.floor(months)) + 1;
  if (oldest >= from) return undefined;
  return `${Math.floor(from / 12)}-${String((from % 12) + 1).padStart(2, '0')}`;
}

/** The period of a page: older when dated before the month `from`; a page without a date stays in the newest. */
export function periodOf(date: string | undefined, from: string | undefined): 'recent' | 'older' {
  if (from === undefined || !date) return 'recent';
  const index = monthIndex(date);
  return Number.isFinite(index) && index < monthIndex(from) ? 'older' : 'recent';
}

/** "2026-01" as readers write a month: "1/2026" (as the year filter's "Tháng 1/2026"). */
export function monthLabel(month: string): string {
  const match = MONTH.exec(month);
  return match ? `${Number(match[2])}/${match[1]}` : month;
}

/** The search date a built page carries (`data-pagefind-sort="<key>:YYYY-MM-DD"`), if any. */
export function pageSortDate(html: string, sortKey: string): string | undefined {
  const key = sortKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`data-pagefind-sort="${key}:(\\d{4}-\\d{2}-\\d{2})"`).exec(html)?.[1];
}

/** The older period an entry names, if it names a valid one. */
export function olderPeriodOf(entry: unknown): OlderPeriod | undefined {
  const older = (entry as { older?: unknown } | null)?.older as Partial<OlderPeriod> | undefined;
  if (!older || typeof older.path !== 'string' || typeof older.before !== 'string') return undefined;
  if (!/^\d{4}-\d{2}$/.test(older.before)) return undefined;
  // Only a folder inside the bundle: the entry comes over the network.
  if (!/^[a-z0-9-]+\/$/.test(older.path)) return undefined;
  return { path: older.path, before: older.before };
}
