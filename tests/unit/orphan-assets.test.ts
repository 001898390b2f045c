import { describe, expect, it } from 'vitest';
import { findOrphanAssets } from '../../src/lib/orphan-assets.ts';

describe('findOrphanAssets', () => {
  it.each([
    ['an image a page uses is kept', ['bia.abc.webp'], ['<img src="/_astro/bia.abc.webp">'], []],
    ['an image only a stylesheet uses is kept', ['nen.def.png'], ['body{background:url(/_astro/nen.def.png)}'], []],
    [
      'an image nothing uses is an orphan',
      ['bia-nhap.xyz.jpg', 'bia.abc.webp'],
      ['<img src="/_astro/bia.abc.webp">'],
      ['bia-nhap.xyz.jpg'],
    ],
    ['with no text every asset is an orphan', ['a.png', 'b.jpg'], [], ['a.png', 'b.jpg']],
  ])('%s', (_label, assets, texts, orphans) => {
    expect(findOrphanAssets(assets, texts)).toEqual(orphans);
  });
});
