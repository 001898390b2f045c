/**
 * Updates a kept search index with a few changed pages instead of indexing the whole period again.
 * Pagefind indexes each page on its own: a page's words, locations, filter values, sort value and
 * metadata fields do not depend on the other pages, and the build puts the pages in path order
 * (renumber.ts). So the index of a period is the union of its pages' parts, and a one-section edit
 * can take the unchanged pages' parts from the last build's index and only the changed pages' from
 * Pagefind. What Pagefind orders by a rule not reproduced here (the values of a filter, the list of
 * metadata fields, the sort of values other than ISO dates) must come out as in the kept index; when
 * it would not, `mergeIndex` says why and the build indexes the period whole.
 * Pure: decoded values in, values out.
 */
import { asArray, asNumber, asString, type CborValue } from './cbor.ts';
import { META_FIELDS, META_PAGES, META_SORTS, META_VERSION, renumbering } from './renumber.ts';
import { renumberWords, type PackedPage, type PackedWord } from './word-index.ts';

/** One language's index, decoded, its pages numbered in the bundle's order. */
export interface LanguageIndex {
  /** pf_meta, decoded; its filter list names the files in `filters` by the names Pagefind gave them. */
  meta: CborValue[];
  /** Each filter file, decoded (`[name, [[value, [pages…]]…]]`), in the order pf_meta lists them. */
  filters: CborValue[];
  /** The word index: every word's postings and spellings. */
  words: PackedWord[];
  /** The address of each page, by its number. */
  urls: string[];
  /** The metadata fields of each page (its fragment's `meta`), by its number. */
  fields: string[][];
}

/** What Pagefind would order otherwise than this module does: then the period is indexed whole. */
export class MergeRefused extends Error {}

/** A sort whose values this module orders as Pagefind does: ISO dates, compared as text. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The index of `kept`'s pages for which `stays(url)` holds, with `fresh`'s pages added (pages indexed
 * again because they changed, or new ones), numbered by `rank`; `sortValue` gives a page's value of a
 * sort. Throws MergeRefused when the result could differ from indexing every page afresh.
 */
export function mergeIndex(
  kept: LanguageIndex,
  fresh: LanguageIndex,
  stays: (url: string) => boolean,
  rank: (url: string) => number | undefined,
  sortValue: (sort: string, url: string) => string | undefined,
): LanguageIndex {
  if (kept.meta[META_VERSION] !== fresh.meta[META_VERSION]) throw new MergeRefused('another Pagefind version');
  if (kept.meta.length !== fresh.meta.length) throw new MergeRefused('another pf_meta layout');
  const keptPages = kept.urls.flatMap((url, page) => (stays(url) ? [page] : []));
  const urls = [...keptPages.map((page) => kept.urls[page] ?? ''), ...fresh.urls];
  if (urls.some((url) => rank(url) === undefined)) throw new MergeRefused('a page outside the period');
  const next = renumbering(urls, rank);
  const keptNext = new Array<number | undefined>(kept.urls.length);
  keptPages.forEach((page, i) => (keptNext[page] = next[i]));
  const freshNext = fresh.urls.map((_, i) => next[keptPages.length + i] as number);
  const count = urls.length;

  const pageList = new Array<CborValue>(count);
  const ordered = new Array<string>(count);
  const fields = new Array<string[]>(count);
  const place = (from: LanguageIndex, page: number, to: number) => {
    pageList[to] = asArray(from.meta[META_PAGES], 'page list')[page] ?? [];
    ordered[to] = from.urls[page] ?? '';
    fields[to] = from.fields[page] ?? [];
  };
  keptPages.forEach((page) => place(kept, page, keptNext[page] as number));
  fresh.urls.forEach((_, page) => place(fresh, page, freshNext[page] as number));
  // Fragments are named by a prefix of their hash, longer only on a clash Pagefind resolved among all pages.
  const names = pageList.map((entry) => asString(asArray(entry, 'page')[0], 'page hash'));
  const language = names[0]?.split('_')[0] ?? '';
  if (new Set(names).size !== names.length || names.some((name) => name.length !== language.length + 8)) {
    throw new MergeRefused('two fragments with one name');
  }

  const meta = [...kept.meta];
  meta[META_PAGES] = pageList;
  const keptFields = asArray(kept.meta[META_FIELDS] ?? [], 'metadata fields').map((field) => asString(field, 'field'));
  if (!sameSet(keptFields, fields.flat())) throw new MergeRefused('other metadata fields');
  meta[META_SORTS] = mergeSorts(kept, fresh, keptNext, freshNext, ordered, sortValue);
  const filters = mergeFilters(kept, fresh, keptNext, freshNext);
  // A word's locations in metadata name their field by its place in the index's field list.
  const freshFields = asArray(fresh.meta[META_FIELDS] ?? [], 'metadata fields').map((field) =>
    asString(field, 'field'),
  );
  const fieldPlace = freshFields.map((field) => keptFields.indexOf(field));
  const words = mergeWords(kept.words, withFields(fresh.words, fieldPlace), keptNext, freshNext, count);
  return { meta, filters, words, urls: ordered, fields };
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((item) => y.has(item));
};

