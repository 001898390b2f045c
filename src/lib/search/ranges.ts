/**
 * Word chunks fetched in one request. A query of six words needs up to six word chunks, each its own
 * round trip; the build also writes the chunks end to end into one file and names each chunk after its
 * byte range there ("vi_3f2a1c0_1k4_9x"), so the search page asks for all the chunks a query needs
 * with one multi-range request (`Range: bytes=a-b,c-d`), which nginx and most static hosts answer with
 * multipart/byteranges. The chunk files stay, for a host that ignores ranges.
 * Imports nothing: it ships to the browser.
 */

/** The name of a chunk that records its byte range in the language's range file. */
export function rangeName(name: string, offset: number, length: number): string {
  return `${name}_${offset.toString(36)}_${length.toString(36)}`;
}

/** The byte range a chunk name records, or undefined for a plain chunk name. */
export function parseRangeName(name: string): { offset: number; length: number } | undefined {
  const match = /_([0-9a-z]+)_([0-9a-z]+)$/.exec(name);
  if (!match) return undefined;
  const offset = parseInt(match[1] ?? '', 36);
  const length = parseInt(match[2] ?? '', 36);
  return Number.isSafeInteger(offset) && Number.isSafeInteger(length) && length > 0 ? { offset, length } : undefined;
}

/** Chunks end to end in the order given, and each chunk's new name. */
export function joinChunks(chunks: ReadonlyMap<string, Uint8Array>): { file: Uint8Array; names: Map<string, string> } {
  const total = [...chunks.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  const file = new Uint8Array(total);
  const names = new Map<string, string>();
  let offset = 0;
  for (const [name, bytes] of chunks) {
    file.set(bytes, offset);
    names.set(name, rangeName(name, offset, bytes.length));
    offset += bytes.length;
  }
  return { file, names };
}

/** The Range header asking for the given ranges: "bytes=0-9,20-29". */
export function rangeHeader(ranges: ReadonlyArray<{ offset: number; length: number }>): string {
  return `bytes=${ranges.map((range) => `${range.offset}-${range.offset + range.length - 1}`).join(',')}`;
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/**
 * The parts of a multipart/byteranges body (RFC 9110 §14.6), each with its first byte offset; throws
 * on anything else, so the caller falls back to the chunk files.
 */
export function parseByteRanges(body: Uint8Array, boundary: string): Array<{ offset: number; bytes: Uint8Array }> {
  const parts: Array<{ offset: number; bytes: Uint8Array }> = [];
  const marker = `--${boundary}`;
  // Headers are ASCII: read them as Latin-1, one byte to one character, so indexes match the bytes.
  let position = 0;
  for (;;) {
    const start = indexOf(body, marker, position);
    if (start < 0) throw new Error('byteranges: no closing boundary');
    position = start + marker.length;
    if (body[position] === 0x2d && body[position + 1] === 0x2d) return parts;
    const headersEnd = indexOf(body, '\r\n\r\n', position);
    if (headersEnd < 0) throw new Error('byteranges: part without headers');
    const headers = latin1(body.subarray(position, headersEnd));
    const range = /content-range:\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)/i.exec(headers);
    if (!range) throw new Error('byteranges: part without Content-Range');
    const first = Number(range[1]);
    const length = Number(range[2]) - first + 1;
    const dataStart = headersEnd + 4;
    if (dataStart + length > body.length) throw new Error('byteranges: part is truncated');
    parts.push({ offset: first, bytes: body.subarray(dataStart, dataStart + length) });
    position = dataStart + length;
  }
}

function indexOf(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  outer: for (let i = from; i + text.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
