import { describe, expect, it } from 'vitest';
import { effectiveTheme, parseTheme } from '../../../src/lib/reader/theme.ts';

describe.each([
  ['dark', 'dark'],
  ['light', 'light'],
  ['', undefined],
  ['blue', undefined],
  [null, undefined],
])('parseTheme(%s)', (stored, expected) => {
  it(`is ${expected}`, () => expect(parseTheme(stored)).toBe(expected));
});

describe.each([
  [undefined, true, 'dark'],
  [undefined, false, 'light'],
  ['light', true, 'light'],
  ['dark', false, 'dark'],
] as const)('effectiveTheme(%s, system dark: %s)', (chosen, systemDark, expected) => {
  it(`is ${expected}: the reader's choice wins over the system`, () =>
    expect(effectiveTheme(chosen, systemDark)).toBe(expected));
});
