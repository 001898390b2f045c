import { describe, expect, it } from 'vitest';
import { MAX_CHUNK, pickVietnameseVoice, speechChunks } from '../../../src/lib/reader/speech.ts';

describe('pickVietnameseVoice', () => {
  it.each([
    ['no voices', [], undefined],
    ['only English', [{ lang: 'en-US', name: 'Samantha' }], undefined],
    [
      'a Vietnamese voice among others',
      [
        { lang: 'en-US', name: 'A' },
        { lang: 'vi-VN', name: 'Linh' },
      ],
      'Linh',
    ],
    ['underscore tags (Android)', [{ lang: 'vi_VN', name: 'An' }], 'An'],
    ['a bare "vi" tag', [{ lang: 'vi', name: 'Mai' }], 'Mai'],
    [
      'an on-device voice over a network one',
      [
        { lang: 'vi-VN', name: 'Mạng', localService: false },
        { lang: 'vi-VN', name: 'Máy', localService: true },
      ],
      'Máy',
    ],
    [
      'not fooled by "vie" or "Vietnamese" in other tags',
      [
        { lang: 'en-VI', name: 'X' },
        { lang: 'vie', name: 'Y' },
      ],
      undefined,
    ],
  ])('%s', (_, voices, expected) => {
    expect(pickVietnameseVoice(voices)?.name).toBe(expected);
  });
});

describe('speechChunks', () => {
  it.each([
    ['empty text', '   ', []],
    ['one short sentence', 'Bác Hồ kính yêu.', ['Bác Hồ kính yêu.']],
    ['spaces and line breaks collapsed', 'Một  câu\n  ngắn.', ['Một câu ngắn.']],
  ])('%s', (_, text, expected) => {
    expect(speechChunks(text)).toEqual(expected);
  });

  it('keeps every piece within the limit, in order, losing no word', () => {
    const sentence = 'Chi bộ sinh hoạt đều đặn, nền nếp, có chất lượng và đúng quy định của Điều lệ Đảng. ';
    const text = sentence.repeat(12) + 'x'.repeat(10) + ' ' + 'dài '.repeat(100);
    const chunks = speechChunks(text);
    expect(chunks.every((chunk) => chunk.length <= MAX_CHUNK)).toBe(true);
    expect(chunks.join(' ').split(' ')).toEqual(text.trim().replace(/\s+/g, ' ').split(' '));
  });

  it('cuts a long sentence at a space', () => {
    expect(speechChunks('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
  });
});
