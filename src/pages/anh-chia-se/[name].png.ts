import type { APIRoute, GetStaticPaths } from 'astro';
import { getMonthlyIssues, getStudyGuides, getTopics } from '../../collections.ts';
import { renderShareImage } from '../../share-images.ts';
import { monthLabel } from '../../lib/content/breadcrumbs.ts';
import { shareImageName, shareLabel, type ShareCard } from '../../lib/reach/share.ts';
import { t } from '../../i18n/vi.ts';
import { keyedPaths } from '../../path-keys.ts';

/** One share image per monthly issue, topic and guide the gate lets through, and one for the site. */
export const getStaticPaths = (async () => {
  const [issues, topics, guides] = await Promise.all([getMonthlyIssues(), getTopics(), getStudyGuides()]);
  const host = new URL(import.meta.env.SITE).host;
  const card = (name: string, fields: Omit<ShareCard, 'host'>) => ({
    params: { name },
    props: { card: { ...fields, host } },
  });
  // A card shows exactly its props.
  return keyedPaths('anh-chia-se/[name]', [
    card(shareImageName.site(), {
      kicker: t('site.name'),
      title: t('site.tagline'),
      label: issues[0] ? monthLabel(issues[0].month) : '',
    }),
    ...issues.map((issue) =>
      card(shareImageName.month(issue.month), {
        kicker: t('kind.month'),
        title: issue.entry.data.title,
        label: shareLabel.month(issue.month),
      }),
    ),
    ...topics.map((topic) =>
      card(shareImageName.topic(topic.year), {
        kicker: t('kind.topic'),
        title: topic.entry.data.title,
        label: shareLabel.topic(topic.year),
      }),
    ),
    ...guides.map((guide) =>
      card(shareImageName.guide(guide.slug), {
        kicker: t('guide.list'),
        title: guide.entry.data.title,
        label: shareLabel.guide(guide.entry.data.publishDate),
      }),
    ),
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) =>
  new Response(await renderShareImage(props.card), { headers: { 'Content-Type': 'image/png' } });
