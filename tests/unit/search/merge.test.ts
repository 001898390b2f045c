/**
 * The pure merge's own rules (tests/unit/integrations/search-merge.test.ts checks its bundles
 * against Pagefind's): what it keeps, renumbers and moves, and each case it refuses.
 */
import { describe, expect, it } from 'vitest';
import { mergeIndex, MergeRefused, type LanguageIndex } from '../../../src/lib/search/merge.ts';

/** An index of pages `urls` (fragments vi_000000N), each with the word "dang" and field "title". */
function index(urls: string[], options: { fields?: string[]; version?: string; sort?: string } = {}): LanguageIndex {
  const fields = options.fields ?? ['title'];
  const title = fields.indexOf('title');
  return {
    meta: [
      options.version ?? '1.6.0',
      urls.map((_, page) => [`vi_${String(page).padStart(7, '0')}`, 10, '']),
      [],
      [['nam', 'vi_filter']],
      [[options.sort ?? 'ngay', urls.map((_, page) => page)]],
      fields,
    ],
    filters: [['nam', [['2026', urls.map((_, page) => page)]]]],
    words: [
      { key: 'dang', pages: urls.map((_, page) => ({ page, locs: [0], metaLocs: [-title - 1, 0] })), variants: [] },
    ],
    urls,
    fields: urls.map(() => ['title']),
  };
}

const KEPT = ['/a/', '/b/', '/c/'];
const rank = (url: string) => ['/a/', '/b/', '/bb/', '/c/'].indexOf(url) + 1 || undefined;
const dates: Record<string, string> = {
  '/a/': '2026-03-01',
  '/b/': '2026-01-01',
  '/bb/': '2026-02-01',
  '/c/': '2026-01-01',
};
const date = (_sort: string, url: string) => dates[url];

/** The kept index with its fragments named apart from the fresh one's. */
function kept(): LanguageIndex {
  const value = index(KEPT);
  value.meta[1] = KEPT.map((_, page) => [`vi_k00000${page}`, 10, '']);
  // By date: /b/ and /c/ (1 January), then /a/ (1 March).
  value.meta[4] = [['ngay', [1, 2, 0]]];
  return value;
}

describe('mergeIndex', () => {
  it('drops the pages that changed, adds the fresh ones in place, and moves their field numbers', () => {
    // "/b/" changed; "/bb/" is new. The fresh index lists fields in another order.
    const fresh = index(['/b/', '/bb/'], { fields: ['image', 'title'] });
    fresh.fields = [['title'], ['title']];
    const merged = mergeIndex(kept(), fresh, (url) => url !== '/b/', rank, date);
    expect(merged.urls).toEqual(['/a/', '/b/', '/bb/', '/c/']);
    expect((merged.meta[1] as string[][]).map((page) => page[0])).toEqual([
      'vi_k000000',
      'vi_0000000',
      'vi_0000001',
      'vi_k000002',
    ]);
    // By date, equal dates by page number.
    expect(merged.meta[4]).toEqual([['ngay', [1, 3, 2, 0]]]);
    expect(merged.filters).toEqual([['nam', [['2026', [0, 1, 2, 3]]]]]);
    // "title" is field 1 in the fresh index, 0 in the kept one.
    expect(merged.words[0]?.pages.map((page) => [page.page, page.metaLocs])).toEqual([
      [0, [-1, 0]],
      [1, [-1, 0]],
      [2, [-1, 0]],
      [3, [-1, 0]],
    ]);
  });

  it('refuses another Pagefind version', () => {
    expect(() => mergeIndex(kept(), index(['/bb/'], { version: '1.7.0' }), () => true, rank, date)).toThrow(
      MergeRefused,
    );
  });

  it('refuses another pf_meta layout', () => {
    const fresh = index(['/bb/']);
    fresh.meta.push([]);
    expect(() => mergeIndex(kept(), fresh, () => true, rank, date)).toThrow(/layout/);
  });

  it('refuses a sort left without pages', () => {
    // Every kept page changed (none stays), and the fresh page has no date.
    const fresh = index(['/bb/']);
    fresh.meta[4] = [['ngay', []]];
    expect(() => mergeIndex(kept(), fresh, () => false, rank, date)).toThrow(/without pages/);
  });

  it('refuses a sort whose kept order is not the one its values give', () => {
    // The kept list says /a/ (1 March) comes first: the values the build reads disagree.
    const disordered = kept();
    disordered.meta[4] = [['ngay', [0, 1, 2]]];
    expect(() => mergeIndex(disordered, index(['/bb/']), () => true, rank, date)).toThrow(/not in the order/);
  });

  it('refuses a sort whose values are not dates', () => {
    const fresh = index(['/bb/']);
    expect(() =>
      mergeIndex(
        kept(),
        fresh,
        () => true,
        rank,
        () => 'tháng hai',
      ),
    ).toThrow(/not by date/);
  });

  it('refuses a new sort and a new filter', () => {
    expect(() => mergeIndex(kept(), index(['/bb/'], { sort: 'tieu-de' }), () => true, rank, date)).toThrow(
      /a new sort/,
    );
    const fresh = index(['/bb/']);
    fresh.filters = [['loai', [['Chuyên đề', [0]]]]];
    expect(() => mergeIndex(kept(), fresh, () => true, rank, date)).toThrow(/a new filter/);
  });

  it('refuses two fragments with one name, and a page outside the period', () => {
    // index() names the first page vi_0000000 in both: make the kept one clash.
    const clash = index(KEPT);
    expect(() => mergeIndex(clash, index(['/bb/']), () => true, rank, date)).toThrow(/two fragments/);
    expect(() => mergeIndex(kept(), index(['/zz/']), () => true, rank, date)).toThrow(/outside the period/);
  });

  it('refuses a page whose metadata field the kept index does not list', () => {
    const fresh = index(['/bb/'], { fields: ['image', 'title'] });
    fresh.fields = [['image', 'title']];
    expect(() => mergeIndex(kept(), fresh, () => true, rank, date)).toThrow(/other metadata fields/);
  });
});
