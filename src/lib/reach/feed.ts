/**
 * The RSS feed's items: new monthly issues, topics, study guides and corrections, newest first.
 * Pure: the page hands in what the collections gate let through and the build's clock.
 */
import { t } from '../../i18n/vi.ts';
import { formatDateVi } from '../common/dates.ts';

/** An item the gate has already judged public. */
export interface FeedSource {
  title: string;
  summary: string;
  url: string;
  publishDate: string;
  /** Category shown to feed readers, e.g. "Tài liệu tháng". */
  category: string;
  corrections?: readonly { date: string; text: string }[];
}

/** One feed entry, in the shape @astrojs/rss takes. */
export interface FeedEntry {
  title: string;
  link: string;
  description: string;
  pubDate: Date;
  categories: string[];
}

/** The anchor of one correction on its page (Corrections.astro), so each has its own feed link. */
export function correctionAnchor(date: string): string {
  return `dinh-chinh-${date}`;
}

/** Noon in Hà Nội on a YYYY-MM-DD date, so every reader's time zone shows the same day. */
export function feedDate(date: string): Date {
  return new Date(`${date}T12:00:00+07:00`);
}

/** Feed entries for the given items, corrections as entries of their own; none dated after `today`. */
export function feedEntries(sources: readonly FeedSource[], today: string): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const source of sources) {
    if (source.publishDate > today) continue;
    entries.push({
      title: source.title,
      link: source.url,
      description: `${source.summary} ${t('feed.published', { date: formatDateVi(source.publishDate) })}`,
      pubDate: feedDate(source.publishDate),
      categories: [source.category],
    });
    for (const correction of source.corrections ?? []) {
      // A correction scheduled for later is as private as a future item.
      if (correction.date > today) continue;
      entries.push({
        title: t('feed.correctionTitle', { date: formatDateVi(correction.date), title: source.title }),
        link: `${source.url}#${correctionAnchor(correction.date)}`,
        description: correction.text,
        pubDate: feedDate(correction.date),
        categories: [t('month.corrections')],
      });
    }
  }
  return entries.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link));
}
