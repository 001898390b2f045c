/**
 * What the search index records about a reading page: the kind of material, its month or year (shown
 * in results and filtered on) and the date results are sorted by. Turned into Pagefind's data attributes.
 */
import { t } from '../../i18n/vi.ts';
import { monthLabel } from '../content/breadcrumbs.ts';
import { routes } from '../content/routes.ts';
import { SEARCH_FILTERS, SEARCH_SORT } from './url.ts';

/** The three kinds of material the portal publishes. */
export type MaterialKind = 'month' | 'topic' | 'guide';

/** The search facts of one page. */
export interface SearchFacets {
  kind: MaterialKind;
  /** Shown in a result: "Tháng 11/2026", "Chuyên đề năm 2026", "Năm 2026". */
  period: string;
  /** Four-digit year, for the year filter. */
  year: string;
  /** YYYY-MM-DD, for "newest first". */
  date: string;
}

const KIND_LABELS: Record<MaterialKind, () => string> = {
  month: () => t('kind.month'),
  topic: () => t('kind.topic'),
  guide: () => t('kind.guide'),
};

/** The facets of a monthly issue or one of its sections: the month it belongs to. */
export function monthFacets(month: string, publishDate: string): SearchFacets {
  return { kind: 'month', period: monthLabel(month), year: month.slice(0, 4), date: publishDate };
}

/** The facets of an annual topic or one of its parts. */
export function topicFacets(year: string, publishDate: string): SearchFacets {
  return { kind: 'topic', period: t('topic.year', { year }), year, date: publishDate };
}

/** The facets of a study guide: the year it was published. */
export function guideFacets(publishDate: string): SearchFacets {
  const year = publishDate.slice(0, 4);
  return { kind: 'guide', period: t('month.year', { year }), year, date: publishDate };
}

// Pagefind reads one key:value per attribute and stops a value at a comma, so values lose theirs.
const clean = (value: string) => value.replace(/,/g, ' ');

/** Pagefind's data attributes for a page: the article carries the body, kind and sort date. */
export function searchAttributes(facets: SearchFacets): Record<string, string> {
  const kind = clean(KIND_LABELS[facets.kind]());
  return {
    'data-pagefind-body': '',
    'data-pagefind-filter': `${SEARCH_FILTERS.kind}:${kind}`,
    'data-pagefind-meta': `kind:${kind}`,
    'data-pagefind-sort': `${SEARCH_SORT}:${clean(facets.date)}`,
  };
}

/** The attributes of an empty <data> element in the article carrying the year filter and the period. */
export function searchYearAttributes(facets: SearchFacets): Record<string, string> {
  return {
    value: clean(facets.year),
    'data-pagefind-filter': `${SEARCH_FILTERS.year}[value]`,
    'data-pagefind-meta': `period:${clean(facets.period)}`,
  };
}

/** A page Pagefind cannot read from the built HTML (a Word file), in the shape of its `addCustomRecord`. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** The search record of a month's minutes template (the kit's Word file): findable as "biên bản". */
export function minutesRecord(month: string, publishDate: string): SearchRecord {
  const facets = monthFacets(month, publishDate);
  const kind = KIND_LABELS.month();
  return {
    url: routes.kitMinutesDocx(month),
    content: t('search.minutesRecord', { month: facets.period.toLowerCase() }),
    language: 'vi',
    meta: {
      title: `${t('kit.minutes')}, ${facets.period.toLowerCase()}`,
      kind,
      period: facets.period,
    },
    filters: { [SEARCH_FILTERS.kind]: [kind], [SEARCH_FILTERS.year]: [facets.year] },
    sort: { [SEARCH_SORT]: facets.date },
  };
}
