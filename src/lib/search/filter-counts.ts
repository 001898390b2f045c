/**
 * What the search page's filters ask Pagefind, and the counts they show beside each value.
 *
 * A page has one kind and one year, so two values of one filter can only mean "either": Pagefind
 * would require both (no page), so each filter's values are asked as `any`, the filters together
 * as all. Pagefind counts each value within the current filters, so a chosen year would leave every
 * other year at 0 and the dropdown would hide them: a chosen filter's values are counted by a search
 * without that filter (how many pages choosing the value as well would add), the other filters' by
 * the search itself. Both periods' counts are then added.
 * Pure: selections and counts in, selections and counts out. Imports nothing: it ships to the browser.
 */

/** Pagefind's count of pages for each value of each filter (`{ nam: { '2024': 12 } }`). */
export type FilterCounts = Record<string, Record<string, number>>;

/** The values a reader chose, by filter, as the UI gives them (`{ nam: ['2017', '2021'] }`). */
export type FilterSelection = Record<string, readonly string[]>;

/** Pagefind's filter argument for a selection: any of each filter's values; filters without a value left out. */
export function anyOfEach(selection: FilterSelection | undefined): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const [filter, values] of Object.entries(selection ?? {}))
    if (values.length > 0) filters[filter] = { any: [...values] };
  return filters;
}

/** For each filter with a chosen value: the selection without it, whose search counts that filter's values. */
export function withoutEach(selection: FilterSelection | undefined): Array<[string, FilterSelection]> {
  const chosen = Object.entries(selection ?? {}).filter(([, values]) => values.length > 0);
  return chosen.map(([filter]) => [filter, Object.fromEntries(chosen.filter(([other]) => other !== filter))]);
}

/**
 * The counts to show: each chosen filter's from the search without it (`without[filter]`), every
 * other filter's from the search with the whole selection (`all`).
 */
export function shownCounts(
  all: FilterCounts | undefined,
  without: Readonly<Record<string, FilterCounts | undefined>>,
): FilterCounts {
  const shown: FilterCounts = { ...all };
  for (const [filter, counts] of Object.entries(without)) shown[filter] = { ...counts?.[filter] };
  return shown;
}

/** Every value the counts name, each at 0: what the dropdowns list, whatever the counts to show. */
export function everyValue(...counts: Array<FilterCounts | undefined>): FilterCounts {
  const values: FilterCounts = {};
  for (const each of counts)
    for (const [filter, byValue] of Object.entries(each ?? {}))
      for (const value of Object.keys(byValue)) (values[filter] ??= {})[value] = 0;
  return values;
}

/** The chosen values, each at 0 (`everyValue` of a selection). */
export function chosenValues(selection: FilterSelection | undefined): FilterCounts {
  return Object.fromEntries(
    Object.entries(selection ?? {}).map(([filter, values]) => [
      filter,
      Object.fromEntries(values.map((value) => [value, 0])),
    ]),
  );
}

/**
 * Both periods' counts, added value by value: the filters then offer every year of the archive (the
 * older years are in the older period alone) with the count of pages the two periods hold together.
 */
export function addFilterCounts(newest: FilterCounts | undefined, older: FilterCounts | undefined): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of [newest, older])
    for (const [filter, values] of Object.entries(counts ?? {})) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  return sum;
}
