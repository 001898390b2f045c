import { describe, expect, it } from 'vitest';
import { formatSize } from '../../../src/lib/common/sizes.ts';

describe('formatSize (Vietnamese decimal comma)', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1,5 KB'],
    [870_400, '850 KB'],
    [1_048_575, '1 MB'],
    [1_258_291, '1,2 MB'],
    [10 * 1024 * 1024, '10 MB'],
    [3 * 1024 ** 3, '3 GB'],
  ])('%i bytes → %s', (bytes, expected) => {
    expect(formatSize(bytes)).toBe(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (bytes) => {
    expect(() => formatSize(bytes)).toThrow(RangeError);
  });
});
