import { describe, expect, it } from 'vitest';
import {
  rankedSearch,
  unrankedSearch,
  type PagefindResult,
  type PagefindSearcher,
} from '../../../src/lib/search/ranked-search.ts';

/**
 * A stand-in for Pagefind: pages as word lists; a search holds every known word as a prefix of a page's
 * word (a word no page knows is ignored, as Pagefind does); a quoted phrase holds its words adjacent.
 */
function fakePagefind(pages: Record<string, { words: string; date?: string }>) {
  const calls: string[] = [];
  const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  const all = Object.values(pages).flatMap((page) => fold(page.words).split(' '));
  let exactMarks = false;
  const searcher: PagefindSearcher = {
    async options(options) {
      exactMarks = options['exactDiacritics'] === true;
    },
    async search(term, options) {
      calls.push(term ?? '');
      const quoted = /^"(.*)"$/.exec(term ?? '');
      const wanted = fold(quoted?.[1] ?? term ?? '')
        .split(' ')
        .filter((word) => quoted || all.some((known) => known.startsWith(word)));
      const results: Array<PagefindResult & { date: string }> = [];
      for (const [id, page] of Object.entries(pages)) {
        const words = fold(page.words).split(' ');
        if (
          exactMarks &&
          !page.words
            .toLowerCase()
            .split(' ')
            .includes((term ?? '').toLowerCase())
        )
          continue;
        const found = quoted
          ? words.some((_, i) => wanted.every((word, j) => words[i + j] === word))
          : wanted.length > 0 && wanted.every((word) => words.some((known) => known.startsWith(word)));
        if (found)
          results.push({
            id,
            // Shorter pages score higher, as Pagefind's length normalisation does.
            score: 10 / words.length,
            date: page.date ?? '',
            data: async () => ({
              excerpt: page.words
                .split(' ')
                .map((word) => (wanted.some((want) => fold(word).startsWith(want)) ? `<mark>${word}</mark>` : word))
                .join(' '),
            }),
          });
      }
      const sort = options?.['sort'] as Record<string, string> | undefined;
      if (sort?.['ngay'] === 'desc') results.sort((a, b) => b.date.localeCompare(a.date));
      else results.sort((a, b) => b.score - a.score);
      return { results };
    },
  };
  return { searcher, calls };
}

const ids = (response: { results: PagefindResult[] } | null) => response?.results.map((result) => result.id);

