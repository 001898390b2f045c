/**
 * What the service worker keeps for reading without a network: cache names, the pages stored on
 * the first visit, and the stylesheets and scripts those pages need.
 */
import { routes } from '../content/routes.ts';

/** Runtime caches; bump a version to drop an old cache's contents on the next deploy. */
export const CACHE_NAMES = {
  pages: 'portal-pages-v1',
  assets: 'portal-assets-v1',
  documents: 'portal-documents-v1',
} as const;

/** How many pages and assets a phone keeps at most (oldest dropped first). */
export const CACHE_LIMITS = { pages: 80, assets: 80, documents: 12 } as const;

/** The built file of the offline page, as the precache knows it. */
export const OFFLINE_PAGE_FILE = `${routes.offline()}index.html`;

/** The current month as the offline list needs it. */
export interface OfflineMonth {
  month: string;
  sectionUrls: readonly string[];
}

/** Pages stored at the first visit: home, this month with every section and its printable page (the offline page is precached). */
export function offlinePages(current: OfflineMonth | undefined): string[] {
  const pages = [routes.home()];
  if (current) pages.push(routes.month(current.month), ...current.sectionUrls, routes.print(current.month));
  return [...new Set(pages)];
}

/** The built stylesheets and scripts (/_astro/…css|js) a page's HTML links to, in order. */
export function assetUrlsInHtml(html: string): string[] {
  const found = [...html.matchAll(/\b(?:href|src)="(\/_astro\/[^"?#]+\.(?:css|js))"/g)].map((match) => match[1] ?? '');
  return [...new Set(found)];
}

/** True for requests the service worker must leave to the network (the web editor). */
export function isBypassed(pathname: string): boolean {
  return pathname.startsWith('/admin/') || pathname === '/admin';
}

/** True for document downloads kept once fetched (the month PDF, attached PDFs). */
export function isDocument(pathname: string): boolean {
  return /\.pdf$/i.test(pathname);
}

/** A stored page's title as the offline list shows it: without the site name every title ends with. */
export function offlineTitle(documentTitle: string, siteSuffix: string): string {
  const title = documentTitle.trim();
  return siteSuffix && title.endsWith(siteSuffix) ? title.slice(0, -siteSuffix.length).trim() : title;
}

/** Whether the phone asks to save data (Save-Data): then only pages the reader opens are kept. */
export function savesData(navigatorLike: { connection?: { saveData?: boolean } | undefined }): boolean {
  return navigatorLike.connection?.saveData === true;
}
