import { describe, expect, it } from 'vitest';
import {
  SHARE_IMAGE,
  shareCardTree,
  shareImageOf,
  siteShareImage,
  socialMetaTags,
  titleFontSize,
  type CardNode,
} from '../../../src/lib/reach/share.ts';

const site = new URL('https://tailieu.example.org');

describe('shareImageOf', () => {
  it.each([
    [
      'month',
      shareImageOf.month('2026-11', 'Tài liệu tháng 11'),
      '/anh-chia-se/thang-2026-11.png',
      'Tài liệu tháng 11 – Tháng 11/2026',
    ],
    [
      'topic',
      shareImageOf.topic(2026, 'Chuyên đề'),
      '/anh-chia-se/chuyen-de-2026.png',
      'Chuyên đề – Chuyên đề năm 2026',
    ],
    [
      'guide',
      shareImageOf.guide('bac-ho', 'Bác Hồ', '2026-09-02'),
      '/anh-chia-se/hoc-tap-bac-bac-ho.png',
      'Bác Hồ – Tháng 9/2026',
    ],
  ])('%s: one image per item, alt text with title and month', (_, image, path, alt) => {
    expect(image).toEqual({ path, alt });
  });
});

describe('socialMetaTags', () => {
  const tags = socialMetaTags({
    site,
    path: '/thang/2026-11/thoi-su/',
    title: 'Thời sự',
    description: 'Mô tả',
    image: siteShareImage(),
    type: 'article',
  });
  const value = (key: string) => tags.find((tag) => tag.key === key);

  it.each([
    ['og:title', 'property', 'Thời sự'],
    ['og:type', 'property', 'article'],
    ['og:locale', 'property', 'vi_VN'],
    ['og:url', 'property', 'https://tailieu.example.org/thang/2026-11/thoi-su/'],
    ['og:image', 'property', 'https://tailieu.example.org/anh-chia-se/trang-chu.png'],
    ['og:image:width', 'property', '1200'],
    ['og:image:height', 'property', '630'],
    ['twitter:card', 'name', 'summary_large_image'],
    ['twitter:image', 'name', 'https://tailieu.example.org/anh-chia-se/trang-chu.png'],
  ])('%s', (key, attribute, content) => {
    expect(value(key)).toEqual({ attribute, key, content });
  });
});

describe('shareCardTree', () => {
  const texts = (node: CardNode | string): string[] =>
    typeof node === 'string'
      ? [node]
      : [node.props.children ?? []].flat().flatMap((child) => texts(child as CardNode | string));

  it('is a 1200×630 card saying kicker, title, month and host', () => {
    const tree = shareCardTree({
      kicker: 'Tài liệu tháng',
      title: 'Tiêu đề',
      label: 'Tháng 11/2026',
      host: 'tailieu.example.org',
    });
    expect(tree.props.style).toMatchObject({ width: SHARE_IMAGE.width, height: SHARE_IMAGE.height });
    expect(texts(tree)).toEqual(['Tài liệu tháng', 'Tiêu đề', 'Tháng 11/2026', 'tailieu.example.org']);
  });

  it.each([
    [20, 68],
    [60, 58],
    [90, 48],
    [160, 40],
  ])('a %i-character title gets %ipx, smaller as it grows', (length, size) => {
    expect(titleFontSize('a'.repeat(length))).toBe(size);
  });
});