/** Each sort's pages by value, then by number, as Pagefind lists them. */
function mergeSorts(
  kept: LanguageIndex,
  fresh: LanguageIndex,
  keptNext: readonly (number | undefined)[],
  freshNext: readonly number[],
  urls: readonly string[],
  sortValue: (sort: string, url: string) => string | undefined,
): CborValue[] {
  const lists = (index: LanguageIndex) =>
    new Map(
      asArray(index.meta[META_SORTS] ?? [], 'sort list').map((raw) => {
        const [name, pages] = asArray(raw, 'sort');
        return [asString(name, 'sort name'), asArray(pages, 'sort pages').map((page) => asNumber(page, 'sort page'))];
      }),
    );
  const keptLists = lists(kept);
  const freshLists = lists(fresh);
  if ([...freshLists.keys()].some((name) => !keptLists.has(name))) throw new MergeRefused('a new sort');
  // Each index's own list must already be in the order these values give: else a page carries a
  // value other than the one Pagefind read, and sorting by it here would differ.
  const inOrder = (name: string, pages: readonly number[], urls: readonly string[]) =>
    pages.every(
      (page, i) =>
        i === 0 || (sortValue(name, urls[pages[i - 1] ?? 0] ?? '') ?? '') <= (sortValue(name, urls[page] ?? '') ?? ''),
    );
  return [...keptLists].map(([name, pages]) => {
    const staying = pages.filter((page) => keptNext[page] !== undefined);
    if (!inOrder(name, staying, kept.urls) || !inOrder(name, freshLists.get(name) ?? [], fresh.urls)) {
      throw new MergeRefused(`sort "${name}" not in the order of its values`);
    }
    const members = [
      ...pages.flatMap((page) => (keptNext[page] === undefined ? [] : [keptNext[page] as number])),
      ...(freshLists.get(name) ?? []).map((page) => freshNext[page] as number),
    ];
    const valued = members.map((page) => ({ page, value: sortValue(name, urls[page] ?? '') ?? '' }));
    if (valued.some(({ value }) => !ISO_DATE.test(value))) throw new MergeRefused(`sort "${name}" not by date`);
    if (valued.length === 0) throw new MergeRefused(`sort "${name}" left without pages`);
    valued.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.page - b.page));
    return [name, valued.map(({ page }) => page)];
  });
}

