import { describe, expect, it } from 'vitest';
import { filterFiles, readPack, startupFiles, writePack } from '../../../src/lib/search/pack.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('search pack', () => {
  it('gives back every file byte for byte, in order, empty files included', () => {
    const files = new Map([
      ['pagefind-entry.json', new TextEncoder().encode('{"languages":{}}')],
      ['filter/vi_1.pf_filter', bytes()],
      ['wasm.unknown.pagefind', bytes(0x1f, 0x8b, 0, 255)],
    ]);
    const back = readPack(writePack(files));
    expect([...back.keys()]).toEqual([...files.keys()]);
    for (const [path, content] of files) expect([...(back.get(path) ?? [])]).toEqual([...content]);
  });

  it.each([
    ['not a pack', new TextEncoder().encode('<!doctype html>'), /not a pack file/],
    ['a truncated file', writePack(new Map([['a', bytes(1, 2, 3)]])).slice(0, -1), /a is truncated/],
    ['extra bytes', Uint8Array.from([...writePack(new Map([['a', bytes(1)]])), 9]), /bytes after the last file/],
  ])('refuses %s', (_name, pack, message) => {
    expect(() => readPack(pack)).toThrow(message);
  });

  it('packs the entry, each language pf_meta and wasm, sorted; no filter file, chunk or fragment', () => {
    const paths = [
      'filter/vi_2.pf_filter',
      'pagefind-entry.json',
      'pagefind.vi_abc.pf_meta',
      'pagefind.vi_old.pf_meta',
      'wasm.unknown.pagefind',
      'wasm.en.pagefind',
      'filter/vi_1.pf_filter',
      'index/vi_1.pf_index',
      'fragment/vi_1.pf_fragment',
      'pagefind.js',
    ];
    expect(startupFiles({ languages: { vi: { hash: 'vi_abc', wasm: null } } }, paths)).toEqual([
      'pagefind-entry.json',
      'pagefind.vi_abc.pf_meta',
      'wasm.unknown.pagefind',
    ]);
  });

  it("leaves the wasm out of the older period's pack, which shares the newest one's", () => {
    const paths = ['pagefind-entry.json', 'pagefind.vi_abc.pf_meta', 'wasm.unknown.pagefind'];
    expect(startupFiles({ languages: { vi: { hash: 'vi_abc', wasm: null } } }, paths, { wasm: false })).toEqual([
      'pagefind-entry.json',
      'pagefind.vi_abc.pf_meta',
    ]);
  });

  it("puts a language's filter files, sorted, in its filter pack, and no other file", () => {
    const paths = [
      'filter/vi_2.pf_filter',
      'filter/en_1.pf_filter',
      'filter/vi_1.pf_filter',
      'filter/vi_1.pf_filter.gz',
      'filter/vi_x/y.pf_filter',
      'pagefind.vi_abc.pf_meta',
      'index/vi_1.pf_index',
    ];
    expect(filterFiles('vi', paths)).toEqual(['filter/vi_1.pf_filter', 'filter/vi_2.pf_filter']);
    expect(filterFiles('en', paths)).toEqual(['filter/en_1.pf_filter']);
    expect(filterFiles('de', paths)).toEqual([]);
  });

  it('refuses a bundle that lacks a file the entry names', () => {
    expect(() => startupFiles({ languages: { vi: { hash: 'vi_abc' } } }, ['pagefind-entry.json'])).toThrow(
      /no pagefind\.vi_abc\.pf_meta/,
    );
  });
});
