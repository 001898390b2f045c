/**
 * The search page's state as it lives in the URL (`/tim-kiem/?q=dang+vien&loai=…&nam=2026&sap-xep=moi-nhat`),
 * so a search can be shared and reloaded. Imports nothing: it ships to the browser.
 */

/** Filter and sort names in the index (keys, never shown: the UI labels them from vi.ts). */
export const SEARCH_FILTERS = { kind: 'loai', year: 'nam' } as const;
export const SEARCH_SORT = 'ngay';

/**
 * Pagefind's ranking weights for this site (defaults 0.8, 1, title 5). A query typed with diacritics
 * ranks pages holding that exact spelling well above the rest ("đang" above "đảng", "Bác" above "bắc");
 * whole syllables beat longer ones they prefix ("dan" is not "dang"); and the title boost, which ignores
 * diacritics, no longer lifts every "Bác Hồ" title over pages that hold the exact word.
 */
export const SEARCH_RANKING = { diacriticSimilarity: 4, termSimilarity: 6, metaWeights: { title: 2 } } as const;

/** What the reader asked for: the query, the chosen filter values and the order. */
export interface SearchState {
  query: string;
  filters: Record<string, string[]>;
  newest: boolean;
}

const QUERY = 'q';
const SORT = 'sap-xep';
const NEWEST = 'moi-nhat';
const FILTER_PARAMS = Object.values(SEARCH_FILTERS);

/** Reads the state from a URL query string ("?q=…"); unknown parameters are ignored. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const name of FILTER_PARAMS) {
    const values = params.getAll(name).filter((value) => value.length > 0);
    if (values.length > 0) filters[name] = values;
  }
  return { query: (params.get(QUERY) ?? '').normalize('NFC'), filters, newest: params.get(SORT) === NEWEST };
}

/** Writes the state as a query string ("?q=dang+vien"), or "" when there is nothing to keep. */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const query = state.query.trim();
  if (query) params.set(QUERY, query);
  for (const name of FILTER_PARAMS) for (const value of state.filters[name] ?? []) params.append(name, value);
  if (state.newest) params.set(SORT, NEWEST);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The sort Pagefind receives: newest first, or its own relevance order. */
export function searchSort(newest: boolean): Record<string, 'asc' | 'desc'> {
  return newest ? { [SEARCH_SORT]: 'desc' } : {};
}
