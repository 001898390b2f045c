/**
 * Rewrites Pagefind 1.6's word index so Vietnamese readers find what they type.
 * Pagefind strips combining marks (so "sinh hoat" finds "sinh hoạt") but keeps đ, which Unicode does
 * not decompose: "dang" would never reach "đảng". Here each đ-word's postings are also filed under its
 * d-spelling, keeping the original form as a diacritic variant, so exact-diacritic ranking still works
 * and the text readers see (stored in the fragments) is untouched. Variants in one tone-mark placement
 * ("hoá") are also filed under the other ("hóa"), so both spellings rank as exact matches.
 *
 * Pure: bytes in, bytes out. The caller decompresses, hashes and writes the files.
 */
import { asArray, asNumber, asString, CborWriter, decodeCbor, encodeCbor, type CborValue } from './cbor.ts';
import { alternateTonePlacement, foldStroke, hasStroke } from './folding.ts';
import { META_CHUNKS } from './renumber.ts';

/** The locations of one word on one page, in Pagefind's packed form (weight markers and deltas). */
export interface PackedPage {
  page: number;
  locs: number[];
  metaLocs: number[];
}

/** A spelling of a word with diacritics ("đảng" under the key "đang"). */
export interface PackedVariant {
  form: string;
  pages: PackedPage[];
}

/** One entry of the word index: the mark-stripped key, its plain postings and its variants. */
export interface PackedWord {
  key: string;
  pages: PackedPage[];
  variants: PackedVariant[];
}

/** One index chunk as pf_meta lists it. */
export interface ChunkBounds {
  from: string;
  to: string;
}

function decodePages(value: CborValue | undefined): PackedPage[] {
  let page = 0;
  return asArray(value, 'pages').map((raw) => {
    const entry = asArray(raw, 'page');
    page += asNumber(entry[0], 'page number');
    const locs = asArray(entry[1], 'locations').map((loc) => asNumber(loc, 'location'));
    const metaLocs =
      entry.length > 2 ? asArray(entry[2], 'meta locations').map((loc) => asNumber(loc, 'meta location')) : [];
    return { page, locs, metaLocs };
  });
}

/** Writes a postings list as Pagefind does: `[delta, [locations…], [meta locations…]]` per page. */
function writePages(out: CborWriter, pages: readonly PackedPage[]): void {
  out.array(pages.length);
  let last = 0;
  for (const entry of pages) {
    out.array(3).number(entry.page - last);
    last = entry.page;
    out.array(entry.locs.length);
    for (const loc of entry.locs) out.number(loc);
    out.array(entry.metaLocs.length);
    for (const loc of entry.metaLocs) out.number(loc);
  }
}

/** Words with their postings' pages renumbered (`next`: new number by current one), each list in page order. */
export function renumberWords(words: readonly PackedWord[], next: readonly number[]): PackedWord[] {
  const pages = (list: readonly PackedPage[]) =>
    list
      .map((entry) => {
        const page = next[entry.page];
        if (page === undefined) throw new Error(`Pagefind index: no page ${entry.page}`);
        return { ...entry, page };
      })
      .sort((a, b) => a.page - b.page);
  // Pagefind lists a word's spellings by the first page it met them on; of one page, those in its
  // text before those only in its metadata (a title), each group in UTF-8 order. Met in the new
  // page order, they are listed again that way.
  const firstPage = (list: readonly PackedPage[]) => list[0]?.page ?? Number.POSITIVE_INFINITY;
  const onlyMeta = (list: readonly PackedPage[]) => (list[0]?.locs.length === 0 ? 1 : 0);
  return words.map((word) => ({
    key: word.key,
    pages: pages(word.pages),
    variants: word.variants
      .map((variant) => ({ form: variant.form, pages: pages(variant.pages) }))
      .sort(
        (a, b) =>
          firstPage(a.pages) - firstPage(b.pages) ||
          onlyMeta(a.pages) - onlyMeta(b.pages) ||
          compareUtf8(a.form, b.form),
      ),
  }));
}

/** Decodes a word chunk (the CBOR after the "pagefind_dcd" signature) with absolute page numbers. */
export function decodeWordChunk(bytes: Uint8Array): PackedWord[] {
  const root = asArray(decodeCbor(bytes), 'chunk');
  return asArray(root[0], 'words').map((raw) => {
    const entry = asArray(raw, 'word');
    return {
      key: asString(entry[0], 'word key'),
      pages: decodePages(entry[1]),
      variants: asArray(entry[2] ?? [], 'variants').map((variant) => {
        const parts = asArray(variant, 'variant');
        return { form: asString(parts[0], 'variant form'), pages: decodePages(parts[1]) };
      }),
    };
  });
}

