/**
 * The search panel's client script: loads Pagefind's component UI once the pack can answer its
 * requests, and wires it to the URL, the sort switch and the Vietnamese labels.
 */
import {
  SEARCH_RANKING,
  formatSearchState,
  parseSearchState,
  searchSort,
  type SearchState,
} from '../../lib/search/url.ts';
import { EAGER_SCREENS, FIRST_SCREEN_MARK, SEARCH_SCRIPT } from '../../lib/search/bundle.ts';
import { SEARCH_HOOK } from '../../lib/search/scripts.ts';
import {
  addFilterCounts,
  anyOfEach,
  everyValue,
  chosenValues,
  shownCounts,
  withoutEach,
  type FilterCounts,
  type FilterSelection,
} from '../../lib/search/filter-counts.ts';
import {
  rankedSearch,
  unrankedSearch,
  type DropSuggestion,
  type PagefindResponse,
  type PagefindResult,
  type RankedResponse,
  type PagefindSearcher,
} from '../../lib/search/ranked-search.ts';
import { endsInShortWord } from '../../lib/search/query.ts';
import { servePagefindPack } from '../../scripts/search-pack.ts';
import { OLDER_FOLDER, OLDER_INSTANCE, monthLabel, olderPeriodOf, type OlderPeriod } from '../../lib/search/periods.ts';

/** The parts of the component UI's instance this page uses (its public API). */
interface PagefindInstance {
  searchTerm?: string;
  searchFilters?: Record<string, string[]>;
  searchSort: Record<string, string>;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]> | undefined) => void): void;
  on(event: 'error' | 'results', callback: () => void): void;
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}
interface PagefindComponentsApi {
  configureInstance(name: string, options: Record<string, unknown>): PagefindInstance;
}

const root = document.querySelector<HTMLElement>('[data-search]');

/** Milliseconds a query ending in a short word waits, beyond the input's own debounce, for more typing. */
const SHORT_WORD_WAIT = 600;
/** Milliseconds the first screen stays before the results further down load (the query may still change). */
const EAGER_SETTLE = 400;
/** Milliseconds a query with no result in the newest months waits before the older months are searched. */
const OLDER_SETTLE = 800;
/**
 * Milliseconds the newest months' answer waits, once ready, for the older months' filter counts: on a
 * slow link it goes out without them (the older period keeps loading, and the next query has them).
 */
const OLDER_COUNTS_WAIT = 1500;
/** Results fetched at once, in order, after the first screen. */
const EAGER_BATCH = 3;
const unavailable = () => root?.querySelector<HTMLElement>('[data-search-unavailable]')?.removeAttribute('hidden');

/** The newest period's bundle entry, once read: it names the older period's bundle, if any. */
let bundleEntry: () => Promise<unknown> = () => Promise.resolve(undefined);

