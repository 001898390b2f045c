/**
 * The small part of CBOR (RFC 8949) that Pagefind's index files use: integers, text strings and
 * definite-length arrays. Encoding is canonical (shortest heads), as Pagefind's own encoder writes it.
 */

/** A CBOR value of the subset Pagefind uses. */
export type CborValue = number | string | CborValue[];

/** Decodes one CBOR value from the bytes; throws on anything outside the subset. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;

  const readLength = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(offset++);
    if (info === 25) {
      offset += 2;
      return view.getUint16(offset - 2);
    }
    if (info === 26) {
      offset += 4;
      return view.getUint32(offset - 4);
    }
    if (info === 27) {
      offset += 8;
      return Number(view.getBigUint64(offset - 8));
    }
    throw new Error(`CBOR: unsupported length ${info} at ${offset}`);
  };

  const read = (): CborValue => {
    const head = view.getUint8(offset++);
    const major = head >> 5;
    const length = readLength(head & 0x1f);
    if (major === 0) return length;
    if (major === 1) return -1 - length;
    if (major === 3) {
      const value = text.decode(bytes.subarray(offset, offset + length));
      offset += length;
      return value;
    }
    if (major === 4) {
      const items: CborValue[] = [];
      for (let i = 0; i < length; i++) items.push(read());
      return items;
    }
    throw new Error(`CBOR: unsupported major type ${major} at ${offset - 1}`);
  };

  const value = read();
  if (offset !== bytes.byteLength) throw new Error(`CBOR: ${bytes.byteLength - offset} trailing bytes`);
  return value;
}

/** Encodes a value with the shortest heads, byte for byte what Pagefind's encoder writes. */
export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  const utf8 = new TextEncoder();

  const head = (major: number, length: number) => {
    const type = major << 5;
    if (length < 24) out.push(type | length);
    else if (length < 0x100) out.push(type | 24, length);
    else if (length < 0x10000) out.push(type | 25, length >> 8, length & 0xff);
    else if (length < 0x100000000)
      out.push(type | 26, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
    else throw new Error(`CBOR: length ${length} too large`);
  };

  const write = (item: CborValue): void => {
    if (typeof item === 'number') {
      if (!Number.isInteger(item)) throw new Error(`CBOR: ${item} is not an integer`);
      if (item >= 0) head(0, item);
      else head(1, -1 - item);
    } else if (typeof item === 'string') {
      const bytes = utf8.encode(item);
      head(3, bytes.length);
      for (const byte of bytes) out.push(byte);
    } else {
      head(4, item.length);
      for (const child of item) write(child);
    }
  };

  write(value);
  return Uint8Array.from(out);
}

/** The value as an array, or an error naming what was expected (`what`). */
export function asArray(value: CborValue | undefined, what: string): CborValue[] {
  if (!Array.isArray(value)) throw new Error(`Pagefind index: ${what} is not an array`);
  return value;
}

/** The value as a number, or an error naming what was expected. */
export function asNumber(value: CborValue | undefined, what: string): number {
  if (typeof value !== 'number') throw new Error(`Pagefind index: ${what} is not a number`);
  return value;
}

/** The value as a string, or an error naming what was expected. */
export function asString(value: CborValue | undefined, what: string): string {
  if (typeof value !== 'string') throw new Error(`Pagefind index: ${what} is not a string`);
  return value;
}
