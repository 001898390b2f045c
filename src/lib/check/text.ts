/**
 * Page and data files as text: strictly UTF-8, a byte-order mark (Windows Notepad writes one)
 * accepted and dropped, anything else reported with the line of its first bad byte.
 */

/** The decoded text, or the 1-based line where the bytes stop being UTF-8. */
export type DecodedText = { text: string } | { invalidLine: number };

/** Decodes a file's bytes as UTF-8 without guessing. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    // fatal: refuse instead of substituting U+FFFD; the BOM is dropped by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { invalidLine: lineOfOffset(bytes, firstInvalidOffset(bytes)) };
  }
}

/** Drops a leading byte-order mark from text that was already decoded. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidOffset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) {
      if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    }
    // Overlong forms and surrogates are caught by TextDecoder; point at their lead byte.
    if (length === 3 && byte === 0xe0 && (bytes[index + 1] ?? 0) < 0xa0) return index;
    if (length === 3 && byte === 0xed && (bytes[index + 1] ?? 0) >= 0xa0) return index;
    if (length === 4 && byte === 0xf0 && (bytes[index + 1] ?? 0) < 0x90) return index;
    if (length === 4 && byte === 0xf4 && (bytes[index + 1] ?? 0) >= 0x90) return index;
    index += length;
  }
  return bytes.length;
}

/** The 1-based line of a byte offset. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}
