/**
 * The service worker (Workbox), bundled to /sw.js by integrations/service-worker.ts.
 * Pages are network-first, so a new month or a correction shows on the next online visit; the
 * network copy replaces the stored one, and a page the site no longer has is dropped.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  CACHE_LIMITS,
  CACHE_NAMES,
  OFFLINE_PAGE_FILE,
  isBypassed,
  isDocument,
  savesData,
} from '../lib/reach/offline.ts';
import { routes } from '../lib/content/routes.ts';

/** The parts of an install event used here (the DOM typings have no service-worker scope). */
interface InstallEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
declare const self: {
  __WB_MANIFEST: { url: string; revision: string | null }[];
  location: Location;
  navigator: { connection?: { saveData?: boolean } };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: InstallEvent) => void): void;
};

// A new deploy takes over at once: readers must not keep an old worker for days.
void self.skipWaiting();
clientsClaim();
// Save-Data on: nothing is fetched ahead, beyond the offline page itself; pages and their
// stylesheets and scripts are kept as the reader opens them (the routes below store them).
// Workbox replaces this one mention of the manifest with the precache list at build time.
const manifest = self.__WB_MANIFEST;
precacheAndRoute(savesData(self.navigator) ? manifest.filter((entry) => !entry.url.startsWith('_astro/')) : manifest);
cleanupOutdatedCaches();

/** Only a complete page of this site is stored. */
const storeOnlyComplete: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && response.type === 'basic' ? response : null),
};

/** Always asks the server (revalidating the HTTP cache too), and forgets pages the server no longer has. */
const alwaysFresh: WorkboxPlugin = {
  requestWillFetch: async ({ request }) =>
    new Request(request.url, { cache: 'no-cache', credentials: 'same-origin', redirect: 'manual' }),
  fetchDidSucceed: async ({ request, response }) => {
    if (response.status === 404 || response.status === 410)
      await (await caches.open(CACHE_NAMES.pages)).delete(request.url);
    return response;
  },
};

/** Keeps at most `maxEntries` responses; Workbox's own typing clashes with exactOptionalPropertyTypes. */
const expireAfter = (maxEntries: number) => new ExpirationPlugin({ maxEntries }) as unknown as WorkboxPlugin;

const pages = new NetworkFirst({
  cacheName: CACHE_NAMES.pages,
  plugins: [storeOnlyComplete, alwaysFresh, expireAfter(CACHE_LIMITS.pages)],
});
const documents = new NetworkFirst({
  cacheName: CACHE_NAMES.documents,
  plugins: [storeOnlyComplete, expireAfter(CACHE_LIMITS.documents)],
});
// Built assets have content hashes in their names: a stored copy is never stale.
const assets = new CacheFirst({
  cacheName: CACHE_NAMES.assets,
  plugins: [storeOnlyComplete, expireAfter(CACHE_LIMITS.assets)],
});

const ownSite = (url: URL) => url.origin === self.location.origin && !isBypassed(url.pathname);
registerRoute(({ url }) => ownSite(url) && isDocument(url.pathname), documents);
registerRoute(({ url }) => ownSite(url) && url.pathname.startsWith('/_astro/'), assets);
registerRoute(({ request, url }) => ownSite(url) && request.mode === 'navigate', pages);

// A page never stored, while offline: the offline page, which lists what is stored.
setCatchHandler(async ({ request }) =>
  request.mode === 'navigate' ? ((await matchPrecache(OFFLINE_PAGE_FILE)) ?? Response.error()) : Response.error(),
);

/**
 * Stores this month's pages, and refreshes every page already stored, while the new worker installs.
 * With Save-Data on, only the pages already stored are refreshed.
 */
async function storePages(event: InstallEvent): Promise<void> {
  const listed = savesData(self.navigator)
    ? []
    : await fetch(routes.offlineList(), { cache: 'no-cache' })
        .then(async (response) => (response.ok ? ((await response.json()) as { pages: string[] }).pages : []))
        .catch(() => [] as string[]);
  const cache = await caches.open(CACHE_NAMES.pages);
  const stored = (await cache.keys()).map((request) => request.url);
  const urls = [...new Set([...listed.map((path) => new URL(path, self.location.origin).href), ...stored])];
  // One failed page must not stop the worker installing: the reader gets the rest.
  await Promise.allSettled(
    urls.map(
      (url) =>
        pages.handleAll({ event, request: new Request(url) } as unknown as Parameters<typeof pages.handleAll>[0])[1],
    ),
  );
}

self.addEventListener('install', (event) => event.waitUntil(storePages(event)));
