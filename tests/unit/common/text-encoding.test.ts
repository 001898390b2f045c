import { describe, expect, it } from 'vitest';
import { findLegacyEncoding, toNfc } from '../../../src/lib/common/text-encoding.ts';

describe('findLegacyEncoding', () => {
  it.each([
    ['TCVN3 "Đảng viên"', '§¶ng viªn', '§¶ng'],
    ['TCVN3 "sinh hoạt"', 'sinh ho¹t chi bé', 'ho¹t'],
    ['VNI "Đảng viên"', 'Ñaûng vieân', 'Ñaûng'],
    ['VNI "học tập"', 'hoïc taäp', 'hoïc'],
  ])('flags %s', (_label, text, word) => {
    expect(findLegacyEncoding(text)?.word).toBe(word);
  });

  it.each([
    ['Unicode Vietnamese', 'Đảng viên học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'],
    ['upper case', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
    ['a temperature', 'Nhiệt độ 25°C'],
    ['a section sign on its own', 'Xem § 3'],
    ['English', 'PDF, Word, ZIP'],
  ])('accepts %s', (_label, text) => {
    expect(findLegacyEncoding(text)).toBeNull();
  });

  it('reports the line of the first hit', () => {
    expect(findLegacyEncoding('dòng một\ndòng hai\nsinh ho¹t')).toEqual({ word: 'ho¹t', line: 3 });
  });
});

describe('toNfc', () => {
  it('composes decomposed text', () => {
    const decomposed = 'Tỉnh uỷ'.normalize('NFD');
    expect(decomposed).not.toBe('Tỉnh uỷ');
    expect(toNfc(decomposed)).toBe('Tỉnh uỷ');
  });
});