/** Encodes words as a chunk, delta-encoding page numbers as Pagefind does. */
export function encodeWordChunk(words: readonly PackedWord[]): Uint8Array {
  // Written straight to bytes: the older period's words at 600 months are 16 MB of CBOR.
  const out = new CborWriter().array(1).array(words.length);
  for (const word of words) {
    out.array(3).string(word.key);
    writePages(out, word.pages);
    out.array(word.variants.length);
    for (const variant of word.variants) {
      out.array(2).string(variant.form);
      writePages(out, variant.pages);
    }
  }
  return out.bytes();
}

/** Unpacks weighted locations: negative numbers set the weight, the rest are deltas. */
export function unpackLocations(locs: readonly number[]): Array<{ weight: number; position: number }> {
  const result: Array<{ weight: number; position: number }> = [];
  let weight = 25;
  let last = 0;
  for (const loc of locs) {
    if (loc < 0) {
      weight = -loc - 1;
      last = 0;
    } else {
      last += loc;
      result.push({ weight, position: last });
    }
  }
  return result;
}

/** Packs weighted locations the way Pagefind's indexer does (common weight first, then deltas). */
export function packLocations(positions: ReadonlyArray<{ weight: number; position: number }>): number[] {
  const sorted = [...positions].sort(
    (a, b) => (a.weight === 25 ? 0 : a.weight) - (b.weight === 25 ? 0 : b.weight) || a.position - b.position,
  );
  const out: number[] = [];
  let current = 25;
  let last = 0;
  for (const { weight, position } of sorted) {
    if (weight !== current) {
      out.push(-weight - 1, position);
      current = weight;
    } else {
      out.push(position - last);
    }
    last = position;
  }
  return out;
}

/** Merges two postings lists of one word: a page in both keeps the union of its locations. */
export function mergePages(a: readonly PackedPage[], b: readonly PackedPage[]): PackedPage[] {
  const byPage = new Map<number, PackedPage>();
  for (const entry of [...a, ...b]) {
    const seen = byPage.get(entry.page);
    if (!seen) {
      byPage.set(entry.page, { page: entry.page, locs: [...entry.locs], metaLocs: [...entry.metaLocs] });
      continue;
    }
    const positions = new Map<number, number>();
    for (const { weight, position } of [...unpackLocations(seen.locs), ...unpackLocations(entry.locs)]) {
      positions.set(position, Math.max(weight, positions.get(position) ?? 0));
    }
    seen.locs = packLocations([...positions].map(([position, weight]) => ({ weight, position })));
    // Meta locations of the same word on the same page are identical in every spelling we merge.
    if (seen.metaLocs.length === 0) seen.metaLocs = [...entry.metaLocs];
  }
  return [...byPage.values()].sort((x, y) => x.page - y.page);
}

function addVariant(word: PackedWord, form: string, pages: readonly PackedPage[]): void {
  if (form === word.key) {
    word.pages = mergePages(word.pages, pages);
    return;
  }
  const existing = word.variants.find((variant) => variant.form === form);
  if (existing) existing.pages = mergePages(existing.pages, pages);
  else word.variants.push({ form, pages: mergePages([], pages) });
}

/**
 * Adds the Vietnamese spellings Pagefind misses: every variant also under its other tone-mark
 * placement, and every đ-word also under its d-key (keeping the đ form as the variant).
 */
export function foldIndexWords(words: readonly PackedWord[]): PackedWord[] {
  const byKey = new Map<string, PackedWord>();
  // In key order, whatever order the words came in: two đ-keys folding to one d-key add their
  // spellings in this order (Pagefind hands its chunks over in no set order, a merge in another).
  for (const word of [...words].sort((a, b) => compareUtf8(a.key, b.key))) {
    byKey.set(word.key, {
      key: word.key,
      pages: word.pages.map((page) => ({ ...page })),
      variants: word.variants.map((variant) => ({
        form: variant.form,
        pages: variant.pages.map((page) => ({ ...page })),
      })),
    });
  }

  for (const word of byKey.values()) {
    for (const variant of [...word.variants]) {
      const other = alternateTonePlacement(variant.form);
      if (other) addVariant(word, other, variant.pages);
    }
  }

  for (const word of [...byKey.values()]) {
    if (!hasStroke(word.key)) continue;
    const foldedKey = foldStroke(word.key);
    let target = byKey.get(foldedKey);
    if (!target) {
      target = { key: foldedKey, pages: [], variants: [] };
      byKey.set(foldedKey, target);
    }
    if (word.pages.length > 0) addVariant(target, word.key, word.pages);
    for (const variant of word.variants) addVariant(target, variant.form, variant.pages);
  }

  return [...byKey.values()].sort((a, b) => compareUtf8(a.key, b.key));
}

const utf8 = new TextEncoder();

/** Byte-wise UTF-8 order, the order Rust's String comparison (and so Pagefind's search) uses. */
export function compareUtf8(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return x.length - y.length;
}

