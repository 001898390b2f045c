/**
 * Serves Pagefind's start-up files from the search pack (src/lib/search/pack.ts): one download
 * instead of five or more round trips before the first result. Pagefind fetches with the page's
 * `fetch`, so answering those few URLs from memory needs no change to Pagefind itself; any other URL,
 * or any file when the pack cannot be had, goes to the network as before. Pagefind must run without
 * its worker (`no-worker`), whose requests this cannot see.
 */
import { readPack } from '../lib/search/pack.ts';
import { PACK_FILE } from '../lib/search/bundle.ts';

/** Answers Pagefind's requests for the files the pack holds; the pack is fetched on the first one. */
export function servePagefindPack(bundlePath: string): void {
  const bundle = new URL(bundlePath, location.href);
  const network = window.fetch.bind(window);
  let pack: Promise<Map<string, Uint8Array>> | undefined;
  // Only when Pagefind starts (a reader focuses search or opens a query): no download for a glance.
  const loadPack = () =>
    // Revalidated on every visit whatever the host's caching: its name stays while the chunks it names change.
    network(new URL(PACK_FILE, bundle), { cache: 'no-cache' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return readPack(new Uint8Array(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        console.warn(`Search pack unavailable (${reason}); Pagefind fetches its files one by one.`);
        return new Map<string, Uint8Array>();
      });

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input, location.href);
    if (url.origin === bundle.origin && url.pathname.startsWith(bundle.pathname)) {
      pack ??= loadPack();
      const bytes = (await pack).get(url.pathname.slice(bundle.pathname.length));
      // A copy: Pagefind may hand the buffer to the wasm, and the pack must stay whole for the next query.
      if (bytes) return new Response(bytes.slice());
    }
    return network(input, init);
  };
}
