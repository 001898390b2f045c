import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor, type CborValue } from '../../../src/lib/search/cbor.ts';
import {
  chunkBounds,
  chunkWords,
  compareUtf8,
  decodeWordChunk,
  encodeWordChunk,
  foldIndexWords,
  mergePages,
  packLocations,
  rewriteWordIndex,
  unpackLocations,
  type PackedWord,
} from '../../../src/lib/search/word-index.ts';

describe('CBOR subset', () => {
  it.each<[string, CborValue, number[]]>([
    ['small uint', 5, [0x05]],
    ['uint8', 24, [0x18, 24]],
    ['uint16', 1000, [0x19, 0x03, 0xe8]],
    ['uint32', 70000, [0x1a, 0x00, 0x01, 0x11, 0x70]],
    ['negative', -25, [0x38, 24]],
    ['small negative', -1, [0x20]],
    ['text', 'đ', [0x62, 0xc4, 0x91]],
    ['empty array', [], [0x80]],
    ['nested', [1, ['a']], [0x82, 0x01, 0x81, 0x61, 0x61]],
  ])('%s', (_name, value, bytes) => {
    expect([...encodeCbor(value)]).toEqual(bytes);
    expect(decodeCbor(Uint8Array.from(bytes))).toEqual(value);
  });

  it('writes values larger than its first buffer', () => {
    const text = 'đ'.repeat(35_000);
    const numbers = Array.from({ length: 100_000 }, (_, i) => i * 7 - 50_000);
    const bytes = encodeCbor([text, numbers]);
    // A 70,000-byte string: the four-byte length head.
    expect([...bytes.subarray(0, 6)]).toEqual([0x82, 0x7a, 0x00, 0x01, 0x11, 0x70]);
    expect(decodeCbor(bytes)).toEqual([text, numbers]);
  });

  it.each([
    ['trailing bytes', [0x01, 0x02]],
    ['a map', [0xa0]],
    ['a float', [0xfb, 0, 0, 0, 0, 0, 0, 0, 0]],
  ])('rejects %s', (_name, bytes) => {
    expect(() => decodeCbor(Uint8Array.from(bytes))).toThrow(/CBOR/);
  });
});

describe('weighted locations', () => {
  it.each<[string, number[], Array<{ weight: number; position: number }>]>([
    [
      'body words at weight 24',
      [-25, 3, 4],
      [
        { weight: 24, position: 3 },
        { weight: 24, position: 7 },
      ],
    ],
    [
      'a heading after body text',
      [-25, 9, -145, 2],
      [
        { weight: 24, position: 9 },
        { weight: 144, position: 2 },
      ],
    ],
    ['no words', [], []],
  ])('%s round-trips', (_name, packed, positions) => {
    expect(unpackLocations(packed)).toEqual(positions);
    expect(packLocations(positions)).toEqual(packed);
  });
});

describe('mergePages', () => {
  it('unions postings, merging locations on a page both spellings share', () => {
    const merged = mergePages(
      [
        { page: 1, locs: [-25, 3], metaLocs: [] },
        { page: 4, locs: [-25, 1], metaLocs: [] },
      ],
      [
        { page: 1, locs: [-25, 3, 5], metaLocs: [-3, 0] },
        { page: 2, locs: [-25, 7], metaLocs: [] },
      ],
    );
    expect(merged).toEqual([
      { page: 1, locs: [-25, 3, 5], metaLocs: [-3, 0] },
      { page: 2, locs: [-25, 7], metaLocs: [] },
      { page: 4, locs: [-25, 1], metaLocs: [] },
    ]);
  });
});

const page = (n: number, ...positions: number[]) => ({
  page: n,
  locs: packLocations(positions.map((position) => ({ weight: 24, position }))),
  metaLocs: [],
});

