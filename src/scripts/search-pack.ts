/**
 * Serves Pagefind's start-up files from the search pack (src/lib/search/pack.ts): one download
 * instead of three or more round trips before the first result, and its filter files from the filter
 * pack, one download when a reader first opens a filter. Pagefind fetches with the page's
 * `fetch`, so answering those few URLs from memory needs no change to Pagefind itself; any other URL,
 * or any file when the pack cannot be had, goes to the network as before. Pagefind must run without
 * its worker (`no-worker`), whose requests this cannot see.
 * The word chunks a query needs, which Pagefind asks for all at once, are fetched together with one
 * multi-range request on the language's range file (src/lib/search/ranges.ts); a host that does not
 * answer with the ranges gets the chunk files one by one.
 */
import { readPack, type PagefindEntry } from '../lib/search/pack.ts';
import { PACK_FILE } from '../lib/search/bundle.ts';
import { parseByteRanges, parseRangeName, rangeHeader } from '../lib/search/ranges.ts';

/** What servePagefindPack gives back. */
export interface PackServer {
  /** The bundle's entry (pagefind-entry.json), once the pack is read. */
  entry: () => Promise<unknown>;
  /** A file of the pack, by its path in the bundle. */
  file: (path: string) => Promise<Uint8Array | undefined>;
  /** The page's fetch as it was before any pack server was installed. */
  network: typeof fetch;
}

/** A chunk Pagefind asked for, waiting for the next multi-range request. */
interface PendingChunk {
  file: string;
  offset: number;
  length: number;
  resolve: (bytes: Uint8Array | undefined) => void;
}

/**
 * Answers Pagefind's requests for the files the pack holds; the pack is fetched on the first one.
 * Returns the bundle's entry (pagefind-entry.json), read from the pack once Pagefind has asked for it.
 */
export function servePagefindPack(
  bundlePath: string,
  /**
   * Another bundle's server, asked for a wasm file this pack lacks (the older period shares the
   * newest's); its `network` is the page's own fetch, from before either server was installed.
   */
  shared?: Pick<PackServer, 'file' | 'network'>,
  /**
   * Called when a file of the bundle could not be fetched at all (a dropped connection): Pagefind then
   * answers with fewer results, or none, and says nothing of why.
   */
  onNetworkError: () => void = () => {},
): PackServer {
  const bundle = new URL(bundlePath, location.href);
  // Any other URL goes on to the fetch installed before this one (another pack server's, perhaps).
  const passOn = window.fetch.bind(window);
  // This bundle's own requests use the page's fetch, not another server's: that one would take
  // their failures, even those with a fallback here, for lost files.
  const network = shared?.network ?? passOn;
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

  /** Each language's range file or filter pack, from the entry in the pack. */
  const languageFiles = async (kind: 'ranges' | 'filters'): Promise<Record<string, string>> => {
    const entry = (await (pack ??= loadPack())).get('pagefind-entry.json');
    if (!entry) return {};
    const parsed = JSON.parse(new TextDecoder().decode(entry)) as PagefindEntry;
    return Object.fromEntries(
      Object.entries(parsed.languages).flatMap(([language, info]) => {
        const file = info[kind];
        return file ? [[language, file]] : [];
      }),
    );
  };
  const rangeFiles = () => languageFiles('ranges');

  // A language's filter files come in one pack, fetched when Pagefind first asks for one of them: a
  // reader opened a filter, or the URL carries one. Its name changes with its bytes: cached as any file.
  const filterPacks = new Map<string, Promise<Map<string, Uint8Array>>>();
  const fromFilterPack = async (path: string): Promise<Uint8Array | undefined> => {
    const language = /^filter\/([^_/]+)_[^/]+\.pf_filter$/.exec(path)?.[1];
    if (!language) return undefined;
    let files = filterPacks.get(language);
    if (!files) {
      // Stored before any await: Pagefind asks for every filter file at once, and one download serves all.
      files = languageFiles('filters').then((found) => {
        const file = found[language];
        if (!file) return new Map<string, Uint8Array>();
        return network(new URL(file, bundle))
          .then(async (response) => {
            if (!response.ok) throw new Error(`${response.status}`);
            return readPack(new Uint8Array(await response.arrayBuffer()));
          })
          .catch(() => new Map<string, Uint8Array>());
      });
      filterPacks.set(language, files);
    }
    return (await files).get(path);
  };

  let pending: PendingChunk[] = [];
  let rangesWork = true;
  /** Sends one multi-range request per range file for the chunks asked for in the same turn. */
  const flush = () => {
    const batch = pending;
    pending = [];
    for (const file of new Set(batch.map((chunk) => chunk.file))) {
      const chunks = batch.filter((chunk) => chunk.file === file);
      fetchRanges(file, chunks).then(
        (found) => chunks.forEach((chunk) => chunk.resolve(found.get(chunk.offset))),
        () => {
          rangesWork = false;
          chunks.forEach((chunk) => chunk.resolve(undefined));
        },
      );
    }
  };
  const fetchRanges = async (file: string, chunks: PendingChunk[]): Promise<Map<number, Uint8Array>> => {
    const abort = new AbortController();
    const response = await network(new URL(file, bundle), {
      headers: { Range: rangeHeader(chunks) },
      signal: abort.signal,
    });
    // A host that ignores Range sends the whole file: stop it and fetch the chunk files instead.
    if (response.status !== 206) {
      abort.abort();
      throw new Error(`${response.status}`);
    }
    const body = new Uint8Array(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    const boundary = /boundary=("?)([^";]+)\1/i.exec(type)?.[2];
    if (!boundary) {
      const first = Number(/bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1]);
      return new Map([[first, body]]);
    }
    return new Map(parseByteRanges(body, boundary).map((part) => [part.offset, part.bytes]));
  };
  const fromRanges = async (path: string): Promise<Uint8Array | undefined> => {
    const name = /^index\/(([^_/]+)_[^/]+)\.pf_index$/.exec(path);
    const range = name ? parseRangeName(name[1] ?? '') : undefined;
    if (!name || !range || !rangesWork) return undefined;
    const file = (await rangeFiles())[name[2] ?? ''];
    if (!file) return undefined;
    return new Promise((resolve) => {
      if (pending.length === 0) setTimeout(flush, 0);
      pending.push({ file, ...range, resolve });
    });
  };

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input, location.href);
    if (url.origin === bundle.origin && url.pathname.startsWith(bundle.pathname)) {
      pack ??= loadPack();
      const path = url.pathname.slice(bundle.pathname.length);
      const bytes =
        (await pack).get(path) ??
        (await fromRanges(path)) ??
        (await fromFilterPack(path)) ??
        (shared && /^wasm\.[\w-]+\.pagefind$/.test(path) ? await shared.file(path) : undefined);
      // A copy: Pagefind may hand the buffer to the wasm, and the pack must stay whole for the next query.
      if (bytes) return new Response(bytes.slice());
      return network(input, init).catch((error: unknown) => {
        // A request its caller aborted, or one cut by leaving the page, is no failure of the connection.
        if (!init?.signal?.aborted && document.visibilityState !== 'hidden') onNetworkError();
        throw error;
      });
    }
    return passOn(input, init);
  };
  return {
    network,
    file: async (path) => (await (pack ??= loadPack())).get(path),
    entry: async () => {
      const bytes = (await (pack ??= loadPack())).get('pagefind-entry.json');
      return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as unknown) : undefined;
    },
  };
}