describe('rankedSearch', () => {
  it('ranks the page holding the words together above shorter pages holding them apart', async () => {
    const { searcher } = fakePagefind({
      scattered: { words: 'nhận mở rộng tình hình' },
      together: { words: 'cần nhân rộng những mô hình hay trong chi bộ ở cơ sở' },
      phrase: { words: 'chi bộ đã nhân rộng mô hình dân vận khéo ở khắp các thôn bản vùng cao' },
    });
    expect(ids(await rankedSearch(searcher, 'nhan rong mo hinh'))).toEqual(['phrase', 'together', 'scattered']);
  });

  it('searches a document number as Pagefind indexes it', async () => {
    const { searcher, calls } = fakePagefind({ cites: { words: 'thực hiện chỉ thị 10cttw' }, other: { words: '10' } });
    expect(ids(await rankedSearch(searcher, '10-CT/TW'))).toEqual(['cites']);
    expect(calls[0]).toBe('10cttw');
  });

  it('offers the queries that drop one word when nothing holds them all', async () => {
    const { searcher } = fakePagefind({
      a: { words: 'đảng viên trẻ' },
      b: { words: 'đảng viên cao tuổi' },
      c: { words: 'chi bộ' },
    });
    const response = await rankedSearch(searcher, 'dang vien chi');
    expect(response?.results).toEqual([]);
    expect(response?.suggestions).toEqual([{ dropped: 'chi', text: 'dang vien', count: 2 }]);
  });

  it('suggests the nearest indexed spelling of a word Pagefind does not know', async () => {
    const { searcher } = fakePagefind({ a: { words: 'Đảng viên trẻ' }, b: { words: 'chi bộ thôn' } });
    const response = await rankedSearch(searcher, 'dang vine');
    expect(ids(response)).toEqual(['a']);
    expect(response?.spelling).toBe('dang viên');
  });

  it('treats a word Pagefind answers only through a shorter prefix as unknown, and offers the closest word', async () => {
    // Pagefind answers "lehc" with pages holding "lệ"; the best pages for "le" highlight lệ, lên and lệch.
    const page = (id: string, excerpt: string): PagefindResult => ({
      id,
      score: 1,
      words: [0],
      data: async () => ({ excerpt }),
    });
    const answers: Record<string, PagefindResult[]> = {
      // The words alone, not as the phrase: no page holds "sai lệ" together.
      'sai lehc': [page('x', '<mark>sai</mark> lầm và <mark>lệ</mark> thuộc')],
      sai: [page('x', '<mark>sai</mark> lầm')],
      lehc: [page('x', 'hợp <mark>lệ.</mark>')],
      leh: [page('x', 'hợp <mark>lệ.</mark>')],
      le: [
        page('y', 'đi <mark>lên</mark>'),
        page('z', 'thông tin sai <mark>lệch</mark>'),
        page('x', '<mark>lệ</mark>'),
      ],
    };
    const searcher: PagefindSearcher = {
      async search(term) {
        return { results: answers[term ?? ''] ?? [] };
      },
    };
    const response = await rankedSearch(searcher, 'sai lehc');
    expect(response?.spelling).toBe('sai lệch');
    // Named, so the search page can look for the word in the older months (src/lib/search/periods.ts).
    expect(response?.unknown).toEqual(['lehc']);
  });

  it('suggests no spelling when every word is known', async () => {
    const { searcher } = fakePagefind({ a: { words: 'đảng viên trẻ' }, b: { words: 'viên chức' } });
    const response = await rankedSearch(searcher, 'dang vien');
    expect(response?.spelling).toBeUndefined();
    expect(response?.unknown).toBeUndefined();
  });

  it('puts the newest of equal templates first among the results a reader sees first', async () => {
    const minutes = 'mẫu biên bản sinh hoạt chi bộ tháng';
    const { searcher } = fakePagefind({
      sep: { words: minutes, date: '2026-08-28' },
      nov: { words: minutes, date: '2026-10-28' },
      oct: { words: minutes, date: '2026-09-28' },
    });
    expect(ids(await rankedSearch(searcher, 'bien ban'))).toEqual(['nov', 'oct', 'sep']);
  });

  it('ranks pages holding a word with the marks as typed first, however often others hold its look-alikes', async () => {
    const { searcher } = fakePagefind({
      alike: { words: 'đồng đồng động' },
      exact: { words: 'mùa đông năm nay ở vùng cao rất lạnh' },
    });
    expect(ids(await rankedSearch(searcher, 'dong'))).toEqual(['alike', 'exact']);
    expect(ids(await rankedSearch(searcher, 'đông'))).toEqual(['exact', 'alike']);
  });

  it('leaves a newest-first sort and a filter-only search to Pagefind', async () => {
    const { searcher, calls } = fakePagefind({ a: { words: 'mô hình' }, b: { words: 'hình mô' } });
    await rankedSearch(searcher, 'mo hinh', { sort: { ngay: 'desc' } });
    await rankedSearch(searcher, null, { filters: { nam: ['2026'] } });
    expect(calls).toEqual(['mo hinh', '']);
  });
});

describe('unrankedSearch', () => {
  const pages = {
    scattered: { words: 'nhận mở rộng tình hình' },
    together: { words: 'cần nhân rộng những mô hình hay trong chi bộ ở cơ sở' },
    cites: { words: 'thực hiện chỉ thị 10cttw' },
  };

  it('asks Pagefind once for the pages rankedSearch orders, with the same expanded query', async () => {
    const ranked = fakePagefind(pages);
    const plain = fakePagefind(pages);
    const all = await rankedSearch(ranked.searcher, 'nhan rong mo hinh');
    const unordered = await unrankedSearch(plain.searcher, 'nhan rong mo hinh');
    expect(plain.calls).toEqual([ranked.calls[0]]);
    expect(ids(unordered)?.sort()).toEqual(ids(all)?.sort());
    expect(ids(unordered)?.length).toBe(2);
  });

  it('waits for a ranked search of the same instance, whose exact-marks searches switch its options', async () => {
    const { searcher } = fakePagefind({ party: { words: 'Đảng viên' }, unfinished: { words: 'dang dở' } });
    const setOptions = searcher.options!.bind(searcher);
    let meanwhile: ReturnType<typeof unrankedSearch> | undefined;
    // Asked while the ranked search holds the instance in its exact-marks mode.
    searcher.options = async (options) => {
      await setOptions(options);
      if (options['exactDiacritics'] === true) meanwhile ??= unrankedSearch(searcher, 'dang');
    };
    await rankedSearch(searcher, 'Đảng');
    expect(meanwhile).toBeDefined();
    expect(ids((await meanwhile) ?? null)?.sort()).toEqual(['party', 'unfinished']);
  });

  it('expands a document number as rankedSearch does, and passes a sorted search through as typed', async () => {
    const { searcher, calls } = fakePagefind(pages);
    expect(ids(await unrankedSearch(searcher, '10-CT/TW'))).toEqual(['cites']);
    await unrankedSearch(searcher, '10-CT/TW', { sort: { ngay: 'desc' } });
    expect(calls).toEqual(['10cttw', '10-CT/TW']);
  });
});
