import { describe, expect, it } from 'vitest';
import { joinChunks, parseByteRanges, parseRangeName, rangeHeader, rangeName } from '../../../src/lib/search/ranges.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('range names', () => {
  it('names a chunk by its byte range and reads it back', () => {
    expect(rangeName('vi_3f2a1c0', 1000, 4500)).toBe('vi_3f2a1c0_rs_3h0');
    expect(parseRangeName('vi_3f2a1c0_rs_3h0')).toEqual({ offset: 1000, length: 4500 });
  });

  it.each(['vi_3f2a1c0', 'vi', 'vi_3f2a1c0_0_0', 'vi_x_y!'])('reads no range from %s', (name) => {
    expect(parseRangeName(name)).toBeUndefined();
  });

  it('joins chunks end to end and names each by where it lies', () => {
    const { file, names } = joinChunks(
      new Map([
        ['vi_a', bytes('abc')],
        ['vi_b', bytes('defgh')],
      ]),
    );
    expect(text(file)).toBe('abcdefgh');
    expect([...names]).toEqual([
      ['vi_a', 'vi_a_0_3'],
      ['vi_b', 'vi_b_3_5'],
    ]);
  });

  it('asks for several ranges in one header', () => {
    expect(
      rangeHeader([
        { offset: 0, length: 3 },
        { offset: 10, length: 5 },
      ]),
    ).toBe('bytes=0-2,10-14');
  });
});

describe('parseByteRanges', () => {
  const part = (first: number, data: string) =>
    `--XYZ\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${first}-${first + data.length - 1}/100\r\n\r\n${data}\r\n`;

  it('reads every part of a multipart/byteranges body, binary bytes included', () => {
    const body = bytes(`\r\n${part(0, 'abc')}${part(10, '--XYZ\r\n\r\nzz')}--XYZ--\r\n`);
    expect(parseByteRanges(body, 'XYZ').map((item) => [item.offset, text(item.bytes)])).toEqual([
      [0, 'abc'],
      [10, '--XYZ\r\n\r\nzz'],
    ]);
  });

  it.each([
    ['no closing boundary', `${part(0, 'abc')}`, /no closing boundary/],
    ['a part without Content-Range', '--XYZ\r\nContent-Type: x\r\n\r\nabc\r\n--XYZ--', /without Content-Range/],
    ['a truncated part', '--XYZ\r\nContent-Range: bytes 0-99/100\r\n\r\nabc', /truncated/],
  ])('refuses %s', (_name, body, message) => {
    expect(() => parseByteRanges(bytes(body), 'XYZ')).toThrow(message);
  });
});
