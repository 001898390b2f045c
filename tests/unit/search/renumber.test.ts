import { describe, expect, it } from 'vitest';
import type { CborValue } from '../../../src/lib/search/cbor.ts';
import {
  metaFilters,
  metaPageHashes,
  renameFilters,
  renumberFilter,
  renumbering,
  renumberMeta,
} from '../../../src/lib/search/renumber.ts';
import { renumberWords, type PackedWord } from '../../../src/lib/search/word-index.ts';

// pf_meta as Pagefind 1.6 writes it: version, pages [hash, words, ""], chunks, filters, sorts, meta fields.
const meta = (): CborValue[] => [
  '1.6.0',
  [
    ['vi_c', 30, ''],
    ['vi_a', 10, ''],
    ['vi_b', 20, ''],
  ],
  [['a', 'z', 'vi_chunk']],
  [
    ['nam', 'vi_f1'],
    ['loai', 'vi_f2'],
  ],
  [['ngay', [1, 0, 2]]],
  ['title'],
];

describe('renumbering', () => {
  it('orders pages by their rank, and those without one after, by address', () => {
    const rank = new Map([
      ['/b/', 0],
      ['/a/', 1],
    ]);
    // Current numbers: 0 → /z/, 1 → /a/, 2 → /b/, 3 → /y/.
    expect(renumbering(['/z/', '/a/', '/b/', '/y/'], (url) => rank.get(url))).toEqual([3, 1, 0, 2]);
  });

  it('refuses two pages with one address', () => {
    expect(() => renumbering(['/a/', '/a/'], () => 0)).toThrow(/one address/);
  });
});

describe('renumberMeta', () => {
  it('puts the page list in the new order and renumbers each sort', () => {
    // Listed by date: page 1 (January), page 0 (February), page 2 (March).
    const dates = ['2026-02-01', '2026-01-01', '2026-03-01'];
    const out = renumberMeta(meta(), [2, 0, 1], (_, page) => dates[page]);
    expect(metaPageHashes(out)).toEqual(['vi_a', 'vi_b', 'vi_c']);
    expect(out[4]).toEqual([['ngay', [0, 2, 1]]]);
    expect(out[2]).toEqual(meta()[2]);
  });

  it('lists pages of equal sort value in the new order', () => {
    const out = renumberMeta(meta(), [2, 0, 1], () => '2026-01-01');
    expect(out[4]).toEqual([['ngay', [0, 1, 2]]]);
  });

  it('keeps runs of different values apart', () => {
    const dates = ['2026-01-01', '2026-01-01', '2026-02-01'];
    // Listed 1, 0 (both January), then 2 (February); renumbered 1 → 2, 0 → 1, 2 → 0.
    const out = renumberMeta([...meta().slice(0, 4), [['ngay', [1, 0, 2]]]], [1, 2, 0], (_, page) => dates[page]);
    expect(out[4]).toEqual([['ngay', [1, 2, 0]]]);
  });

  it('says which sort value it lacks', () => {
    expect(() => renumberMeta(meta(), [0, 1, 2], () => undefined)).toThrow(/sort "ngay"/);
  });

  it('refuses an order of another length', () => {
    expect(() => renumberMeta(meta(), [0, 1], () => 'x')).toThrow(/length/);
  });
});

describe('filters', () => {
  it('renumbers each value’s pages, in ascending order', () => {
    const filter: CborValue = [
      'nam',
      [
        ['2025', [0, 2]],
        ['2026', [1]],
      ],
    ];
    expect(renumberFilter(filter, [2, 0, 1])).toEqual([
      'nam',
      [
        ['2025', [1, 2]],
        ['2026', [0]],
      ],
    ]);
  });

  it('renames the files pf_meta lists, and refuses one it has no name for', () => {
    const renamed = renameFilters(
      meta(),
      new Map([
        ['vi_f1', 'vi_n1'],
        ['vi_f2', 'vi_n2'],
      ]),
    );
    expect(metaFilters(renamed)).toEqual([
      { filter: 'nam', file: 'vi_n1' },
      { filter: 'loai', file: 'vi_n2' },
    ]);
    expect(() => renameFilters(meta(), new Map([['vi_f1', 'vi_n1']]))).toThrow(/vi_f2/);
  });
});

describe('renumberWords', () => {
  const word: PackedWord = {
    key: 'bao',
    pages: [],
    variants: [
      {
        form: 'báo',
        pages: [
          { page: 0, locs: [-25, 4], metaLocs: [] },
          { page: 2, locs: [-25, 9], metaLocs: [] },
        ],
      },
      { form: 'bảo', pages: [{ page: 1, locs: [-25, 7], metaLocs: [] }] },
      { form: 'bão', pages: [{ page: 1, locs: [], metaLocs: [-5, 1] }] },
    ],
  };

  it('renumbers postings in page order and lists spellings as Pagefind meets them', () => {
    // New numbers: 0 → 2, 1 → 0, 2 → 1.
    const [out] = renumberWords([word], [2, 0, 1]);
    expect(out?.variants.map((variant) => variant.form)).toEqual(['bảo', 'bão', 'báo']);
    expect(out?.variants[2]?.pages.map((page) => page.page)).toEqual([1, 2]);
    expect(out?.variants[2]?.pages[0]?.locs).toEqual([-25, 9]);
  });

  it('lists spellings first met on one page in UTF-8 order, text before metadata', () => {
    const [out] = renumberWords(
      [
        {
          key: 'bao',
          pages: [],
          variants: [
            { form: 'bão', pages: [{ page: 0, locs: [], metaLocs: [-5, 1] }] },
            { form: 'bảo', pages: [{ page: 0, locs: [-25, 7], metaLocs: [] }] },
            { form: 'báo', pages: [{ page: 0, locs: [-25, 3], metaLocs: [] }] },
          ],
        },
      ],
      [0],
    );
    expect(out?.variants.map((variant) => variant.form)).toEqual(['báo', 'bảo', 'bão']);
  });

  it('refuses a page the order does not know', () => {
    expect(() => renumberWords([word], [0, 1])).toThrow(/no page 2/);
  });
});
