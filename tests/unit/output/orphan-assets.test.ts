import { describe, expect, it } from 'vitest';
import { findOrphanAssets } from '../../../src/lib/output/orphan-assets.ts';

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
    [
      'names of several lengths sharing an ending, each found where it is written',
      ['a.x1.webp', 'anh-dai.x22.webp', 'c.x3.webp'],
      ['<img srcset="/_astro/anh-dai.x22.webp 800w, /_astro/a.x1.webp 400w">'],
      ['c.x3.webp'],
    ],
    ['a name inside a longer one counts as written', ['bia.tif', 'a.png'], ['/_astro/x-bia.tiff', 'ba.png'], []],
    ['the ending is matched as written', ['BIA.JPG', 'bia.jpg'], ['/_astro/BIA.JPG'], ['bia.jpg']],
    ['a name without an extension', ['LICENSE', 'README'], ['see LICENSE'], ['README']],
  ])('%s', (_label, assets, texts, orphans) => {
    expect(findOrphanAssets(assets, texts)).toEqual(orphans);
  });

  it('finds the same orphans as searching every text for every name', () => {
    let seed = 7;
    const random = (limit: number) => (seed = (seed * 48271) % 2147483647) % limit;
    const word = () => Array.from({ length: 1 + random(4) }, () => 'ab.-'[random(4)]).join('');
    const endings = ['.webp', '.jpg', '.png', ''];
    for (let round = 0; round < 50; round++) {
      const names = Array.from({ length: 8 }, () => `${word()}${endings[random(4)]}`);
      const texts = Array.from({ length: 4 }, () =>
        Array.from({ length: 12 }, () => `${word()}${endings[random(4)]}`).join(''),
      );
      const naive = [...new Set(names)].filter((name) => !texts.some((text) => text.includes(name))).sort();
      expect(findOrphanAssets(names, texts)).toEqual(naive);
    }
  });
});
