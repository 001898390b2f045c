import { describe, expect, it } from 'vitest';
import { DEFAULT_FONT_SIZE, nextFontSize, parseFontSize } from '../../../src/lib/reader/font-size.ts';

describe('font-size steps', () => {
  it.each([
    [1, 1, 2],
    [4, 1, 4],
    [1, -1, 0],
    [0, -1, 0],
    [4, 0, DEFAULT_FONT_SIZE],
  ])('from %i, change %i → %i', (current, change, expected) => {
    expect(nextFontSize(current, change)).toBe(expected);
  });

  it.each([
    ['3', 3],
    ['0', 0],
    [null, DEFAULT_FONT_SIZE],
    ['9', DEFAULT_FONT_SIZE],
    ['big', DEFAULT_FONT_SIZE],
  ])('stored %j reads as %i', (stored, expected) => {
    expect(parseFontSize(stored)).toBe(expected);
  });
});
