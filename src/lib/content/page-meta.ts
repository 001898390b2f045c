import { t } from '../../i18n/vi.ts';

/** The document title: "Page – Site", or the site name alone on the home page. */
export function pageTitle(title?: string): string {
  return title ? `${title} – ${t('site.name')}` : `${t('site.name')}: ${t('site.tagline')}`;
}
