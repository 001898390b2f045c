/**
 * What a file really is, from its first bytes (magic numbers), not from its name: a ".pdf" that
 * is an HTML page, or a ".jpg" that is an SVG, must not pass for what its extension says.
 */
import { t } from '../../i18n/vi.ts';

/** The file families the portal can tell apart. */
export type SniffedType =
  'pdf' | 'ole' | 'zip' | 'jpeg' | 'png' | 'webp' | 'gif' | 'mp3' | 'mp4' | 'markup' | 'unknown';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The family of a file from its first bytes. */
export function sniffType(head: Uint8Array): SniffedType {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0x50, 0x4b]) && [0x0304, 0x0506, 0x0708].includes(((head[2] ?? 0) << 8) | (head[3] ?? 0)))
    return 'zip';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('ftyp'), 4)) return 'mp4';
  // An ID3 tag, or straight into an MPEG audio frame (11 sync bits set).
  if (startsWith(head, ascii('ID3')) || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  // Anything a browser could take for a page or an SVG, after a BOM and blank space.
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, 256))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(?:!doctype|html|head|body|script|svg|\?xml|!--|iframe|div|meta)/.test(text)) return 'markup';
  return 'unknown';
}

/** Attachments (files/…) a cell can open, by extension, with the family their bytes must have. */
export const ATTACHMENT_TYPES: Readonly<Record<string, SniffedType>> = {
  pdf: 'pdf',
  doc: 'ole',
  xls: 'ole',
  ppt: 'ole',
  docx: 'zip',
  xlsx: 'zip',
  pptx: 'zip',
  odt: 'zip',
  ods: 'zip',
  odp: 'zip',
  zip: 'zip',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  mp3: 'mp3',
  m4a: 'mp4',
  mp4: 'mp4',
};

/** Images (images/…) the pages, the PDF and the Word file can all show. */
export const IMAGE_TYPES: Readonly<Record<string, SniffedType>> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
};

/** Why an image's bytes end before the image does, or null when its end marker is there. */
export function truncation(type: SniffedType, size: number, head: Uint8Array, tail: Uint8Array): string | null {
  if (type === 'jpeg') {
    // A JPEG ends with the EOI marker FF D9; encoders may pad a few zero bytes after it.
    let end = tail.length;
    while (end > 0 && tail[end - 1] === 0) end -= 1;
    return tail[end - 2] === 0xff && tail[end - 1] === 0xd9 ? null : t('check.truncated.jpeg');
  }
  if (type === 'png') {
    // The last chunk of a PNG is IEND (length 0, then "IEND" and its CRC).
    const iend = ascii('IEND');
    return startsWith(tail, iend, tail.length - 8) ? null : t('check.truncated.png');
  }
  if (type === 'webp') {
    // RIFF declares the file's length after its first 8 bytes.
    const declared = ((head[4] ?? 0) | ((head[5] ?? 0) << 8) | ((head[6] ?? 0) << 16) | ((head[7] ?? 0) << 24)) >>> 0;
    return declared + 8 <= size ? null : t('check.truncated.webp');
  }
  return null;
}

/** A Vietnamese name for a family, for messages. */
export function describeSniffed(type: SniffedType): string {
  return t(`check.type.${type}`);
}
