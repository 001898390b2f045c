import { t } from '../../i18n/vi.ts';

/** The time zone every publishing rule is judged in. */
export const PUBLISH_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date ("YYYY-MM-DD") that `now` is in the given time zone. */
export function calendarDate(now: Date, timeZone: string = PUBLISH_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD, which compares correctly as a string.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export function isCalendarDate(text: string): boolean {
  if (!DATE_ONLY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A frontmatter date (YAML gives a Date at UTC midnight) as "YYYY-MM-DD". */
export function toDateOnly(date: Date | string): string {
  if (typeof date === 'string') {
    if (!DATE_ONLY.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
    return date;
  }
  return date.toISOString().slice(0, 10);
}

/** Vietnamese short date: "05/11/2026". */
export function formatDateVi(date: Date | string): string {
  const [year, month, day] = toDateOnly(date).split('-');
  return `${day}/${month}/${year}`;
}

/** Vietnamese long date: "ngày 5 tháng 11 năm 2026". */
export function formatLongDateVi(date: Date | string): string {
  const [year, month, day] = toDateOnly(date).split('-').map(Number);
  return t('date.long', { day: day ?? '', month: month ?? '', year: year ?? '' });
}
