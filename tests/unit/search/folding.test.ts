import { describe, expect, it } from 'vitest';
import {
  alternateTonePlacement,
  foldStroke,
  foldVietnamese,
  hasStroke,
  spellings,
} from '../../../src/lib/search/folding.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Đảng uỷ', 'dang uy'],
    ['sinh hoạt chi bộ', 'sinh hoat chi bo'],
    ['ĐÁNH GIÁ', 'danh gia'],
    ['học tập và làm theo Bác', 'hoc tap va lam theo bac'],
    ['Tự soi, tự sửa'.normalize('NFD'), 'tu soi, tu sua'],
    ['dang vien', 'dang vien'],
    ['', ''],
  ])('%s → %s', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
  });
});

describe('foldStroke', () => {
  it.each([
    ['đảng', 'dảng'],
    ['Đảng', 'Dảng'],
    ['đang', 'dang'],
    ['dạng', 'dạng'],
    ['đđ', 'dd'],
  ])('%s → %s', (text, folded) => {
    expect(foldStroke(text)).toBe(folded);
  });

  it.each([
    ['đảng', true],
    ['ĐẢNG', true],
    ['dạng', false],
    ['đảng'.normalize('NFD'), true],
  ])('hasStroke(%s) is %s', (text, expected) => {
    expect(hasStroke(text)).toBe(expected);
  });
});

describe('alternateTonePlacement', () => {
  it.each([
    ['hoá', 'hóa'],
    ['hóa', 'hoá'],
    ['thuỷ', 'thủy'],
    ['thủy', 'thuỷ'],
    ['uỷ', 'ủy'],
    ['ủy', 'uỷ'],
    ['Uỷ', 'Ủy'],
    ['khoẻ', 'khỏe'],
    ['khỏe', 'khoẻ'],
    ['hoà', 'hòa'],
    ['tuỳ', 'tùy'],
    ['loạ', 'lọa'],
    ['hoá'.normalize('NFD'), 'hóa'],
  ])('%s ↔ %s', (word, other) => {
    expect(alternateTonePlacement(word)).toBe(other);
  });

  it.each([
    ['hoàn', 'a closed syllable is spelt one way'],
    ['thuyền', 'a closed syllable is spelt one way'],
    ['khuỷu', 'the mark sits inside a longer vowel group'],
    ['quý', 'the u belongs to qu'],
    ['quả', 'the u belongs to qu'],
    ['của', 'ua is not a movable pair'],
    ['người', 'no oa, oe or uy'],
    ['hoa', 'no tone mark'],
    ['dang', 'no vowel pair'],
  ])('%s has one spelling (%s)', (word) => {
    expect(alternateTonePlacement(word)).toBeUndefined();
  });
});

describe('spellings', () => {
  it.each([
    ['hoá', ['hoá', 'hóa']],
    ['đảng', ['đảng']],
    ['ủy'.normalize('NFD'), ['ủy', 'uỷ']],
  ])('%s → %j', (word, expected) => {
    expect(spellings(word)).toEqual(expected);
  });
});
