import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { buildNow, getMonthlyIssues, getStudyGuides, getTopics } from '../collections.ts';
import { calendarDate } from '../lib/common/dates.ts';
import { feedEntries, type FeedSource } from '../lib/reach/feed.ts';
import { t } from '../i18n/vi.ts';

/** What every kind of item shares for the feed. */
interface FeedItem {
  url: string;
  entry: { data: { title: string; summary: string; publishDate: string } };
}

/** /rss.xml: new monthly issues, topics, study guides and corrections, from the collections gate. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs must set `site` (SITE_URL) for the feed');
  const [issues, topics, guides] = await Promise.all([getMonthlyIssues(), getTopics(), getStudyGuides()]);
  // `npm run dev` shows drafts on pages, but a feed reader must never see one.
  const publicOnly = <T extends { visibility: string }>(items: T[]) =>
    items.filter((item) => item.visibility === 'public');
  const source = (item: FeedItem, category: string): FeedSource => ({
    title: item.entry.data.title,
    summary: item.entry.data.summary,
    url: item.url,
    publishDate: item.entry.data.publishDate,
    category,
  });
  const sources: FeedSource[] = [
    ...publicOnly(issues).map((issue) => ({
      ...source(issue, t('kind.month')),
      corrections: issue.entry.data.corrections,
    })),
    ...publicOnly(topics).map((topic) => source(topic, t('kind.topic'))),
    ...publicOnly(guides).map((guide) => source(guide, t('kind.guide'))),
  ];
  return rss({
    title: t('feed.title'),
    description: t('feed.description'),
    site,
    // Absolute links, so @astrojs/rss leaves the correction anchors (#…) untouched.
    items: feedEntries(sources, calendarDate(buildNow())).map((entry) => ({
      ...entry,
      link: new URL(entry.link, site).href,
    })),
    customData: '<language>vi</language>',
    trailingSlash: true,
  });
};
