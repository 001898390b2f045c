/** What search engines are told: robots.txt and which pages belong in the sitemap. */
import { routes } from '../content/routes.ts';

/** robots.txt for the site at `site`: everything but the web editor, and where the sitemap is. */
export function robotsTxt(site: URL): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin/',
    '',
    `Sitemap: ${new URL(routes.sitemap(), site).href}`,
    '',
  ].join('\n');
}

/** Pages kept out of the sitemap: the offline fallback, the not-found page and the web editor. */
const UNLISTED = [routes.offline(), '/404/', '/admin/'];

/** True when a page URL (absolute or a path) belongs in the sitemap. */
export function isListedInSitemap(page: string): boolean {
  const path = new URL(page, 'http://x').pathname;
  return !UNLISTED.some((prefix) => path.startsWith(prefix));
}
