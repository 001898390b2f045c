/**
 * Serves Pagefind's start-up files from the search pack (src/lib/pagefind-pack.ts): one download
 * instead of five or more round trips before the first result. Pagefind fetches with the page's
 * `fetch`, so answering those few URLs from memory needs no change to Pagefind itself; any other URL,
 * or any file when the pack cannot be had, goes to the network as before. Pagefind must run without
 * its worker (`no-worker`), whose requests this cannot see.
 */
import { readPack } from '../lib/pagefind-pack.ts';
import { PACK_FILE } from '../lib/search-bundle.ts';

/** Starts downloading the pack and answers Pagefind's requests for the files it holds. */
export function servePagefindPack(bundlePath: string): void {
  const bundle = new URL(bundlePath, location.href);
  const network = window.fetch.bind(window);
  // Revalidated on every visit whatever the host's caching: its name stays while the chunks it names change.
  const pack: Promise<Map<string, Uint8Array>> = network(new URL(PACK_FILE, bundle), { cache: 'no-cache' })
    .then(async (response) => (response.ok ? readPack(new Uint8Array(await response.arrayBuffer())) : new Map()))
    .catch(() => new Map<string, Uint8Array>());

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input, location.href);
    if (url.origin === bundle.origin && url.pathname.startsWith(bundle.pathname)) {
      const bytes = (await pack).get(url.pathname.slice(bundle.pathname.length));
      // A copy: Pagefind may hand the buffer to the wasm, and the pack must stay whole for the next query.
      if (bytes) return new Response(bytes.slice());
    }
    return network(input, init);
  };
}
