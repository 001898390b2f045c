/**
 * One file for the search bundle's start-up files. Pagefind fetches its entry, pf_meta and wasm before
 * the first result: three or more requests, each a round trip on a weak 3G link. The pack carries them
 * as Pagefind wrote them (already gzip inside), so the search page downloads one file and hands each
 * to Pagefind from memory (src/scripts/search-pack.ts). The filter files, which grow with the archive
 * and serve only a reader who opens a filter, go in a second pack fetched then.
 *
 * Layout: "pfpack1\n", a 4-byte big-endian length, a JSON list of [path, byteLength], then the files'
 * bytes in that order. Pure: bytes in, bytes out.
 */

const MAGIC = new TextEncoder().encode('pfpack1\n');

/** Packs the files (path inside the bundle → bytes) into one. */
export function writePack(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const listing = new TextEncoder().encode(JSON.stringify([...files].map(([path, bytes]) => [path, bytes.length])));
  const total = [...files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  const out = new Uint8Array(MAGIC.length + 4 + listing.length + total);
  out.set(MAGIC);
  new DataView(out.buffer).setUint32(MAGIC.length, listing.length);
  out.set(listing, MAGIC.length + 4);
  let offset = MAGIC.length + 4 + listing.length;
  for (const bytes of files.values()) {
    out.set(bytes, offset);
    offset += bytes.length;
  }
  return out;
}

/** Reads a pack back into its files; throws on anything that is not a whole pack. */
export function readPack(pack: Uint8Array): Map<string, Uint8Array> {
  if (pack.length < MAGIC.length + 4 || !MAGIC.every((byte, i) => pack[i] === byte))
    throw new Error('Search pack: not a pack file');
  const view = new DataView(pack.buffer, pack.byteOffset, pack.byteLength);
  const listingLength = view.getUint32(MAGIC.length);
  let offset = MAGIC.length + 4 + listingLength;
  if (offset > pack.length) throw new Error('Search pack: truncated listing');
  const listing: unknown = JSON.parse(new TextDecoder().decode(pack.subarray(MAGIC.length + 4, offset)));
  if (!Array.isArray(listing)) throw new Error('Search pack: listing is not a list');
  const files = new Map<string, Uint8Array>();
  for (const item of listing) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !Number.isInteger(item[1]) || item[1] < 0)
      throw new Error('Search pack: bad listing entry');
    const length = item[1] as number;
    if (offset + length > pack.length) throw new Error(`Search pack: ${item[0]} is truncated`);
    files.set(item[0], pack.subarray(offset, offset + length));
    offset += length;
  }
  if (offset !== pack.length) throw new Error('Search pack: bytes after the last file');
  return files;
}

/** The part of pagefind-entry.json that names each language's files. */
export interface PagefindEntry {
  /**
   * The site's additions: `ranges`, the file holding the language's chunks end to end; `filters`, the
   * pack of its filter files.
   */
  languages: Record<
    string,
    { hash: string; wasm?: string | null; page_count?: number; ranges?: string; filters?: string }
  >;
}

/**
 * The bundle files worth packing for start: everything Pagefind fetches before it can show the first
 * result (the entry, each language's pf_meta and, unless `wasm` is false, its wasm). The filter files are not among them: the
 * search page loads them when a reader opens a filter (src/components/search-panel/search-panel.ts).
 */
export function startupFiles(
  entry: PagefindEntry,
  paths: Iterable<string>,
  options: { wasm?: boolean } = {},
): string[] {
  const wanted = new Set(['pagefind-entry.json']);
  for (const language of Object.values(entry.languages)) {
    wanted.add(`pagefind.${language.hash}.pf_meta`);
    // The older period's pack leaves it out: the page has it from the newest period's pack.
    if (options.wasm !== false) wanted.add(`wasm.${language.wasm ?? 'unknown'}.pagefind`);
  }
  const all = [...paths];
  for (const path of wanted) if (!all.includes(path)) throw new Error(`Search pack: the bundle has no ${path}`);
  // Sorted: the pack's bytes then depend on the files alone, not on the order Pagefind listed them.
  return all.filter((path) => wanted.has(path)).sort();
}

/** A language's filter files ("filter/vi_….pf_filter"), sorted: the second pack. */
export function filterFiles(language: string, paths: Iterable<string>): string[] {
  const prefix = `filter/${language}_`;
  return [...paths]
    .filter((path) => path.startsWith(prefix) && /^[\w-]+\.pf_filter$/.test(path.slice(prefix.length)))
    .sort();
}
