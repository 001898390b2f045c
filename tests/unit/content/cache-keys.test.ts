import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { digestOf, withCacheKeys } from '../../../src/lib/content/cache-keys.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('digestOf', () => {
  it.each([
    ['key order', { a: 1, b: [2, 3] }, { b: [2, 3], a: 1 }],
    ['Map order', new Map([['x', 1], ['y', 2]]), new Map([['y', 2], ['x', 1]])],
    ['Set order', new Set(['a', 'b']), new Set(['b', 'a'])],
    ['equal dates', new Date('2026-11-28T00:00:00Z'), new Date('2026-11-28T07:00:00+07:00')],
    ['equal bytes', new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3])],
  ])('is the same whatever the %s', (_, a, b) => {
    expect(digestOf(a)).toBe(digestOf(b));
  });

  it.each([
    ['a changed string', { title: 'Thời sự' }, { title: 'Thời sự tháng 9' }],
    ['a missing key and an undefined one', {}, { next: undefined }],
    ['a string and a number', ['1'], [1]],
    ['array order', ['a', 'b'], ['b', 'a']],
    ['a changed date', new Date('2026-11-28'), new Date('2026-11-29')],
    ['changed bytes', new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4])],
    ['a deep change', { issue: { sections: [{ body: 'a' }] } }, { issue: { sections: [{ body: 'b' }] } }],
    ['a key in the value', { 'a=b': 1 }, { a: 'b=1' }],
    ['a line break in a string', ['a\nb'], ['a', 'b']],
    [
      'a quote in a Map key',
      new Map([['a="b', 'c']]),
      new Map([['a', 'b"="c']]),
    ],
    ['a string that reads as a number', ['number:1'], [1]],
    ['a long string changed at its end', { body: `${'x'.repeat(600)}a` }, { body: `${'x'.repeat(600)}b` }],
    ['a long string and its hash written out', ['y'.repeat(600)], [`s${sha('y'.repeat(600))}`]],
  ])('tells apart %s', (_, a, b) => {
    expect(digestOf(a)).not.toBe(digestOf(b));
  });

  it('gives a long string the same digest each time it is met', () => {
    const body = 'Nội dung dài của một mục. '.repeat(40);
    expect(digestOf({ body })).toBe(digestOf({ body: `${body}` }));
  });

  it('refuses a function, which cannot be keyed', () => {
    expect(() => digestOf({ render: () => 'x' })).toThrow(TypeError);
  });

  it('reads a shared object once per memo, and a later change only with a new memo', () => {
    const shared = { title: 'Tháng 11' };
    const memo = new WeakMap<object, string>();
    const before = digestOf({ a: shared }, memo);
    shared.title = 'Tháng 12';
    expect(digestOf({ a: shared }, memo)).toBe(before);
    expect(digestOf({ a: shared })).not.toBe(before);
  });
});

describe('withCacheKeys', () => {
  const paths = [
    { params: { month: '2026-10' }, props: { title: 'Tháng 10' } },
    { params: { month: '2026-11' }, props: { title: 'Tháng 11' } },
  ];

  it('keeps params and props and adds a key per path', () => {
    const keyed = withCacheKeys('thang/[month]', paths, () => 'site');
    expect(keyed.map(({ params, props }) => ({ params, props }))).toEqual(paths);
    expect(new Set(keyed.map((path) => path.cacheKey)).size).toBe(2);
  });

  it('changes the key when what the path reads changes, and only that path’s', () => {
    const before = withCacheKeys('thang/[month]', paths, () => 'a');
    const after = withCacheKeys('thang/[month]', paths, (path) => (path.params.month === '2026-11' ? 'b' : 'a'));
    expect(after[0]?.cacheKey).toBe(before[0]?.cacheKey);
    expect(after[1]?.cacheKey).not.toBe(before[1]?.cacheKey);
  });

  it('differs between routes with the same params and props', () => {
    const [a] = withCacheKeys('thang/[month]/in', paths, () => '');
    const [b] = withCacheKeys('thang/[month]/ke-hoach', paths, () => '');
    expect(a?.cacheKey).not.toBe(b?.cacheKey);
  });
});
