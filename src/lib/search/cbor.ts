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

/**
 * Writes CBOR with the shortest heads, byte for byte what Pagefind's encoder writes, into a buffer
 * that doubles as it fills: an index of thousands of pages is tens of megabytes, which as an array
 * of numbers (or a tree built first) would cost the build hundreds.
 */
export class CborWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  private readonly utf8 = new TextEncoder();

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + bytes) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  private head(major: number, length: number): void {
    const type = major << 5;
    this.room(5);
    const out = this.buffer;
    if (length < 24) out[this.length++] = type | length;
    else if (length < 0x100) {
      out[this.length++] = type | 24;
      out[this.length++] = length;
    } else if (length < 0x10000) {
      out[this.length++] = type | 25;
      out[this.length++] = length >> 8;
      out[this.length++] = length & 0xff;
    } else if (length < 0x100000000) {
      out[this.length++] = type | 26;
      out[this.length++] = (length >>> 24) & 0xff;
      out[this.length++] = (length >>> 16) & 0xff;
      out[this.length++] = (length >>> 8) & 0xff;
      out[this.length++] = length & 0xff;
    } else throw new Error(`CBOR: length ${length} too large`);
  }

  /** An array of `items` values: write them next. */
  array(items: number): this {
    this.head(4, items);
    return this;
  }

  number(item: number): this {
    if (!Number.isInteger(item)) throw new Error(`CBOR: ${item} is not an integer`);
    if (item >= 0) this.head(0, item);
    else this.head(1, -1 - item);
    return this;
  }

  string(item: string): this {
    const bytes = this.utf8.encode(item);
    this.head(3, bytes.length);
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  value(item: CborValue): this {
    if (typeof item === 'number') return this.number(item);
    if (typeof item === 'string') return this.string(item);
    this.array(item.length);
    for (const child of item) this.value(child);
    return this;
  }

  /** What was written. */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Encodes a value with the shortest heads, byte for byte what Pagefind's encoder writes. */
export function encodeCbor(value: CborValue): Uint8Array {
  return new CborWriter().value(value).bytes();
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
