/** The files of the search bundle the search page loads, shared by the build and the page's script. */

/** The folder of the search bundle inside the built site. */
export const PAGEFIND_DIR = 'pagefind';

/** The component UI and Pagefind's core, joined into one ES module (src/lib/search/scripts.ts). */
export const SEARCH_SCRIPT = 'pagefind-search.js';

/** Pagefind's start-up files in one download (src/lib/search/pack.ts). */
export const PACK_FILE = 'pagefind-pack.pf_pack';

/** Each language's word chunks end to end, named `pagefind-index.<language>_<hash>.pf_pack` (src/lib/search/ranges.ts). */
export const RANGES_PREFIX = 'pagefind-index.';

/** Each language's filter files in one pack, named `pagefind-filters.<language>_<hash>.pf_pack` (src/lib/search/pack.ts). */
export const FILTERS_PREFIX = 'pagefind-filters.';

/**
 * The performance mark the search page sets once a query's first screen of results has drawn, before
 * it fetches the results further down: the benchmark counts the first query's bytes up to it.
 */
export const FIRST_SCREEN_MARK = 'search:first-screen';

/** How many screens below the visible one the search page draws results before the reader scrolls there. */
export const EAGER_SCREENS = 2;
