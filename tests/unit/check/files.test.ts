import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/vi.ts';
import { checkFiles, IMAGE_MAX_BYTES } from '../../../src/lib/check/files.ts';
import type { ContentFile } from '../../../src/lib/check/problem.ts';
import { sniffType, truncation } from '../../../src/lib/check/sniff.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_END = bytes([0, 0, 0, 0], 'IEND', [0xae, 0x42, 0x60, 0x82]);
const JPEG_START = [0xff, 0xd8, 0xff, 0xe0];

describe('sniffType', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n'), 'pdf'],
    ['Word 97 (OLE)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'ole'],
    ['docx / zip', bytes('PK', [3, 4], '[Content_Types].xml'), 'zip'],
    ['empty zip', bytes('PK', [5, 6]), 'zip'],
    ['JPEG', bytes(JPEG_START), 'jpeg'],
    ['PNG', bytes(PNG_SIGNATURE), 'png'],
    ['WebP', bytes('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['GIF', bytes('GIF89a'), 'gif'],
    ['MP3 with a tag', bytes('ID3', [4, 0]), 'mp3'],
    ['MP3 frame', bytes([0xff, 0xfb, 0x90]), 'mp3'],
    ['MP4 / M4A', bytes([0, 0, 0, 0x20], 'ftypM4A '), 'mp4'],
    ['HTML', bytes('<!DOCTYPE html><html>'), 'markup'],
    ['HTML after a BOM and blank lines', bytes([0xef, 0xbb, 0xbf], '\n\n  <html>'), 'markup'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>'), 'markup'],
    ['XML prologue', bytes('<?xml version="1.0"?><svg>'), 'markup'],
    ['script text', bytes('alert(document.cookie)'), 'unknown'],
  ])('%s is %s', (_name, head, type) => {
    expect(sniffType(head)).toBe(type);
  });
});

describe('truncation', () => {
  it.each([
    ['a whole JPEG', 'jpeg', bytes([1, 2, 0xff, 0xd9]), null],
    ['a JPEG padded after its end', 'jpeg', bytes([0xff, 0xd9, 0, 0]), null],
    ['a cut JPEG', 'jpeg', bytes([0x12, 0x34, 0x56, 0x78]), t('check.truncated.jpeg')],
    ['a whole PNG', 'png', PNG_END, null],
    ['a cut PNG', 'png', bytes([1, 2, 3, 4, 5, 6, 7, 8, 9]), t('check.truncated.png')],
  ] as const)('%s', (_name, type, tail, expected) => {
    expect(truncation(type, 100, new Uint8Array(), tail)).toBe(expected);
  });

  it('compares a WebP with the length its RIFF header declares', () => {
    const head = bytes('RIFF', [92, 0, 0, 0], 'WEBP');
    expect(truncation('webp', 100, head, new Uint8Array())).toBeNull();
    expect(truncation('webp', 60, head, new Uint8Array())).toBe(t('check.truncated.webp'));
  });
});

const file = (path: string, head: Uint8Array, tail: Uint8Array = head, size = 1000): ContentFile => ({
  path,
  size,
  head,
  tail,
});
const messagesOf = (files: ContentFile[]) => checkFiles(files).map((problem) => problem.message);

describe('checkFiles', () => {
  it('accepts the types a cell uses, by their bytes', () => {
    expect(
      messagesOf([
        file('content/thang/2026-11/files/ket-luan.pdf', bytes('%PDF-1.4')),
        file('content/thang/2026-11/files/bien-ban.docx', bytes('PK', [3, 4])),
        file('content/thang/2026-11/files/bang-diem.xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
        file('content/thang/2026-11/files/bai-hat.mp3', bytes('ID3')),
        file('content/thang/2026-11/images/bia.png', bytes(PNG_SIGNATURE), PNG_END),
        file('content/thang/2026-11/images/anh.jpg', bytes(JPEG_START), bytes([0xff, 0xd9])),
      ]),
    ).toEqual([]);
  });

  it.each([
    [
      'an SVG attachment',
      'files/so-do.svg',
      bytes('<svg><script>alert(1)</script></svg>'),
      /"so-do\.svg" không được đăng/,
    ],
    ['a script', 'files/tien-ich.js', bytes('alert(1)'), /"tien-ich\.js" không được đăng/],
    ['an HTML page', 'files/trang.html', bytes('<html>'), /"trang\.html" không được đăng/],
    ['a .pdf that is HTML', 'files/ket-luan.pdf', bytes('<html><script>'), /đuôi \.pdf nhưng nội dung là trang web/],
    ['a .docx that is a PDF', 'files/bien-ban.docx', bytes('%PDF-1.4'), /đuôi \.docx nhưng nội dung là PDF/],
    [
      'an SVG image',
      'images/so-do.svg',
      bytes('<svg>'),
      /ảnh "so-do\.svg" không được đăng: chỉ nhận ảnh JPEG, PNG hoặc WebP/,
    ],
    ['a GIF named .png', 'images/bia.png', bytes('GIF89a'), /đuôi \.png nhưng nội dung là ảnh GIF/],
    ['a cut-short PNG', 'images/bia.png', bytes(PNG_SIGNATURE), /"bia\.png" bị hỏng hoặc tải lên chưa hết/],
  ])('refuses %s', (_name, path, head, message) => {
    const problems = checkFiles([file(`content/thang/2026-11/${path}`, head)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: `content/thang/2026-11/${path}` });
    expect(problems[0]?.message).toMatch(message);
  });

  it('refuses an empty attachment and an empty page', () => {
    expect(
      checkFiles([
        { path: 'content/thang/2026-11/files/ket-luan.pdf', size: 0, head: new Uint8Array(), tail: new Uint8Array() },
        { path: 'content/thang/2026-11/01-thoi-su.mdx', size: 0, source: '' },
      ]),
    ).toEqual([
      {
        severity: 'error',
        file: 'content/thang/2026-11/files/ket-luan.pdf',
        message: t('error.fileEmpty', { file: 'ket-luan.pdf' }),
      },
      { severity: 'error', file: 'content/thang/2026-11/01-thoi-su.mdx', line: 1, message: t('error.emptyFile') },
    ]);
  });

  it('refuses an image over the limit, not one just under it', () => {
    const jpeg = (size: number) =>
      file('content/thang/2026-11/images/anh.jpg', bytes(JPEG_START), bytes([0xff, 0xd9]), size);
    expect(messagesOf([jpeg(IMAGE_MAX_BYTES)])).toEqual([]);
    expect(messagesOf([jpeg(IMAGE_MAX_BYTES + 1)])).toEqual([
      t('error.imageTooBig', { file: 'anh.jpg', size: '20 MB', limit: '20 MB' }),
    ]);
  });

  it('refuses a symlink and does not look further into it', () => {
    expect(checkFiles([{ path: 'content/thang/2026-12', size: 0, symlink: true }])).toEqual([
      {
        severity: 'error',
        file: 'content/thang/2026-12',
        message: t('error.symlink', { file: 'content/thang/2026-12' }),
      },
    ]);
  });
});
