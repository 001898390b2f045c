/**
 * Link previews for chat apps: the Open Graph / Twitter tags of a page and the layout of the
 * 1200×630 share image made for each monthly issue, topic and study guide.
 */
import { t } from '../../i18n/vi.ts';
import { routes } from '../content/routes.ts';
import { monthLabel } from '../content/breadcrumbs.ts';

/** The size chat apps expect for a large preview. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** The share image names, one per monthly issue, topic and guide, and one for the site. */
export const shareImageName = {
  site: () => 'trang-chu',
  month: (month: string) => `thang-${month}`,
  topic: (year: string | number) => `chuyen-de-${year}`,
  guide: (slug: string) => `hoc-tap-bac-${slug}`,
} as const;

/** What a page's preview shows: its image (a path) and what the image says. */
export interface ShareImage {
  path: string;
  alt: string;
}

/** The site-wide preview used by pages without one of their own. */
export function siteShareImage(): ShareImage {
  return { path: routes.shareImage(shareImageName.site()), alt: `${t('site.name')} – ${t('share.siteLabel')}` };
}

/** The preview of an item whose image is `name`, saying its title and its month or year. */
export function itemShareImage(name: string, title: string, label: string): ShareImage {
  return { path: routes.shareImage(name), alt: t('share.imageAlt', { title, label }) };
}

/** The label a share image prints under the title: the month, or the topic's year. */
export const shareLabel = {
  month: (month: string) => monthLabel(month),
  topic: (year: string | number) => t('topic.year', { year }),
  guide: (publishDate: string) => monthLabel(publishDate.slice(0, 7)),
} as const;

/** The preview image of each kind of item, with its alt text. */
export const shareImageOf = {
  month: (month: string, title: string) => itemShareImage(shareImageName.month(month), title, shareLabel.month(month)),
  topic: (year: string | number, title: string) =>
    itemShareImage(shareImageName.topic(year), title, shareLabel.topic(year)),
  guide: (slug: string, title: string, publishDate: string) =>
    itemShareImage(shareImageName.guide(slug), title, shareLabel.guide(publishDate)),
} as const;

/** One <meta> tag: Open Graph uses `property`, Twitter uses `name`. */
export interface MetaTag {
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/** The Open Graph and Twitter card tags of a page. */
export function socialMetaTags(page: {
  site: URL;
  path: string;
  title: string;
  description: string;
  image: ShareImage;
  type: 'website' | 'article';
}): MetaTag[] {
  const url = new URL(page.path, page.site).href;
  const image = new URL(page.image.path, page.site).href;
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key: `og:${key}`, content });
  const twitter = (key: string, content: string): MetaTag => ({ attribute: 'name', key: `twitter:${key}`, content });
  return [
    og('site_name', t('site.name')),
    og('locale', 'vi_VN'),
    og('type', page.type),
    og('title', page.title),
    og('description', page.description),
    og('url', url),
    og('image', image),
    og('image:type', 'image/png'),
    og('image:width', String(SHARE_IMAGE.width)),
    og('image:height', String(SHARE_IMAGE.height)),
    og('image:alt', page.image.alt),
    twitter('card', 'summary_large_image'),
    twitter('title', page.title),
    twitter('description', page.description),
    twitter('image', image),
    twitter('image:alt', page.image.alt),
  ];
}

/** What a share image says. */
export interface ShareCard {
  /** Small line above the title: the kind of item. */
  kicker: string;
  title: string;
  /** The month or year, shown large under the title. */
  label: string;
  /** The site's host name, printed at the foot so the source is clear in a chat. */
  host: string;
}

/** A node of the element tree satori draws (the shape of a React element, without React). */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardNode | CardNode[]; [key: string]: unknown };
}

/** Title size that keeps long Vietnamese titles within three lines. */
export function titleFontSize(title: string): number {
  if (title.length <= 40) return 68;
  if (title.length <= 70) return 58;
  if (title.length <= 100) return 48;
  return 40;
}

const COLORS = { background: '#a3141b', text: '#ffffff', gold: '#ffde00', soft: '#ffe7e4' } as const;

/** The share image as an element tree: red field, gold star, kicker, title, month, site. */
export function shareCardTree(card: ShareCard): CardNode {
  const div = (style: Record<string, string | number>, children: string | CardNode | CardNode[]): CardNode => ({
    type: 'div',
    props: { style: { display: 'flex', ...style }, children },
  });
  const star: CardNode = {
    type: 'svg',
    props: {
      width: 96,
      height: 96,
      viewBox: '0 0 32 32',
      children: {
        type: 'path',
        props: { fill: COLORS.gold, d: 'M16 3l3 9.1h9.6l-7.8 5.6 3 9.1L16 21.2l-7.8 5.6 3-9.1-7.8-5.6h9.6z' },
      },
    },
  };
  return div(
    {
      width: SHARE_IMAGE.width,
      height: SHARE_IMAGE.height,
      boxSizing: 'border-box',
      flexDirection: 'column',
      padding: '56px 72px',
      backgroundColor: COLORS.background,
      color: COLORS.text,
      fontFamily: 'Be Vietnam Pro',
    },
    [
      div({ alignItems: 'center', gap: 28 }, [
        star,
        div({ fontSize: 34, fontWeight: 700, color: COLORS.soft }, card.kicker),
      ]),
      div({ flexGrow: 1, alignItems: 'center' }, [
        div(
          {
            fontSize: titleFontSize(card.title),
            fontWeight: 700,
            lineHeight: 1.2,
            maxHeight: titleFontSize(card.title) * 1.2 * 3,
            overflow: 'hidden',
          },
          card.title,
        ),
      ]),
      div(
        {
          justifyContent: 'space-between',
          alignItems: 'flex-end',
          borderTop: `4px solid ${COLORS.gold}`,
          paddingTop: 24,
        },
        [
          div({ fontSize: 52, fontWeight: 700, color: COLORS.gold }, card.label),
          div({ fontSize: 28, color: COLORS.soft }, card.host),
        ],
      ),
    ],
  );
}
