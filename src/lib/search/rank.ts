/**
 * The order of search results: pages holding the query as a phrase first, then pages holding more of
 * its neighbouring syllable pairs, then Pagefind's own score (which ranks exact marks and titles).
 * Words typed with marks rank the pages holding them as typed first among equals. Among near-equals, the newer first: widely among pages titled alike (the same section of every
 * month), narrowly otherwise.
 * Vietnamese words are several syllables, each ambiguous without marks ("mo" is mô, mở, mộ), so a page
 * saying "nhân rộng những mô hình" must beat one that merely holds "nhận", "mở" and "tình hình".
 * Imports nothing: it ships to the browser.
 */

/** Which pages hold the phrase queries of an expanded query (src/lib/search/query.ts). */
export interface PhraseHits {
  /** Pages holding the whole query as a phrase. */
  whole: ReadonlySet<string>;
  /** Pages holding it in their first words, their title (the body opens with the kind and the title): for ties. */
  titled: ReadonlySet<string>;
  /** For each neighbouring pair, the pages holding it. */
  pairs: ReadonlyArray<ReadonlySet<string>>;
  /** For each word typed with marks, the pages holding it exactly as typed. */
  exact?: ReadonlyArray<ReadonlySet<string>>;
}

/** How strongly a page holds the query's syllables together: higher ranks first. */
export function adjacency(id: string, hits: PhraseHits): number {
  const pairs = hits.pairs.reduce((count, pages) => count + (pages.has(id) ? 1 : 0), 0);
  // The whole phrase outweighs any number of pairs; among equals, more words with the marks as typed.
  const exact = (hits.exact ?? []).reduce((count, pages) => count + (pages.has(id) ? 1 : 0), 0);
  const adjacent = (hits.whole.has(id) ? hits.pairs.length + 1 : 0) + pairs;
  return adjacent * ((hits.exact?.length ?? 0) + 1) + exact;
}

/**
 * Reorders results (already in Pagefind's score order) by adjacency; equal adjacency keeps Pagefind's
 * order. Pure and stable.
 */
export function rankByAdjacency<T extends { id: string }>(results: readonly T[], hits: PhraseHits): T[] {
  return results
    .map((result, index) => ({ result, index, weight: adjacency(result.id, hits) }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((item) => item.result);
}

/** A result with its place in the newest-first order of the same query (0 = newest). */
export interface Dated {
  score: number;
  recency: number;
}

/** How far apart two scores may be and still count as a tie broken by date (relative). */
export const TIE = { titled: 0.3, other: 0.05 } as const;

/**
 * Within a run of results of equal adjacency whose scores differ by less than the tolerance (relative),
 * the newer first: the same section of every month ("biên bản", "kế hoạch", a recurring title) scores
 * alike, and the reader wants this month's. `weights[i]` is the adjacency of `results[i]`; `titled`
 * says whether a result's title holds the query, which widens the tolerance (TIE).
 */
export function newerFirstAmongTies<T extends Dated>(
  results: readonly T[],
  weights: readonly number[],
  titled: (result: T) => boolean = () => false,
): T[] {
  const out = [...results];
  // Pages titled alike: within each adjacency, those scoring within TIE.titled of the best of them
  // trade places newest first; the pages between them keep theirs.
  for (const weight of new Set(weights)) {
    const places = out.flatMap((result, i) => (weights[i] === weight && titled(result) ? [i] : []));
    const best = Math.max(...places.map((i) => out[i]?.score ?? 0));
    const close = places.filter((i) => (out[i]?.score ?? 0) >= (1 - TIE.titled) * best);
    const newest = close.map((i) => out[i] as T).sort((a, b) => a.recency - b.recency);
    close.forEach((place, k) => (out[place] = newest[k] as T));
  }
  let start = 0;
  while (start < out.length) {
    const head = out[start];
    let end = start + 1;
    while (
      head &&
      !titled(head) &&
      end < out.length &&
      weights[end] === weights[start] &&
      !titled(out[end] as T) &&
      Math.abs((out[end]?.score ?? 0) - head.score) <= TIE.other * Math.abs(head.score)
    )
      end++;
    const run = out.slice(start, end).sort((a, b) => a.recency - b.recency);
    out.splice(start, run.length, ...run);
    start = end;
  }
  return out;
}
