/**
 * A large photo in a section body: the page offers it in screen sizes (srcset/sizes), and the PDF
 * and Word file embed it resized for print (about 200 dpi at the text width), not at full size.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRINT_IMAGE_MAX_PX } from '../../src/lib/exports/document-format.ts';
import { BODY_IMAGE_SIZES } from '../../src/lib/content/markdown-plugins.ts';
import { buildSite, projectRoot, type BuildResult } from '../support/build-site.ts';

const work = resolve(projectRoot, '.cache/test-builds/body-images');
const contentDir = join(work, 'content');
const PHOTO = { width: 3600, height: 2400 };

/** A photo-like JPEG: smooth gradients with noise, so it weighs what a camera's does. */
async function photo(): Promise<Buffer> {
  const { width, height } = PHOTO;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let index = 0; index < pixels.length; index++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const x = (index / 3) % width;
    pixels[index] = ((x / width) * 200 + (seed % 56)) & 0xff;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

let build: BuildResult;
let original: Buffer;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  const month = join(contentDir, 'thang/2026-11');
  mkdirSync(join(month, 'images'), { recursive: true });
  original = await photo();
  writeFileSync(join(month, 'images/hoi-nghi.jpg'), original);
  writeFileSync(
    join(month, 'index.mdx'),
    [
      '---',
      'title: "Tài liệu sinh hoạt chi bộ tháng 11 năm 2026"',
      'month: "2026-11"',
      'summary: "Tháng có một ảnh lớn trong bài."',
      'issuer: "Ban Tuyên giáo Tỉnh uỷ"',
      'status: published',
      'publishDate: 2026-10-28',
      'agenda:',
      '  - "Thông tin thời sự"',
      '---',
      '',
      'Tháng Mười Một.',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(month, '01-thoi-su.mdx'),
    [
      '---',
      'title: "Thời sự tháng 10"',
      'order: 1',
      'kind: thoi-su',
      '---',
      '',
      'Hội nghị chi bộ thôn Bản Liền.',
      '',
      '![Hội nghị chi bộ thôn Bản Liền](./images/hoi-nghi.jpg)',
      '',
    ].join('\n'),
  );
  build = buildSite({ name: 'body-images', contentDir });
  if (build.status !== 0) throw new Error(build.output);
}, 300_000);

describe('a large body image', () => {
  it('is offered in screen sizes on the page, the phone ones small', () => {
    const html = readFileSync(join(build.outDir, 'thang/2026-11/thoi-su/index.html'), 'utf8');
    const img = /<img [^>]*alt="Hội nghị chi bộ thôn Bản Liền"[^>]*>/.exec(html)?.[0] ?? '';
    expect(img).not.toBe('');
    expect(img).toContain(`sizes="${BODY_IMAGE_SIZES}"`);
    const candidates = [...(/srcset="([^"]+)"/.exec(img)?.[1] ?? '').matchAll(/(\S+) (\d+)w/g)];
    const widths = candidates.map((match) => Number(match[2]));
    expect(widths.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...widths)).toBeLessThanOrEqual(720);
    expect(Math.max(...widths)).toBeLessThanOrEqual(PHOTO.width);
    // The smallest candidate is a real, small file.
    const smallest = candidates.find((match) => Number(match[2]) === Math.min(...widths))?.[1] ?? '';
    expect(readFileSync(join(build.outDir, smallest)).length).toBeLessThan(original.length / 10);
  });

  it('is resized for print in the Word file', async () => {
    const docx = unzipSync(readFileSync(join(build.outDir, 'thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.docx')));
    const media = Object.entries(docx).filter(([name]) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const meta = await sharp((media[0] as [string, Uint8Array])[1]).metadata();
    expect(meta.width).toBe(PRINT_IMAGE_MAX_PX.width);
    expect(meta.height).toBe(Math.round((PRINT_IMAGE_MAX_PX.width * PHOTO.height) / PHOTO.width));
  });

  it('keeps the PDF and the ZIP a fraction of the photo', () => {
    for (const ext of ['pdf', 'zip']) {
      const size = readFileSync(join(build.outDir, `thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.${ext}`)).length;
      expect(size, ext).toBeLessThan(original.length / 2);
    }
  });
});
