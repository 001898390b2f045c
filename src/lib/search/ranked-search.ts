/**
 * The site's search on top of a Pagefind instance: expands the query (src/lib/search/query.ts), asks
 * Pagefind for the pages holding all its words, then asks its exact-phrase search which of them hold
 * the words together and reorders (src/lib/search/rank.ts). The phrase searches reuse the word chunks
 * the first search loaded, so they cost no download. A query that finds nothing gets the queries that
 * drop one word, with their counts, for the page to suggest. Near-equal results of equal adjacency
 * go newest first, by Pagefind's own date sort of the same query (also from memory).
 * Imports only src/lib/search: it ships to the browser.
 */
import { expandQuery, withoutOneWord } from './query.ts';
import { adjacency, newerFirstAmongTies, rankByAdjacency, type PhraseHits } from './rank.ts';
import { closestSpelling } from './spelling.ts';
import { SEARCH_SORT } from './url.ts';

/** The part of a Pagefind result this module reads. */
export interface PagefindResult {
  id: string | number;
  score: number;
  /** Word positions of the match in the page. */
  words?: number[];
  data: () => Promise<{ excerpt?: string }>;
}

/** The part of a Pagefind response this module reads; the rest passes through. */
export interface PagefindResponse<R extends PagefindResult = PagefindResult> {
  results: R[];
}

/** What a Pagefind instance offers (its `search`, and `options` to ask for exact marks). */
export interface PagefindSearcher<R extends PagefindResult = PagefindResult> {
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponse<R> | null>;
  options?(options: Record<string, unknown>): Promise<void>;
}

// One search at a time per instance: the exact-marks searches switch an option of the instance, which
// would change the answer of any other search of it meanwhile. Instances (the two periods) run apart.
const queues = new WeakMap<object, Promise<unknown>>();
function queued<T>(pagefind: object, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(pagefind) ?? Promise.resolve()).then(task);
  queues.set(
    pagefind,
    run.catch(() => undefined),
  );
  return run;
}

/** A query that drops one word and what it finds. */
export interface DropSuggestion {
  dropped: string;
  text: string;
  count: number;
}

/** A phrase within the first words of a page's indexed text stands in its title (kind line, then h1). */
export const TITLE_WORDS = 24;

/** The response, with suggestions when nothing was found or a word is unknown. */
export type RankedResponse<R extends PagefindResult> = PagefindResponse<R> & {
  suggestions?: DropSuggestion[];
  /** The query with each unknown word replaced by the nearest indexed word ("dang vein" → "dang viên"). */
  spelling?: string;
  /** The query's words the index does not hold (Pagefind answered them with shorter prefixes). */
  unknown?: string[];
};

/** Runs the site's search with a Pagefind instance. */
export function rankedSearch<R extends PagefindResult>(
  pagefind: PagefindSearcher<R>,
  term: string | null,
  options: Record<string, unknown> = {},
): Promise<RankedResponse<R> | null> {
  return queued(pagefind, () => search(pagefind, term, options));
}

/** The pages holding each word typed with marks exactly as typed (Pagefind's exactDiacritics). */
async function exactPages<R extends PagefindResult>(
  pagefind: PagefindSearcher<R>,
  terms: readonly string[],
  options: Record<string, unknown>,
): Promise<Array<Set<string>>> {
  const marked = terms.filter((term) => foldWord(term) !== term.toLowerCase());
  if (marked.length === 0 || !pagefind.options) return [];
  await pagefind.options({ exactDiacritics: true });
  try {
    const sets: Array<Set<string>> = [];
    for (const term of marked)
      sets.push(new Set(((await pagefind.search(term, options))?.results ?? []).map((result) => String(result.id))));
    return sets;
  } finally {
    await pagefind.options({ exactDiacritics: false });
  }
}

/** The query Pagefind is asked for (the expanded one), or null when the site's ranking does not apply. */
function expanded(term: string | null, options: Record<string, unknown>): ReturnType<typeof expandQuery> | null {
  const sort = options['sort'];
  if (term === null || (sort && typeof sort === 'object' && Object.keys(sort).length > 0)) return null;
  const query = expandQuery(term);
  return query.text.length === 0 ? null : query;
}

/**
 * The one Pagefind search whose pages `rankedSearch` orders, alone: the same pages and filter counts,
 * unordered. The search page asks the older period for it to count a filter's values there too.
 */
export function unrankedSearch<R extends PagefindResult>(
  pagefind: PagefindSearcher<R>,
  term: string | null,
  options: Record<string, unknown> = {},
): Promise<PagefindResponse<R> | null> {
  return queued(pagefind, () => firstSearch(pagefind, term, options));
}

const firstSearch = <R extends PagefindResult>(
  pagefind: PagefindSearcher<R>,
  term: string | null,
  options: Record<string, unknown>,
) => pagefind.search(expanded(term, options)?.text ?? term, options);

