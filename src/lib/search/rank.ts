/**
 * The order of search results: pages holding the query as a phrase first, then pages holding more of
 * its neighbouring syllable pairs, then Pagefind's own score (which ranks exact marks and titles).
 * Vietnamese words are several syllables, each ambiguous without marks ("mo" is mô, mở, mộ), so a page
 * saying "nhân rộng những mô hình" must beat one that merely holds "nhận", "mở" and "tình hình".
 * Imports nothing: it ships to the browser.
 */

/** Which pages hold the phrase queries of an expanded query (src/lib/search/query.ts). */
export interface PhraseHits {
  /** Pages holding the whole query as a phrase. */
  whole: ReadonlySet<string>;
  /** For each neighbouring pair, the pages holding it. */
  pairs: ReadonlyArray<ReadonlySet<string>>;
}

/** How strongly a page holds the query's syllables together: higher ranks first. */
export function adjacency(id: string, hits: PhraseHits): number {
  const pairs = hits.pairs.reduce((count, pages) => count + (pages.has(id) ? 1 : 0), 0);
  // The whole phrase outweighs any number of pairs.
  return (hits.whole.has(id) ? hits.pairs.length + 1 : 0) + pairs;
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

/**
 * Within a run of results of equal adjacency whose scores differ by less than `tolerance` (relative),
 * the newer first: the same template of every month ("biên bản", "kế hoạch") scores alike, and the
 * reader wants this month's. `weights[i]` is the adjacency of `results[i]`.
 */
export function newerFirstAmongTies<T extends Dated>(
  results: readonly T[],
  weights: readonly number[],
  tolerance = 0.15,
): T[] {
  const out = [...results];
  let start = 0;
  while (start < out.length) {
    const head = out[start];
    let end = start + 1;
    while (
      head &&
      end < out.length &&
      weights[end] === weights[start] &&
      Math.abs((out[end]?.score ?? 0) - head.score) <= tolerance * Math.abs(head.score)
    )
      end++;
    const run = out.slice(start, end).sort((a, b) => a.recency - b.recency);
    out.splice(start, run.length, ...run);
    start = end;
  }
  return out;
}