/** Splits sorted words into chunks by posting count, as Pagefind's indexer does. */
export function chunkWords(words: readonly PackedWord[], chunkSize: number): PackedWord[][] {
  const chunks: PackedWord[][] = [];
  let current: PackedWord[] = [];
  let size = 0;
  for (const word of words) {
    const pages = [...word.pages, ...word.variants.flatMap((variant) => variant.pages)];
    size += pages.reduce((sum, page) => sum + page.locs.length + page.metaLocs.length + 1, 0) + word.variants.length;
    current.push(word);
    if (size >= chunkSize) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The shortest distinguishing prefixes of two neighbouring words, as Pagefind trims chunk bounds. */
function prefixes(a: string, b: string): [string, string] {
  const left = [...a];
  const right = [...b];
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common++;
  return [left.slice(0, common + 1).join(''), right.slice(0, common + 1).join('')];
}

/** The from/to bounds pf_meta records for each chunk. */
export function chunkBounds(chunks: readonly PackedWord[][]): ChunkBounds[] {
  const bounds = chunks.map((chunk) => ({ from: chunk[0]?.key ?? '', to: chunk.at(-1)?.key ?? '' }));
  for (let i = 0; i + 1 < bounds.length; i++) {
    const here = bounds[i];
    const next = bounds[i + 1];
    if (!here || !next) continue;
    const [to, from] = prefixes(here.to, next.from);
    if (compareUtf8(to, here.from) >= 0) here.to = to;
    next.from = from;
  }
  return bounds;
}

/** The files of a rewritten language index: new word chunks and the pf_meta that points at them. */
export interface RewrittenIndex {
  /** Chunk name (without extension) → CBOR bytes. */
  chunks: Map<string, Uint8Array>;
  meta: { name: string; bytes: Uint8Array };
  words: number;
}

/**
 * Rewrites one language's word index: decodes every chunk, adds the Vietnamese spellings, re-chunks
 * and returns the new chunk files with a pf_meta listing them. `hash` names a file from its bytes.
 */
export function rewriteWordIndex(options: {
  language: string;
  meta: Uint8Array;
  chunks: readonly Uint8Array[];
  chunkSize: number;
  hash: (bytes: Uint8Array) => string;
  /** Add the Vietnamese spellings (default); false only re-chunks, for comparisons. */
  fold?: boolean;
  /** The new number of each page, by its current one (src/lib/search/renumber.ts); none keeps Pagefind's. */
  renumber?: readonly number[];
}): RewrittenIndex {
  const read = options.chunks.flatMap((chunk) => decodeWordChunk(chunk));
  return writeWordIndex({
    ...options,
    meta: asArray(decodeCbor(options.meta), 'pf_meta'),
    words: options.renumber ? renumberWords(read, options.renumber) : read,
  });
}

/**
 * Writes one language's word index from decoded words (in their final page numbers): adds the
 * Vietnamese spellings unless `fold` is false, chunks them and returns the chunk files with the
 * pf_meta (`meta`, decoded) listing them.
 */
export function writeWordIndex(options: {
  language: string;
  meta: readonly CborValue[];
  words: readonly PackedWord[];
  chunkSize: number;
  hash: (bytes: Uint8Array) => string;
  fold?: boolean;
}): RewrittenIndex {
  const meta = [...options.meta];
  const words =
    options.fold === false
      ? [...options.words].sort((a, b) => compareUtf8(a.key, b.key))
      : foldIndexWords(options.words);
  const chunks = chunkWords(words, options.chunkSize);
  const bounds = chunkBounds(chunks);
  const files = new Map<string, Uint8Array>();
  const listed: CborValue[] = chunks.map((chunk, i) => {
    const bytes = encodeWordChunk(chunk);
    const full = `${options.language}_${options.hash(bytes)}`;
    let length = options.language.length + 8;
    while (files.has(full.slice(0, length)) && length < full.length) length++;
    const name = full.slice(0, length);
    files.set(name, bytes);
    const bound = bounds[i] ?? { from: '', to: '' };
    return [bound.from, bound.to, name];
  });
  meta[META_CHUNKS] = listed;
  const metaBytes = encodeCbor(meta);
  const metaName = `${options.language}_${options.hash(metaBytes).slice(0, options.language.length + 8)}`;
  return { chunks: files, meta: { name: metaName, bytes: metaBytes }, words: words.length };
}

/** A pf_meta whose chunk list names the chunks by their new names (src/lib/search/ranges.ts). */
export function renameChunks(meta: Uint8Array, names: ReadonlyMap<string, string>): Uint8Array {
  const root = asArray(decodeCbor(meta), 'pf_meta');
  root[2] = asArray(root[2], 'chunk list').map((raw) => {
    const chunk = asArray(raw, 'chunk');
    const name = asString(chunk[2], 'chunk name');
    const renamed = names.get(name);
    if (!renamed) throw new Error(`Pagefind index: no new name for chunk ${name}`);
    return [chunk[0] ?? '', chunk[1] ?? '', renamed];
  });
  return encodeCbor(root);
}
