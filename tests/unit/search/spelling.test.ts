import { describe, expect, it } from 'vitest';
import { bareWord, closestSpelling, editDistance } from '../../../src/lib/search/spelling.ts';

describe('editDistance', () => {
  it.each([
    ['lech', 'lech', 0],
    ['lehc', 'lech', 1],
    ['vine', 'vien', 1],
    ['dang', 'dan', 1],
    ['le', 'lech', 2],
    ['kitten', 'sitting', 3],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('bareWord', () => {
  it.each([
    ['Lệch', 'lech'],
    ['Đảng', 'dang'],
    ['thuỷ', 'thuy'],
  ])('%s → %s', (word, bare) => {
    expect(bareWord(word)).toBe(bare);
  });
});

describe('closestSpelling', () => {
  it.each([
    ['lehc', ['lễ', 'lên', 'lệch'], 'lệch'],
    ['vine', ['vinh', 'viên'], 'vinh'],
    ['dnag', ['đảng', 'dân'], 'đảng'],
    ['lehc', ['lên'], 'lên'],
  ])('%s among %j → %s', (typed, candidates, expected) => {
    expect(closestSpelling(typed, candidates)).toBe(expected);
  });

  it.each([
    ['lehc', []],
    ['lehc', ['lehc']],
    ['xyzw', ['đảng', 'viên']],
  ])('%s among %j → nothing', (typed, candidates) => {
    expect(closestSpelling(typed, candidates)).toBeUndefined();
  });
});
