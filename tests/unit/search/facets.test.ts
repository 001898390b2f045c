import { describe, expect, it } from 'vitest';
import {
  guideFacets,
  monthFacets,
  searchAttributes,
  searchYearAttributes,
  topicFacets,
  type SearchFacets,
} from '../../../src/lib/search/facets.ts';
import { RESULT_TEMPLATE, pagefindTranslations } from '../../../src/lib/search/ui.ts';

describe('search facets', () => {
  it.each<[string, SearchFacets, SearchFacets]>([
    [
      'a month and its sections',
      monthFacets('2026-11', '2026-10-28'),
      { kind: 'month', period: 'Tháng 11/2026', year: '2026', date: '2026-10-28' },
    ],
    [
      'January',
      monthFacets('2027-01', '2026-12-28'),
      { kind: 'month', period: 'Tháng 1/2027', year: '2027', date: '2026-12-28' },
    ],
    [
      'a topic and its parts',
      topicFacets('2026', '2026-01-15'),
      { kind: 'topic', period: 'Chuyên đề năm 2026', year: '2026', date: '2026-01-15' },
    ],
    [
      'a study guide',
      guideFacets('2025-05-19'),
      { kind: 'guide', period: 'Năm 2025', year: '2025', date: '2025-05-19' },
    ],
  ])('%s', (_name, facets, expected) => {
    expect(facets).toEqual(expected);
  });

  it('marks the article as the indexed body with its kind and sort date', () => {
    expect(searchAttributes(monthFacets('2026-11', '2026-10-28'))).toEqual({
      'data-pagefind-body': '',
      'data-pagefind-filter': 'loai:Tài liệu tháng',
      'data-pagefind-meta': 'kind:Tài liệu tháng',
      'data-pagefind-sort': 'ngay:2026-10-28',
    });
  });

  it('carries the year filter and the period on a <data> element', () => {
    expect(searchYearAttributes(topicFacets('2026', '2026-01-15'))).toEqual({
      value: '2026',
      'data-pagefind-filter': 'nam[value]',
      'data-pagefind-meta': 'period:Chuyên đề năm 2026',
    });
  });

  it('drops commas, which would end a Pagefind attribute value', () => {
    expect(
      searchYearAttributes({ kind: 'guide', period: 'Năm 2026, quý I', year: '2026', date: '2026-01-01' })[
        'data-pagefind-meta'
      ],
    ).toBe('period:Năm 2026  quý I');
  });
});

describe('component UI strings', () => {
  it('gives every Pagefind string in Vietnamese', () => {
    const strings = pagefindTranslations();
    expect(Object.keys(strings)).toEqual(
      expect.arrayContaining([
        'placeholder',
        'zero_results',
        'many_results',
        'one_result',
        'searching',
        'results_label',
        'filters_label',
        'load_more',
        'clear_search',
      ]),
    );
    expect(strings['zero_results']).toBe('Không tìm thấy kết quả cho [SEARCH_TERM]');
    for (const value of Object.values(strings)) expect(value).not.toMatch(/\b(results?|search|filters?)\b/i);
  });

  it('shows kind, period, title and excerpt in a result', () => {
    for (const part of ['{{ meta.kind }}', '{{ meta.period }}', '{{ meta.title }}', '{{+ excerpt +}}'])
      expect(RESULT_TEMPLATE).toContain(part);
  });
});
