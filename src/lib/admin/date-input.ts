/** The web editor's date box: what staff type (dd/mm/yyyy) and what the file stores (YYYY-MM-DD). */
import { isCalendarDate } from '../common/dates.ts';

/** The stored date of what was typed ("5/1/2027", "05/01/2027" or "2027-01-05"), or null. */
export function parseTypedDate(typed: string): string | null {
  const text = typed.trim();
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = vietnamese
    ? `${vietnamese[3]}-${vietnamese[2]?.padStart(2, '0')}-${vietnamese[1]?.padStart(2, '0')}`
    : text;
  return isCalendarDate(iso) ? iso : null;
}

/** A stored date as staff read it: "2027-01-05" → "05/01/2027"; anything else unchanged. */
export function shownDate(stored: unknown): string {
  if (stored instanceof Date) return shownDate(stored.toISOString().slice(0, 10));
  const text = typeof stored === 'string' ? stored : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : text;
}
