import { describe, expect, it } from 'vitest';
import { byOrder, neighbours } from '../../../src/lib/content/ordering.ts';

describe('byOrder', () => {
  it('sorts by order without touching the input', () => {
    const input = [
      { order: 3, id: 'c' },
      { order: 1, id: 'a' },
      { order: 2, id: 'b' },
    ];
    expect(byOrder(input).map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(input.map((item) => item.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('neighbours', () => {
  const items = ['một', 'hai', 'ba'];
  it.each([
    [0, { next: 'hai' }],
    [1, { previous: 'một', next: 'ba' }],
    [2, { previous: 'hai' }],
  ])('item %i', (index, expected) => {
    expect(neighbours(items, index)).toEqual(expected);
  });

  it('a single item has no neighbours', () => {
    expect(neighbours(['một'], 0)).toEqual({});
  });
});
