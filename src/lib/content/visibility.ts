import { calendarDate, toDateOnly } from '../common/dates.ts';

/** What a reader may see of an item: public, a draft, or published but waiting for its date. */
export type Visibility = 'public' | 'draft' | 'scheduled';

/** The fields that decide visibility. */
export interface Publishable {
  status: 'draft' | 'published';
  publishDate: Date | string;
}

/** Decides visibility on the publishing calendar date (Asia/Ho_Chi_Minh) of `now`. */
export function visibilityOf(item: Publishable, now: Date): Visibility {
  if (item.status === 'draft') return 'draft';
  return toDateOnly(item.publishDate) <= calendarDate(now) ? 'public' : 'scheduled';
}

/** True when the item may appear in a production build made at `now`. */
export function isPublic(item: Publishable, now: Date): boolean {
  return visibilityOf(item, now) === 'public';
}
