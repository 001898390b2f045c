/** Fills the offline page's list with the pages this phone has stored, titled as on the page. */
import { offlineTitle } from '../lib/reach/offline.ts';

/** Titles of stored pages, read from their cached HTML; home first, then by address. */
export async function listOfflinePages(list: HTMLUListElement): Promise<void> {
  const cacheName = list.dataset['cache'] ?? '';
  const entries: { path: string; title: string }[] = [];
  if ('caches' in window && (await caches.has(cacheName))) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const html = await response.text();
      const title = offlineTitle(
        new DOMParser().parseFromString(html, 'text/html').title,
        list.dataset['titleSuffix'] ?? '',
      );
      const url = new URL(request.url);
      entries.push({ path: url.pathname + url.search, title: title || url.pathname });
    }
  }
  entries.sort((a, b) => (a.path === '/' ? -1 : b.path === '/' ? 1 : a.path.localeCompare(b.path, 'vi')));
  list.replaceChildren(
    ...(entries.length
      ? entries.map(({ path, title }) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = path;
          link.textContent = title;
          item.append(link);
          return item;
        })
      : [Object.assign(document.createElement('li'), { textContent: list.dataset['empty'] ?? '' })]),
  );
}
