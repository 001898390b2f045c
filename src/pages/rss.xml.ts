import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { buildNow, getMonthlyIssues, getStudyGuides, getTopics } from '../collections.ts';
import { calendarDate } from '../lib/dates.ts';
import { feedEntries, type FeedSource } from '../lib/feed.ts';
import { t } from '../i18n/vi.ts';

/** /rss.xml: new monthly issues, topics, study guides and corrections, from the collections gate. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs must set `site` (SITE_URL) for the feed');
  const [issues, topics, guides] = await Promise.all([getMonthlyIssues(), getTopics(), getStudyGuides()]);
  // `npm run dev` shows drafts on pages, but a feed reader must never see one.
  const sources: FeedSource[] = [
    ...issues
      .filter((issue) => issue.visibility === 'public')
      .map((issue) => ({
        title: issue.entry.data.title,
        summary: issue.entry.data.summary,
        url: issue.url,
        publishDate: issue.entry.data.publishDate,
        category: t('kind.month'),
        corrections: issue.entry.data.corrections,
      })),
    ...topics
      .filter((topic) => topic.visibility === 'public')
      .map((topic) => ({
        title: topic.entry.data.title,
        summary: topic.entry.data.summary,
        url: topic.url,
        publishDate: topic.entry.data.publishDate,
        category: t('kind.topic'),
      })),
    ...guides
      .filter((guide) => guide.visibility === 'public')
      .map((guide) => ({
        title: guide.entry.data.title,
        summary: guide.entry.data.summary,
        url: guide.url,
        publishDate: guide.entry.data.publishDate,
        category: t('kind.guide'),
      })),
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
