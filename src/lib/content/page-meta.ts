import { t } from '../../i18n/vi.ts';
import { routes } from './routes.ts';

/** What every page title but the home page's ends with: " – Site". */
export function siteTitleSuffix(): string {
  return ` – ${t('site.name')}`;
}

/** The document title: "Page – Site", or the site name alone on the home page. */
export function pageTitle(title?: string): string {
  return title ? `${title}${siteTitleSuffix()}` : `${t('site.name')}: ${t('site.tagline')}`;
}

/** The main navigation of the site header, in order. */
export function headerLinks(): { href: string; label: string }[] {
  return [
    { href: routes.archive(), label: t('nav.months') },
    { href: routes.topics(), label: t('nav.topics') },
    { href: routes.guides(), label: t('nav.guides') },
  ];
}

/** The search page has a search box of its own, so the header leaves its box out there. */
export function isSearchPage(pathname: string): boolean {
  return pathname === routes.search() || `${pathname}/` === routes.search();
}
