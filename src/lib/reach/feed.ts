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

/** A correction notice with the anchor it has on its page and in the feed. */
export interface IdentifiedCorrection {
  date: string;
  text: string;
  /** "dinh-chinh-2026-11-20", then "dinh-chinh-2026-11-20-2" for a second one that day. */
  id: string;
}

/**
 * Gives each correction its own anchor (Corrections.astro) and so its own feed link and guid.
 * Numbered in the order of the file ("newest last"), so adding one never renames the earlier ones.
 */
export function identifyCorrections(corrections: readonly { date: string; text: string }[]): IdentifiedCorrection[] {
  const seen = new Map<string, number>();
  return corrections.map(({ date, text }) => {
    const count = (seen.get(date) ?? 0) + 1;
    seen.set(date, count);
    return { date, text, id: count === 1 ? `dinh-chinh-${date}` : `dinh-chinh-${date}-${count}` };
  });
}

/** Corrections for display, newest first; of one day, the later entry first. */
export function correctionsNewestFirst(corrections: readonly { date: string; text: string }[]): IdentifiedCorrection[] {
  return identifyCorrections(corrections)
    .map((correction, index) => ({ correction, index }))
    .sort((a, b) => b.correction.date.localeCompare(a.correction.date) || b.index - a.index)
    .map(({ correction }) => correction);
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
    for (const correction of identifyCorrections(source.corrections ?? [])) {
      // A correction scheduled for later is as private as a future item.
      if (correction.date > today) continue;
      entries.push({
        title: t('feed.correctionTitle', { date: formatDateVi(correction.date), title: source.title }),
        link: `${source.url}#${correction.id}`,
        description: correction.text,
        pubDate: feedDate(correction.date),
        categories: [t('month.corrections')],
      });
    }
  }
  return entries.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link));
}
