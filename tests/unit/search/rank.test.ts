import { describe, expect, it } from 'vitest';
import { adjacency, newerFirstAmongTies, rankByAdjacency, type PhraseHits } from '../../../src/lib/search/rank.ts';

const hits: PhraseHits = {
  whole: new Set(['phrase']),
  titled: new Set(['phrase']),
  pairs: [new Set(['phrase', 'two-pairs', 'one-pair']), new Set(['phrase', 'two-pairs']), new Set(['phrase'])],
};

describe('adjacency', () => {
  it.each([
    ['phrase', 3 + 1 + 3],
    ['two-pairs', 2],
    ['one-pair', 1],
    ['scattered', 0],
  ])('%s → %i', (id, expected) => {
    expect(adjacency(id, hits)).toBe(expected);
  });
});

describe('rankByAdjacency', () => {
  it('puts the phrase first, then more pairs, keeping Pagefind’s order among equals', () => {
    const results = ['scattered', 'one-pair', 'other-scattered', 'two-pairs', 'phrase'].map((id) => ({ id }));
    expect(rankByAdjacency(results, hits).map((result) => result.id)).toEqual([
      'phrase',
      'two-pairs',
      'one-pair',
      'scattered',
      'other-scattered',
    ]);
  });

  it('changes nothing without phrase hits', () => {
    const results = [{ id: 'b' }, { id: 'a' }];
    expect(rankByAdjacency(results, { whole: new Set(), titled: new Set(), pairs: [] })).toEqual(results);
  });
});

describe('newerFirstAmongTies', () => {
  it('breaks wider ties between pages titled alike', () => {
    const results = [
      { id: 'old', score: 1.0, recency: 2, titled: true },
      { id: 'new', score: 0.8, recency: 0, titled: true },
      { id: 'untitled-old', score: 1.0, recency: 3, titled: false },
      { id: 'untitled-new', score: 0.8, recency: 1, titled: false },
    ];
    expect(
      newerFirstAmongTies(results.slice(0, 2), [1, 1], (result) => result.titled).map((result) => result.id),
    ).toEqual(['new', 'old']);
    expect(newerFirstAmongTies(results.slice(2), [1, 1], (result) => result.titled).map((result) => result.id)).toEqual(
      ['untitled-old', 'untitled-new'],
    );
  });

  it('orders near-equal scores of equal adjacency by date, newest first', () => {
    const results = [
      { id: 'sep', score: 1.0, recency: 3 },
      { id: 'nov', score: 0.98, recency: 1 },
      { id: 'oct', score: 0.99, recency: 2 },
      { id: 'low', score: 0.5, recency: 0 },
    ];
    expect(newerFirstAmongTies(results, [1, 1, 1, 1]).map((result) => result.id)).toEqual(['nov', 'oct', 'sep', 'low']);
  });

  it('never lets a newer page jump a page of higher adjacency or a clearly better score', () => {
    const results = [
      { id: 'phrase', score: 1.0, recency: 3 },
      { id: 'pair', score: 1.0, recency: 0 },
      { id: 'better', score: 0.9, recency: 2 },
      { id: 'worse', score: 0.5, recency: 1 },
    ];
    expect(newerFirstAmongTies(results, [2, 1, 1, 1]).map((result) => result.id)).toEqual([
      'phrase',
      'pair',
      'better',
      'worse',
    ]);
  });
});