describe('foldIndexWords', () => {
  const stock: PackedWord[] = [
    // "đang" as written, and "đảng" as its variant: Pagefind keeps đ in the key.
    { key: 'đang', pages: [page(0, 4)], variants: [{ form: 'đảng', pages: [page(1, 2), page(2, 8)] }] },
    { key: 'dang', pages: [], variants: [{ form: 'dạng', pages: [page(3, 1)] }] },
    {
      key: 'uy',
      pages: [],
      variants: [
        { form: 'uỷ', pages: [page(0, 6)] },
        { form: 'ủy', pages: [page(2, 3)] },
      ],
    },
    { key: 'đ', pages: [page(5, 0)], variants: [] },
  ];
  const folded = new Map(foldIndexWords(stock).map((word) => [word.key, word]));

  it('files every đ-word under its d-key too, keeping the đ spelling as the variant', () => {
    const dang = folded.get('dang');
    expect(dang?.pages).toEqual([]);
    expect(dang?.variants.map((variant) => variant.form).sort()).toEqual(['dạng', 'đang', 'đảng']);
    expect(dang?.variants.find((variant) => variant.form === 'đảng')?.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(dang?.variants.find((variant) => variant.form === 'đang')?.pages.map((p) => p.page)).toEqual([0]);
    expect(folded.get('d')?.variants).toEqual([{ form: 'đ', pages: [page(5, 0)] }]);
  });

  it('keeps the đ-key as it was, so a query typed with đ still finds it', () => {
    expect(folded.get('đang')).toEqual(stock[0]);
  });

  it('files each tone-mark placement under the other too', () => {
    const uy = folded.get('uy');
    expect(uy?.variants.find((variant) => variant.form === 'uỷ')?.pages.map((p) => p.page)).toEqual([0, 2]);
    expect(uy?.variants.find((variant) => variant.form === 'ủy')?.pages.map((p) => p.page)).toEqual([0, 2]);
  });

  it('sorts keys in UTF-8 byte order, as Pagefind compares them', () => {
    const keys = [...folded.keys()];
    expect(keys).toEqual([...keys].sort(compareUtf8));
    expect(compareUtf8('dang', 'đang')).toBeLessThan(0);
    expect(compareUtf8('z', 'đ')).toBeLessThan(0);
  });
});

describe('chunks', () => {
  const words: PackedWord[] = ['an', 'anh', 'ba', 'bac', 'cu'].map((key, i) => ({
    key,
    pages: [page(i, 1, 2)],
    variants: [],
  }));

  it('cuts a chunk once it holds the posting budget', () => {
    expect(chunkWords(words, 6).map((chunk) => chunk.map((word) => word.key))).toEqual([
      ['an', 'anh'],
      ['ba', 'bac'],
      ['cu'],
    ]);
  });

  it('trims bounds to the shortest distinguishing prefixes, as Pagefind does', () => {
    // "an" is not trimmed to "a": that would end the chunk before it starts.
    expect(chunkBounds(chunkWords(words, 6))).toEqual([
      { from: 'an', to: 'anh' },
      { from: 'b', to: 'b' },
      { from: 'c', to: 'cu' },
    ]);
  });

  it('round-trips a chunk through CBOR', () => {
    expect(decodeWordChunk(encodeWordChunk(words))).toEqual(words);
  });

  it('writes a chunk as the value Pagefind writes: [[key, pages, [[form, pages]…]]…], pages delta-numbered', () => {
    const pages = (list: PackedWord['pages']) =>
      list.map((entry, i) => [entry.page - (list[i - 1]?.page ?? 0), entry.locs, entry.metaLocs]);
    const spelled: PackedWord[] = [
      ...words,
      { key: 'dang', pages: [], variants: [{ form: 'đảng', pages: [page(3, 2), page(40, 1)] }] },
    ];
    const value: CborValue = [
      spelled.map((word) => [
        word.key,
        pages(word.pages),
        word.variants.map((variant) => [variant.form, pages(variant.pages)]),
      ]),
    ];
    expect(encodeWordChunk(spelled)).toEqual(encodeCbor(value));
  });
});

describe('rewriteWordIndex', () => {
  it('replaces the chunk list in pf_meta and names files by their hash', () => {
    const meta = encodeCbor(['1.6.0', [['vi_page', 10, '']], [['a', 'z', 'vi_old']], [], [], ['title']]);
    const chunk = encodeWordChunk([{ key: 'đang', pages: [page(0, 1)], variants: [] }]);
    const result = rewriteWordIndex({
      language: 'vi',
      meta,
      chunks: [chunk],
      chunkSize: 1000,
      hash: (bytes) => `h${bytes.length}`.padEnd(12, '0'),
    });
    const [name] = [...result.chunks.keys()];
    expect(name).toMatch(/^vi_h/);
    const decoded = decodeCbor(result.meta.bytes) as CborValue[];
    expect(decoded[2]).toEqual([['dang', 'đang', name]]);
    expect(decoded.slice(0, 2)).toEqual(['1.6.0', [['vi_page', 10, '']]]);
    expect(decodeWordChunk(result.chunks.get(name ?? '') ?? new Uint8Array()).map((word) => word.key)).toEqual([
      'dang',
      'đang',
    ]);
  });
});
