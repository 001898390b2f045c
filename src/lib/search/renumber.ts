/**
 * Puts the pages of a Pagefind 1.6 index in a given order. Pagefind numbers pages in the order it
 * reads them, and a folder (the fast way to give it pages) is read in the order the file system lists
 * it: on ext4 a hash of the names, seeded per disk. The index's bytes would then differ from one
 * machine to another, and similar pages would no longer sit side by side in the postings (the index
 * came out 0.8 % larger, a six-word first query 4 KB heavier). Renumbered in the site's path order,
 * the index is the one Pagefind writes when given the pages one by one in that order.
 *
 * A page number appears in pf_meta (the page list and each sort's order), in each filter file and in
 * every word's postings (src/lib/search/word-index.ts renumbers those while it rewrites them).
 * Pure: decoded values in, values out.
 */
import { asArray, asNumber, asString, type CborValue } from './cbor.ts';

/** pf_meta's fields, by position (Pagefind 1.6). */
export const META_VERSION = 0;
export const META_PAGES = 1;
export const META_CHUNKS = 2;
export const META_FILTERS = 3;
export const META_SORTS = 4;
export const META_FIELDS = 5;

/** The fragment hash of each page, by its current number (pf_meta's page list). */
export function metaPageHashes(meta: readonly CborValue[]): string[] {
  return asArray(meta[META_PAGES], 'page list').map((page) => asString(asArray(page, 'page')[0], 'page hash'));
}

/** The filter files pf_meta lists: filter name and file name (without folder and extension). */
export function metaFilters(meta: readonly CborValue[]): { filter: string; file: string }[] {
  return asArray(meta[META_FILTERS] ?? [], 'filter list').map((raw) => {
    const entry = asArray(raw, 'filter');
    return { filter: asString(entry[0], 'filter name'), file: asString(entry[1], 'filter file') };
  });
}

/**
 * The new number of each page (indexed by its current number): pages ordered by `rank`, pages the
 * ranking does not know after them in URL order.
 */
export function renumbering(urls: readonly string[], rank: (url: string) => number | undefined): number[] {
  const keyed = urls.map((url, page) => ({ page, url, rank: rank(url) ?? Number.POSITIVE_INFINITY }));
  if (new Set(urls).size !== urls.length) throw new Error('Pagefind index: two pages with one address');
  keyed.sort((a, b) => a.rank - b.rank || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const next = new Array<number>(urls.length);
  keyed.forEach((entry, position) => {
    next[entry.page] = position;
  });
  return next;
}

const renumbered = (next: readonly number[], page: CborValue | undefined): number => {
  const number = next[asNumber(page, 'page number')];
  if (number === undefined) throw new Error(`Pagefind index: no page ${String(page)}`);
  return number;
};

/**
 * pf_meta with its pages renumbered: the page list in the new order, each sort's list with the new
 * numbers. A sort lists pages by value; pages of equal value come in page order, so each run of
 * equal values (`sortValue(sort, page)` with the current number) is put in the new order.
 */
export function renumberMeta(
  meta: readonly CborValue[],
  next: readonly number[],
  sortValue: (sort: string, page: number) => string | undefined,
): CborValue[] {
  const copy = [...meta];
  const pages = asArray(meta[META_PAGES], 'page list');
  if (pages.length !== next.length) throw new Error('Pagefind index: the page list and the order differ in length');
  const ordered = new Array<CborValue>(pages.length);
  pages.forEach((page, number) => {
    ordered[renumbered(next, number)] = page;
  });
  copy[META_PAGES] = ordered;
  copy[META_SORTS] = asArray(meta[META_SORTS] ?? [], 'sort list').map((raw) => {
    const [name, list] = asArray(raw, 'sort');
    const sort = asString(name, 'sort name');
    const entries = asArray(list, 'sort pages').map((page) => {
      const value = sortValue(sort, asNumber(page, 'sort page'));
      if (value === undefined) throw new Error(`Pagefind index: no value of sort "${sort}" for page ${String(page)}`);
      return { value, page: renumbered(next, page) };
    });
    const out: number[] = [];
    for (let start = 0; start < entries.length;) {
      let end = start + 1;
      while (end < entries.length && entries[end]?.value === entries[start]?.value) end++;
      out.push(
        ...entries
          .slice(start, end)
          .map((entry) => entry.page)
          .sort((a, b) => a - b),
      );
      start = end;
    }
    return [sort, out];
  });
  return copy;
}

/** A filter file (`[name, [[value, [pages…]]…]]`) with its pages renumbered, each list ascending. */
export function renumberFilter(filter: CborValue, next: readonly number[]): CborValue {
  const [name, values] = asArray(filter, 'filter file');
  return [
    asString(name, 'filter name'),
    asArray(values, 'filter values').map((raw) => {
      const [value, pages] = asArray(raw, 'filter value');
      return [
        asString(value, 'filter value'),
        asArray(pages, 'filter pages')
          .map((page) => renumbered(next, page))
          .sort((a, b) => a - b),
      ];
    }),
  ];
}

/** pf_meta with new file names for its filters (`names`: old file name → new). */
export function renameFilters(meta: readonly CborValue[], names: ReadonlyMap<string, string>): CborValue[] {
  const copy = [...meta];
  copy[META_FILTERS] = metaFilters(meta).map(({ filter, file }) => {
    const renamed = names.get(file);
    if (!renamed) throw new Error(`Pagefind index: no new name for filter file ${file}`);
    return [filter, renamed];
  });
  return copy;
}
