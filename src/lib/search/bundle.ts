/** The files of the search bundle the search page loads, shared by the build and the page's script. */

/** The component UI and Pagefind's core, joined into one ES module (src/lib/search/scripts.ts). */
export const SEARCH_SCRIPT = 'pagefind-search.js';

/** Pagefind's start-up files in one download (src/lib/search/pack.ts). */
export const PACK_FILE = 'pagefind-pack.pf_pack';
