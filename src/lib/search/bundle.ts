/** The files of the search bundle the search page loads, shared by the build and the page's script. */

/** The component UI and Pagefind's core, joined into one ES module (src/lib/search/scripts.ts). */
export const SEARCH_SCRIPT = 'pagefind-search.js';

/** Pagefind's start-up files in one download (src/lib/search/pack.ts). */
export const PACK_FILE = 'pagefind-pack.pf_pack';

/** Each language's word chunks end to end, named `pagefind-index.<language>_<hash>.pf_pack` (src/lib/search/ranges.ts). */
export const RANGES_PREFIX = 'pagefind-index.';
