import { describe, expect, it } from 'vitest';
import { compactDocumentNumbers, endsInShortWord, expandQuery, withoutOneWord } from '../../../src/lib/search/query.ts';

describe('compactDocumentNumbers', () => {
  it.each([
    ['10-CT/TW', '10cttw'],
    ['10 CT/TW', '10cttw'],
    ['10 ct tw', '10cttw'],
    ['10CT-TW', '10cttw'],
    ['10-ct-tw', '10cttw'],
    ['10 - CT / TW', '10cttw'],
    ['Kết luận 18-KL/TW', 'kết luận 18kltw'],
    ['nghi quyet 21 nq tw', 'nghi quyet 21nqtw'],
    ['Hướng dẫn 12-HD/BTCTW,', 'hướng dẫn 12hdbtctw'],
    ['12 hd btctw', '12hdbtctw'],
    ['144-QĐ/TW', '144qđtw'],
    ['12-HD', '12hd'],
  ])('%s → %s', (typed, expected) => {
    expect(compactDocumentNumbers(typed)).toBe(expected);
  });

  it.each([
    ['Quy định 144', 'quy định 144'],
    ['12 tháng', '12 tháng'],
    ['năm 2026 có 12 kỳ', 'năm 2026 có 12 kỳ'],
    // "ve" (về) is no issuer: the number keeps its kind only.
    ['18 kl ve', '18kl ve'],
  ])('leaves ordinary words alone: %s', (typed, expected) => {
    expect(compactDocumentNumbers(typed)).toBe(expected);
  });
});

describe('expandQuery', () => {
  it('asks for the whole phrase and each neighbouring pair', () => {
    expect(expandQuery('nhan rong mo hinh')).toEqual({
      terms: ['nhan', 'rong', 'mo', 'hinh'],
      text: 'nhan rong mo hinh',
      phrases: ['"nhan rong mo hinh"', '"nhan rong"', '"rong mo"', '"mo hinh"'],
      citations: [],
    });
  });

  it('keeps the marks and the tone placement the reader typed, in NFC', () => {
    expect(expandQuery('Chi Uỷ Viên'.normalize('NFD')).terms).toEqual(['chi', 'uỷ', 'viên']);
  });

  it('has no phrase for one word, and drops punctuation and extra spaces', () => {
    expect(expandQuery('  đảng,  ')).toEqual({ terms: ['đảng'], text: 'đảng', phrases: [], citations: [] });
  });

  it('lists a repeated pair once', () => {
    expect(expandQuery('tu soi tu soi').phrases).toEqual(['"tu soi tu soi"', '"tu soi"', '"soi tu"']);
  });

  it('searches a document number as the one word Pagefind indexes', () => {
    expect(expandQuery('Chỉ thị 10-CT/TW')).toMatchObject({ terms: ['chỉ', 'thị', '10cttw'], text: 'chỉ thị 10cttw' });
  });

  it("passes a quoted query on as typed: Pagefind's own exact phrase", () => {
    expect(expandQuery('"Lũng Pìn Sáu"')).toEqual({
      terms: ['lũng', 'pìn', 'sáu'],
      text: '"Lũng Pìn Sáu"',
      phrases: [],
      citations: [],
    });
  });

  it('is empty for punctuation only', () => {
    expect(expandQuery(' - / ')).toEqual({ terms: [], text: '', phrases: [], citations: [] });
  });
});

describe('citedNumbers', () => {
  it.each([
    ['Quy định 144', ['144qd']],
    ['quy dinh so 144', ['144qd']],
    ['Nghị quyết 21 và Chỉ thị 10', ['21nq', '10ct']],
    ['HƯỚNG DẪN 12', ['12hd']],
    ['quy định mới', []],
    ['144 quy định', []],
  ])('%s → %j', (typed, expected) => {
    expect(expandQuery(typed).citations).toEqual(expected);
  });
});

describe('withoutOneWord', () => {
  it('drops each word in turn', () => {
    expect(withoutOneWord(['a', 'b', 'c'])).toEqual([
      { dropped: 'a', text: 'b c' },
      { dropped: 'b', text: 'a c' },
      { dropped: 'c', text: 'a b' },
    ]);
  });

  it('suggests nothing for one word', () => {
    expect(withoutOneWord(['a'])).toEqual([]);
  });
});

describe('endsInShortWord', () => {
  it.each([
    ['dang v', true],
    ['d', true],
    ['chi bo nong thon vung bien gi', true],
    ['Đả', true],
    ['ở', true],
    ['dang vie', false],
    ['dang vien', false],
    ['đảng', false],
    ['chi bo, ', true],
    ['10-CT/TW', false],
    ['', false],
    ['  ', false],
  ])('"%s" → %s', (input, expected) => {
    expect(endsInShortWord(input)).toBe(expected);
  });
});