/** Loads the component UI (with Pagefind's core), once the pack is ready to answer Pagefind's requests. */
function loadComponents(bundlePath: string): Promise<PagefindComponentsApi> {
  // A file that cannot be fetched leaves the results short without a word from Pagefind: say so.
  const newest = servePagefindPack(bundlePath, undefined, unavailable);
  bundleEntry = newest.entry;
  // Installed second, so it sees the older bundle's requests first; it downloads nothing until asked,
  // and takes Pagefind's wasm from the newest period's pack.
  servePagefindPack(`${bundlePath}${OLDER_FOLDER}`, newest, unavailable);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${bundlePath}${SEARCH_SCRIPT}`;
    script.onload = () => {
      const api = (window as unknown as { PagefindComponents?: PagefindComponentsApi }).PagefindComponents;
      if (api) resolve(api);
      else reject(new Error('no PagefindComponents'));
    };
    script.onerror = reject;
    document.head.append(script);
  });
}

/** One result of the results component: loads its page's fragment and draws it (Pagefind's own). */
interface ResultSlot {
  result: unknown;
  loading: boolean;
  placeholderNodes?: Node[];
  load(): Promise<void>;
}

/** The results component: its slots, one a result. */
type ResultsElement = HTMLElement & { results?: ResultSlot[] };

/**
 * Loads a results list's first screen, then the results below it in order, a few at a time and
 * only a little way ahead of the reader; `onFirstScreen` runs once the first screen has drawn.
 * Returns the function to call on each new list.
 */
function eagerLoader(results: ResultsElement | null, onFirstScreen?: () => void): () => void {
  let generation = 0;
  const inFlight = (slots: readonly ResultSlot[]) => slots.some((slot) => slot.loading && slot.result === null);
  // A slot no longer in the page (a newer search replaced the list) is never within reach.
  const top = (slot: ResultSlot) => {
    const node = slot.placeholderNodes?.[0];
    return node instanceof Element && node.isConnected ? node.getBoundingClientRect().top : Infinity;
  };
  const ahead = (slot: ResultSlot) => top(slot) < window.innerHeight * (1 + EAGER_SCREENS);
  let resume: (() => void) | undefined;
  const loadInOrder = async () => {
    const mine = ++generation;
    // The first screen: the results in view once drawn (Pagefind's observer may not have started
    // them all yet; load() starts a result once). Wait until they have arrived.
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    if (mine !== generation) return;
    const slots = results?.results ?? [];
    const onScreen = slots.filter((slot) => slot.result === null && top(slot) < window.innerHeight);
    for (const slot of onScreen) void slot.load();
    while (mine === generation && inFlight(onScreen)) await new Promise((done) => setTimeout(done, 50));
    if (mine !== generation) return;
    onFirstScreen?.();
    // A reader still typing gets new results soon: their first screen, not this list's tail.
    await new Promise((done) => setTimeout(done, EAGER_SETTLE));
    for (;;) {
      if (mine !== generation) return;
      const waiting = slots.filter((slot) => slot.result === null && !slot.loading);
      if (waiting.length === 0) return;
      // In order, so those within reach come first; the rest wait for the reader to scroll towards them.
      const next = waiting.filter(ahead).slice(0, EAGER_BATCH);
      if (next.length === 0) {
        await new Promise<void>((done) => (resume = done));
        continue;
      }
      await Promise.all(next.map((slot) => slot.load()));
    }
  };
  window.addEventListener(
    'scroll',
    () => {
      resume?.();
      resume = undefined;
    },
    { passive: true },
  );
  return () => {
    resume?.();
    resume = undefined;
    void loadInOrder();
  };
}

/** Shows the nearest spelling and the queries that drop one word, as links that run them. */
let showSuggestions: (suggestions: readonly DropSuggestion[], spelling: string | undefined) => void = () => {};

/**
 * The newest months' last answer found nothing, or lacked a word of the query (answered with pages
 * holding a shorter prefix of it): the older months may hold it, and are searched at once.
 */
let newestLacks = false;

/** A Pagefind instance as the UI creates it: the page asks it for the filters when a reader opens one. */
type Searcher = PagefindSearcher & { filters(): Promise<FilterCounts> };
/** A response, with the filter counts the UI's filters draw. */
type CountedResponse = PagefindResponse & { filters?: FilterCounts; totalFilters?: FilterCounts };

/** The newest period's Pagefind instance, as the UI created it. */
let pagefind: Searcher | undefined;
/** The older period's, once a reader who filters has needed it (undefined when there is no older period). */
let olderPagefind: Searcher | undefined;
/** Runs the UI's current search again; set by `start`, which has the UI's instance. */
let searchAgain: () => void = () => {};
/** The query and selection last searched again for late older counts, with those counts. */
let searchedAgain: { key: string; counts: PeriodCounts } | undefined;
/** Loads the older period's instance, once; set by `start`, which has the UI's instance for it. */
let loadOlderSearcher: () => Promise<Searcher | undefined> = () => Promise.resolve(undefined);
/**
 * The last query chose filter values the older months have pages of: the counts the reader was
 * shown include those pages, so they are searched at once and listed below.
 */
let filterReachesOlder = false;
// The filter files grow with the archive and serve only a reader who filters: they load when a filter
// is opened, or at once when the URL carries one. Until then the UI is told there are none.
let filtersWanted = Object.keys(parseSearchState(location.search).filters).length > 0;

// Every search of the UI goes through the site's expansion and phrase ranking (src/lib/search/ranked-search.ts).
(window as unknown as Record<string, unknown>)[SEARCH_HOOK] = (instance: Searcher) => {
  // The first instance is the newest period's (the older one loads only when asked): it alone suggests.
  const primary = pagefind === undefined;
  if (primary) pagefind = instance;
  else olderPagefind = instance;
  let latest = 0;
  return {
    ...instance,
    search: async (term: string | null, options?: Record<string, unknown>) => {
      // A short last word may still be growing: wait, and leave it if the reader typed on (the UI
      // ignores a search answered with nothing), rather than fetch every chunk it begins.
      const mine = ++latest;
      if (term && endsInShortWord(term)) {
        await new Promise((done) => setTimeout(done, SHORT_WORD_WAIT));
        if (mine !== latest) return null;
      }
      // Any of a filter's chosen values, every filter (src/lib/search/filter-counts.ts).
      const asked = { ...options, filters: anyOfEach(selectionOf(options)) };
      // A reader who filters sees every year of the archive, counted over both periods: the older
      // period is asked the same query (the one search whose pages the ranking orders) beside it.
      const counting = primary && filtersWanted;
      const again = JSON.stringify([term, selectionOf(options)]);
      // Searched again because the older counts came late: those counts stand, without another wait
      // that a slow phone could miss again.
      const arrived = counting && searchedAgain?.key === again ? searchedAgain.counts : undefined;
      const older = counting ? (arrived ? Promise.resolve(arrived) : olderCounts(term, options)) : undefined;
      const response: (RankedResponse<PagefindResult> & CountedResponse) | null = await rankedSearch(
        instance,
        term,
        asked,
      );
      // The reader typed on meanwhile: this answer is not shown, and must not set what the next one
      // shows, nor hold up its searches with counts of its own.
      if (mine !== latest) return null;
      const own = counting && response ? await countsOf(instance, term, options, response) : undefined;
      const counted = older && (await withinWait(older));
      if (mine !== latest) return null;
      // The older counts came too late for this answer: once they are in, the same search again
      // (once), answered with them.
      if (older && counted === undefined && searchedAgain?.key !== again)
        void older.then((late) => {
          if (!late || mine !== latest) return;
          searchedAgain = { key: again, counts: late };
          searchAgain();
        });
      if (primary) {
        showSuggestions(response?.suggestions ?? [], response?.spelling);
        newestLacks = (response?.results.length ?? 0) === 0 || (response?.unknown?.length ?? 0) > 0;
        const filtered = Object.keys(anyOfEach(selectionOf(options))).length > 0;
        filterReachesOlder = filtered && (counted?.found ?? 0) > 0;
      }
      if (!response || !own) return response;
      const filters = addFilterCounts(own.shown, counted?.shown);
      // The dropdown lists the values of `totalFilters` and shows a chosen one's count from it.
      // A chosen value stays listed even when no period counted it (the older one came late).
      const listed = everyValue(own.total, counted?.total, chosenValues(selectionOf(options)));
      return { ...response, filters, totalFilters: addFilterCounts(listed, filters) };
    },
    filters: async () => {
      if (!filtersWanted) return {};
      const [own, older] = await Promise.all([instance.filters(), primary ? withinWait(olderFilters()) : undefined]);
      return older ? addFilterCounts(own, older) : own;
    },
  };
};

/** The values a search's options choose, by filter, as the UI gives them. */
const selectionOf = (options?: Record<string, unknown>) => options?.['filters'] as FilterSelection | undefined;

/** A period's filter counts for a query: those to show, Pagefind's totals, and how many pages the query found. */
interface PeriodCounts {
  shown: FilterCounts;
  total: FilterCounts | undefined;
  found: number;
}

/**
 * The counts a period gives the filters for a query: its search with the whole selection (`first`,
 * when already made), and one without each chosen filter, to count that filter's other values.
 */
async function countsOf(
  searcher: Searcher,
  term: string | null,
  options: Record<string, unknown> | undefined,
  first?: CountedResponse | null,
): Promise<PeriodCounts> {
  const ask = (selection: FilterSelection | undefined) =>
    unrankedSearch(searcher, term, { ...options, filters: anyOfEach(selection) }) as Promise<CountedResponse | null>;
  const all = first ?? (await ask(selectionOf(options)));
  const without = await Promise.all(
    withoutEach(selectionOf(options)).map(async ([filter, rest]) => [filter, (await ask(rest))?.filters] as const),
  );
  return {
    shown: shownCounts(all?.filters, Object.fromEntries(without)),
    total: all?.totalFilters,
    found: all?.results.length ?? 0,
  };
}

/**
 * The older period's counts for a query (its results list apart, on request); null when there is no
 * older period, or it cannot be had: the newest period's counts stand.
 */
async function olderCounts(term: string | null, options?: Record<string, unknown>): Promise<PeriodCounts | null> {
  const older = await loadOlderSearcher();
  return older ? countsOf(older, term, options).catch(() => null) : null;
}

/** The older period's filter values with their counts, if there is an older period and it can be had. */
async function olderFilters(): Promise<FilterCounts | undefined> {
  return (await loadOlderSearcher())?.filters().catch(() => undefined);
}

/** What a promise gives within OLDER_COUNTS_WAIT, or undefined after. */
function withinWait<T>(promise: Promise<T>): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((done) => setTimeout(done, OLDER_COUNTS_WAIT))]);
}

const bundlePath = root?.dataset['bundle'];
if (root && bundlePath) loadComponents(bundlePath).then((components) => start(root, components), unavailable);

/** Wires the components to the URL, the sort switch and the Vietnamese labels. */
function start(root: HTMLElement, components: PagefindComponentsApi): void {
  const instance = components.configureInstance('default', { ranking: SEARCH_RANKING });
  instance.on('error', unavailable);

  const labels = JSON.parse(root.querySelector('[data-search-labels]')?.textContent ?? '{}') as Record<string, string>;
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  const sort = root.querySelector<HTMLSelectElement>('[data-search-sort]');
  root.querySelector<HTMLElement>('[data-search-controls]')?.removeAttribute('hidden');
  const state: SearchState = parseSearchState(location.search);
  if (sort) sort.value = state.newest ? 'moi-nhat' : '';
  instance.searchSort = searchSort(state.newest);

  // Every search (typing, a filter, the sort) rewrites the URL in place: shareable, reloadable.
  const remember = () => {
    const next = formatSearchState(state);
    if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}`);
  };
  instance.on('search', (term, filters) => {
    state.query = term;
    state.filters = Object.fromEntries(Object.entries(filters ?? {}).filter(([, values]) => values.length > 0));
    remember();
  });
  sort?.addEventListener('change', () => {
    state.newest = sort.value === 'moi-nhat';
    instance.searchSort = searchSort(state.newest);
    remember();
    instance.triggerSearchWithFilters(instance.searchTerm ?? state.query, instance.searchFilters ?? state.filters);
  });

  const suggest = root.querySelector<HTMLElement>('[data-search-suggest]');
  const suggestList = suggest?.querySelector('ul');
  const spellingNote = root.querySelector<HTMLElement>('[data-search-spelling]');
  const spellingLink = spellingNote?.querySelector('a');
  /** A link that runs the query in place, and can be opened or shared as a URL too. */
  const queryLink = (link: HTMLAnchorElement, query: string, text: string) => {
    link.href = `${location.pathname}${formatSearchState({ ...state, query })}`;
    link.textContent = text;
    link.onclick = (event) => {
      event.preventDefault();
      const input = root.querySelector<HTMLInputElement>('pagefind-input input');
      if (input) input.value = query;
      instance.triggerSearchWithFilters(query, instance.searchFilters ?? state.filters);
    };
  };
  showSuggestions = (suggestions, spelling) => {
    if (spellingNote && spellingLink) {
      spellingNote.hidden = !spelling;
      if (spelling) queryLink(spellingLink, spelling, spelling);
    }
    if (!suggest || !suggestList) return;
    suggest.hidden = suggestions.length === 0;
    suggestList.replaceChildren(
      ...suggestions.map((suggestion) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        const text = fill(labels['suggestOption'] ?? '{query}', {
          query: suggestion.text,
          word: suggestion.dropped,
          count: String(suggestion.count),
        });
        queryLink(link, suggestion.text, text);
        item.append(link);
        return item;
      }),
    );
  };

  // Screen readers hear "Chuyên đề: 4 kết quả", not Pagefind's hard-coded "Chuyên đề, 4 results".
  const translateLabels = () => {
    // Pagefind's filter triggers are comboboxes, which take no name from their text: name them.
    for (const dropdown of root.querySelectorAll('pagefind-filter-dropdown')) {
      const trigger = dropdown.querySelector('.pf-dropdown-trigger');
      const name = dropdown.getAttribute('label');
      if (trigger && name && trigger.getAttribute('aria-label') !== name) trigger.setAttribute('aria-label', name);
    }
    for (const element of root.querySelectorAll('pagefind-filter-dropdown [aria-label]')) {
      const text = element.getAttribute('aria-label') ?? '';
      const option = /^(.*), (\d+) results?$/.exec(text);
      const selected = /^(.*), (\d+) filters? selected$/.exec(text);
      if (option && labels['optionCount'])
        element.setAttribute(
          'aria-label',
          fill(labels['optionCount'], { label: option[1] ?? '', count: option[2] ?? '' }),
        );
      if (selected && labels['filtersSelected'])
        element.setAttribute(
          'aria-label',
          fill(labels['filtersSelected'], { label: selected[1] ?? '', count: selected[2] ?? '' }),
        );
    }
  };
  translateLabels();
  new MutationObserver(translateLabels).observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-label'],
  });

  // Opening a filter loads the filter data (one pack), then searches again for the counts.
  const loadingNote = labels['filtersLoading'] ?? '';
  const openFilters = async () => {
    if (filtersWanted || !pagefind) return;
    filtersWanted = true;
    const menus = [...root.querySelectorAll<HTMLElement>('pagefind-filter-dropdown .pf-dropdown-menu')];
    for (const menu of menus) menu.dataset['searchLoading'] = loadingNote;
    try {
      // The older period's too, if any: its years are offered beside the newest ones'.
      await Promise.all([pagefind.filters(), withinWait(olderFilters())]);
    } finally {
      for (const menu of root.querySelectorAll<HTMLElement>('pagefind-filter-dropdown .pf-dropdown-menu'))
        delete menu.dataset['searchLoading'];
    }
    instance.triggerSearchWithFilters(instance.searchTerm ?? state.query, instance.searchFilters ?? state.filters);
  };
  new MutationObserver(() => {
    if (
      !filtersWanted &&
      root.querySelector('pagefind-filter-dropdown [aria-expanded="true"], .pf-dropdown-trigger.open')
    )
      void openFilters();
  }).observe(root, { subtree: true, attributes: true, attributeFilter: ['aria-expanded', 'class'] });

  // Results further down draw as their fragments arrive, in order, a few at a time, once the first
  // screen has drawn (the first query's budget counts only that screen); Pagefind alone would wait
  // until each is scrolled into view. Only a little way ahead of the reader: a long list on a weak
  // link would otherwise download every page's text.
  const results = root.querySelector<ResultsElement>('pagefind-results:not([instance])');
  const loadDefault = eagerLoader(results, () => performance.mark(FIRST_SCREEN_MARK));
  instance.on('results', () => {
    loadDefault();
    void showOlder();
  });

  // The years before the newest period: offered below the list once a query has results, searched
  // when the reader asks (and at once when the newest years have none), listed apart.
  const olderSection = root.querySelector<HTMLElement>('[data-search-older]');
  const olderButton = olderSection?.querySelector<HTMLButtonElement>('[data-search-older-load]');
  const olderResults = olderSection?.querySelector<HTMLElement>('[data-search-older-results]');
  const olderInstance = components.configureInstance(OLDER_INSTANCE, { ranking: SEARCH_RANKING });
  searchAgain = () =>
    instance.triggerSearchWithFilters(instance.searchTerm ?? state.query, instance.searchFilters ?? state.filters);
  let olderLoaded: Promise<Searcher | undefined> | undefined;
  loadOlderSearcher = () =>
    (olderLoaded ??= bundleEntry()
      .then(async (entry) => {
        if (!olderPeriodOf(entry)) return undefined;
        await olderInstance.triggerLoad();
        return olderPagefind;
      })
      // A failed download leaves the older period out of the counts; the newest period's search goes on.
      .catch(() => undefined));
  const loadOlder = eagerLoader(olderSection?.querySelector<ResultsElement>('pagefind-results') ?? null);
  olderInstance.on('results', () => loadOlder());
  let older: OlderPeriod | undefined;
  // Asked: the reader pressed the button, and the older months are searched with every query after.
  let olderAsked = false;
  const searchOlder = () => {
    olderInstance.searchSort = searchSort(state.newest);
    olderInstance.triggerSearchWithFilters(instance.searchTerm ?? state.query, instance.searchFilters ?? state.filters);
  };
  const showOlderResults = (shown: boolean) => {
    if (olderButton) olderButton.hidden = shown;
    if (olderResults) olderResults.hidden = !shown;
  };
  olderButton?.addEventListener('click', () => {
    olderAsked = true;
    showOlderResults(true);
    searchOlder();
  });
  let labelled = false;
  let shown = 0;
  const showOlder = async () => {
    const mine = ++shown;
    // The entry is in the pack Pagefind has loaded by now: reading it downloads nothing.
    if (!labelled) {
      labelled = true;
      older = olderPeriodOf(await bundleEntry());
      if (older && olderSection && olderButton) {
        const month = { month: monthLabel(older.before) };
        const heading = olderSection.querySelector('[data-search-older-heading]');
        const note = olderSection.querySelector('[data-search-older-note]');
        if (heading) heading.textContent = fill(labels['olderHeading'] ?? '', month);
        if (note) note.textContent = fill(labels['olderNote'] ?? '', month);
        olderButton.textContent = fill(labels['olderButton'] ?? '', month);
      }
    }
    if (!olderSection || !older || mine !== shown) return;
    const term = (instance.searchTerm ?? state.query).trim();
    olderSection.hidden = term === '';
    if (term === '') return;
    if (olderAsked) return searchOlder();
    showOlderResults(false);
    if (!newestLacks && !filterReachesOlder) return;
    // Nothing (or not every word) in the newest months, or a chosen value the older months hold: search the older
    // ones for this query, once the reader has stopped typing (a prefix on its way to a word often finds
    // nothing, and this costs a download).
    await new Promise((done) => setTimeout(done, OLDER_SETTLE));
    if (mine !== shown) return;
    showOlderResults(true);
    searchOlder();
  };
  sort?.addEventListener('change', () => {
    if (olderResults && !olderResults.hidden) searchOlder();
  });

  if (state.query || Object.keys(state.filters).length > 0) {
    instance.triggerSearchWithFilters(state.query, state.filters);
  }
}