async function search<R extends PagefindResult>(
  pagefind: PagefindSearcher<R>,
  term: string | null,
  options: Record<string, unknown>,
): Promise<RankedResponse<R> | null> {
  const query = expanded(term, options);
  // Already in the instance's queue: not unrankedSearch, which would wait behind this very search.
  const response = await firstSearch(pagefind, term, options);
  if (!query || !response) return response;

  const found = async (phrase: string) => (await pagefind.search(phrase, options))?.results ?? [];
  const ids = async (phrase: string) => new Set((await found(phrase)).map((result) => String(result.id)));
  const [wholeResults = [], ...rest] = await Promise.all(query.phrases.map(found));
  const whole = new Set(wholeResults.map((result) => String(result.id)));
  const titled = new Set(
    wholeResults
      .filter((result) => (result.words ?? []).some((position) => position < TITLE_WORDS))
      .map((result) => String(result.id)),
  );
  const restIds = rest.map((results) => new Set(results.map((result) => String(result.id))));
  // A two-word query's whole phrase is its one pair.
  const pairs = query.terms.length === 2 ? [whole] : restIds;
  // Pagefind silently ignores a word it does not know, or matches a shorter prefix of it: a word in
  // no found pair (or a lone word that finds nothing) may be one; so may every word of a phrase that
  // no page holds when hardly any page matches at all. Ask for each alone to be sure.
  const weak = query.terms.length > 1 && whole.size === 0 && response.results.length < WEAK_RESULTS;
  // A lone word is always asked about: its best page's highlights are on screen anyway.
  const suspects = query.terms.filter(
    (_, i) => query.terms.length === 1 || weak || [pairs[i - 1], pairs[i]].every((pages) => !pages || pages.size === 0),
  );
  const unknown: string[] = [];
  for (const term of suspects) if (!(await holdsWord(pagefind, term, options))) unknown.push(term);
  const spelling = unknown.length > 0 ? await nearestSpelling(pagefind, query.terms, unknown, options) : undefined;

  if (response.results.length === 0) {
    const suggestions: DropSuggestion[] = [];
    for (const candidate of withoutOneWord(query.terms)) {
      const found = await pagefind.search(candidate.text, options);
      const count = found?.results.length ?? 0;
      if (count > 0) suggestions.push({ ...candidate, count });
    }
    suggestions.sort((a, b) => b.count - a.count);
    return { ...response, suggestions, ...(spelling ? { spelling } : {}), ...(unknown.length > 0 ? { unknown } : {}) };
  }
  const exact = await exactPages(pagefind, query.terms, options);
  const known = unknown.length > 0 ? { unknown } : {};
  if (query.phrases.length === 0 && exact.length === 0)
    return { ...response, ...(spelling ? { spelling } : {}), ...known };

  // A page citing the document the query names ("Quy định 144" → 144-QĐ/TW) holds the query's sense.
  const cited = new Set(whole);
  for (const pages of await Promise.all(query.citations.map(ids))) for (const id of pages) cited.add(id);
  const hits: PhraseHits = { whole: cited, titled, pairs, exact };
  // Pagefind's newest-first order of the same pages, from memory: it breaks ties between months.
  const newest = await pagefind.search(query.text, { ...options, sort: { [SEARCH_SORT]: 'desc' } });
  const recency = new Map((newest?.results ?? []).map((result, index) => [String(result.id), index]));
  const items = response.results.map((result) => {
    const id = String(result.id);
    return { result, id, score: result.score, recency: recency.get(id) ?? Number.MAX_SAFE_INTEGER };
  });
  const ranked = rankByAdjacency(items, hits);
  const ordered = newerFirstAmongTies(
    ranked,
    ranked.map((item) => adjacency(item.id, hits)),
    (item) => titled.has(item.id),
  );
  return { ...response, results: ordered.map((item) => item.result), ...(spelling ? { spelling } : {}), ...known };
}

const foldWord = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** The words a result's excerpt highlights, without punctuation, lower case. */
async function markedWords(result: PagefindResult): Promise<string[]> {
  const excerpt = (await result.data()).excerpt ?? '';
  return [...excerpt.matchAll(/<mark>([^<]+)<\/mark>/g)].map((match) =>
    (match[1] ?? '').replace(/[^\p{L}\p{M}\p{N}]+/gu, '').toLowerCase(),
  );
}

/**
 * Whether the index holds the word (or a longer word it begins). Pagefind answers a word it lacks
 * with pages holding a shorter prefix of it ("lehc" finds "lệ"), so the best page's highlights decide.
 */
async function holdsWord<R extends PagefindResult>(
  pagefind: PagefindSearcher<R>,
  term: string,
  options: Record<string, unknown>,
): Promise<boolean> {
  const best = (await pagefind.search(term, options))?.results[0];
  if (!best) return false;
  return (await markedWords(best)).some((word) => foldWord(word).startsWith(foldWord(term)));
}

/** Fewer results than this, and no page with the whole phrase: the query may hold a mistyped word. */
const WEAK_RESULTS = 3;

/** How many of the best pages of a prefix search lend their highlighted words as spelling candidates. */
const SPELLING_PAGES = 5;

/**
 * The query with each unknown word replaced by the closest indexed word (src/lib/search/spelling.ts).
 * Candidates are the highlighted words of the best pages for shorter and shorter prefixes of the word
 * (Pagefind matches prefixes), so a swapped or extra letter near the end still finds its word.
 */
async function nearestSpelling<R extends PagefindResult>(
  pagefind: PagefindSearcher<R>,
  terms: readonly string[],
  unknown: readonly string[],
  options: Record<string, unknown>,
): Promise<string | undefined> {
  const replaced = [...terms];
  let changed = false;
  for (const word of unknown) {
    const letters = [...word];
    const candidates: string[] = [];
    for (let cut = 1; cut <= 3 && letters.length - cut >= 2; cut++) {
      const prefix = letters.slice(0, letters.length - cut).join('');
      const results = (await pagefind.search(prefix, options))?.results.slice(0, SPELLING_PAGES) ?? [];
      for (const result of results)
        for (const found of await markedWords(result))
          if (foldWord(found).startsWith(foldWord(prefix))) candidates.push(found);
    }
    const closest = closestSpelling(word, candidates);
    if (!closest) continue;
    replaced[terms.indexOf(word)] = closest;
    changed = true;
  }
  return changed ? replaced.join(' ') : undefined;
}
