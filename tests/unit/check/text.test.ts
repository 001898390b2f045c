import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/lib/check/text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((part) => [...part]));

describe('decodeUtf8', () => {
  it('decodes Vietnamese UTF-8', () => {
    expect(decodeUtf8(utf8('Đảng viên\n'))).toEqual({ text: 'Đảng viên\n' });
  });

  it('drops a byte-order mark (Windows Notepad)', () => {
    expect(decodeUtf8(join(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('---\ntitle: "a"\n---\n')))).toEqual({
      text: '---\ntitle: "a"\n---\n',
    });
  });

  it.each([
    ['Latin-1 "é" on line 3', join(utf8('a\nb\n'), new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])), 3],
    ['Windows-1258 on line 1', new Uint8Array([0x43, 0xe1, 0x63]), 1],
    ['a sequence cut short on line 2', join(utf8('a\n'), new Uint8Array([0xe1, 0xbb])), 2],
    ['an overlong form', new Uint8Array([0xc0, 0xaf]), 1],
    ['a UTF-16 surrogate', join(utf8('a\nb\n'), new Uint8Array([0xed, 0xa0, 0x80])), 3],
  ])('refuses %s, with the line', (_name, bytes, line) => {
    expect(decodeUtf8(bytes)).toEqual({ invalidLine: line });
  });
});