/** Each filter file with the pages of both indexes; its values must stay the kept ones, in their order. */
function mergeFilters(
  kept: LanguageIndex,
  fresh: LanguageIndex,
  keptNext: readonly (number | undefined)[],
  freshNext: readonly number[],
): CborValue[] {
  const decode = (filter: CborValue) => {
    const [name, values] = asArray(filter, 'filter file');
    return {
      name: asString(name, 'filter name'),
      values: asArray(values, 'filter values').map((raw) => {
        const [value, pages] = asArray(raw, 'filter value');
        return {
          value: asString(value, 'filter value'),
          pages: asArray(pages, 'filter pages').map((page) => asNumber(page, 'filter page')),
        };
      }),
    };
  };
  const freshFilters = new Map(fresh.filters.map((filter) => decode(filter)).map((filter) => [filter.name, filter]));
  const keptFilters = kept.filters.map((filter) => decode(filter));
  if ([...freshFilters.keys()].some((name) => !keptFilters.some((filter) => filter.name === name))) {
    throw new MergeRefused('a new filter');
  }
  return keptFilters.map(({ name, values }) => {
    const added = new Map((freshFilters.get(name)?.values ?? []).map(({ value, pages }) => [value, pages]));
    if ([...added.keys()].some((value) => !values.some((entry) => entry.value === value))) {
      throw new MergeRefused(`a new value of filter "${name}"`);
    }
    return [
      name,
      values.map(({ value, pages }) => {
        const merged = [
          ...pages.flatMap((page) => (keptNext[page] === undefined ? [] : [keptNext[page] as number])),
          ...(added.get(value) ?? []).map((page) => freshNext[page] as number),
        ].sort((a, b) => a - b);
        if (merged.length === 0) throw new MergeRefused(`a value of filter "${name}" left without pages`);
        return [value, merged];
      }),
    ];
  });
}

/**
 * Words whose metadata locations name fields by their place in another field list (`place`: the
 * new place of each field, by its old one). Like weights in text locations, a negative number
 * (-1 - place) starts a field's run of deltas.
 */
function withFields(words: readonly PackedWord[], place: readonly number[]): PackedWord[] {
  const moved = (pages: readonly PackedPage[]) =>
    pages.map((entry) => ({
      ...entry,
      metaLocs: entry.metaLocs.map((loc) => {
        if (loc >= 0) return loc;
        const to = place[-loc - 1];
        if (to === undefined || to < 0) throw new MergeRefused('a metadata field the index does not list');
        return -to - 1;
      }),
    }));
  return words.map((word) => ({
    key: word.key,
    pages: moved(word.pages),
    variants: word.variants.map((variant) => ({ form: variant.form, pages: moved(variant.pages) })),
  }));
}

/** The words of both indexes, each posting under its page's new number, ordered as renumberWords orders them. */
function mergeWords(
  kept: readonly PackedWord[],
  fresh: readonly PackedWord[],
  keptNext: readonly (number | undefined)[],
  freshNext: readonly number[],
  count: number,
): PackedWord[] {
  const byKey = new Map<string, { key: string; pages: PackedPage[]; variants: Map<string, PackedPage[]> }>();
  const add = (words: readonly PackedWord[], next: (page: number) => number | undefined) => {
    const moved = (pages: readonly PackedPage[]) =>
      pages.flatMap((entry) => {
        const page = next(entry.page);
        return page === undefined ? [] : [{ ...entry, page }];
      });
    for (const word of words) {
      let merged = byKey.get(word.key);
      if (!merged) {
        merged = { key: word.key, pages: [], variants: new Map() };
        byKey.set(word.key, merged);
      }
      merged.pages.push(...moved(word.pages));
      for (const variant of word.variants) {
        const pages = moved(variant.pages);
        if (pages.length === 0) continue;
        merged.variants.set(variant.form, [...(merged.variants.get(variant.form) ?? []), ...pages]);
      }
    }
  };
  add(kept, (page) => keptNext[page]);
  add(fresh, (page) => freshNext[page]);
  const words = [...byKey.values()]
    .filter((word) => word.pages.length > 0 || word.variants.size > 0)
    .map((word) => ({
      key: word.key,
      pages: word.pages,
      variants: [...word.variants].map(([form, pages]) => ({ form, pages })),
    }));
  // Numbered already: renumbering in place sorts each list and the spellings as Pagefind would.
  return renumberWords(
    words,
    Array.from({ length: count }, (_, page) => page),
  );
}
